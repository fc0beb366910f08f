import type { Courriel } from "~/platform/courriel/messagerie.server";
import { miseEnPage, type Bloc } from "~/platform/courriel/gabarit";
import { LIBELLES_CATEGORIES, type CategorieSignalement } from "./libelles";

/** The mails of error reports: French, a plain-text part mirroring the HTML one. */

function courriel(destinataire: string, sujet: string, blocs: Bloc[]): Courriel {
  const texte = `${blocs.map((b) => ("paragraphe" in b ? b.paragraphe : `${b.bouton} :\n${b.lien}`)).join("\n\n")}\n\n— Passerelle, la plateforme de l'écosystème de l'inclusion numérique. Ce message est envoyé automatiquement, ne répondez pas.\n`;
  return { destinataire, sujet, texte, html: miseEnPage(sujet, blocs) };
}

export type Destinataires = "structure" | "coordination" | "administrateurs";

const POURQUOI: Record<Destinataires, string> = {
  structure: "Vous recevez ce message parce que votre structure tient cette fiche à jour.",
  coordination: "Vous recevez ce message parce qu'aucune structure ne tient cette fiche à jour et que le lieu est sur le territoire que vous coordonnez.",
  administrateurs: "Vous recevez ce message parce que ni une structure ni une coordination ne suit ce lieu : il revient aux administrateurs de Passerelle.",
};

/** To the people who handle the ticket. Never the reporter's address: only whether one was left. */
export function courrielNouveauSignalement(p: {
  destinataire: string;
  lieu: string;
  commune: string;
  categories: readonly CategorieSignalement[];
  message: string;
  reporterPrevenu: boolean;
  lien: string;
  niveau: Destinataires;
}): Courriel {
  const quoi = p.categories.length === 0 ? "non précisé" : p.categories.map((c) => LIBELLES_CATEGORIES[c]).join(", ");
  return courriel(p.destinataire, `Erreur signalée sur « ${p.lieu} »`, [
    { paragraphe: `Quelqu'un signale une erreur sur la fiche « ${p.lieu} » (${p.commune}).` },
    { paragraphe: `Ce qui serait faux : ${quoi}.` },
    ...(p.message === "" ? [] : [{ paragraphe: `Son message : « ${p.message} »` }]),
    { paragraphe: p.reporterPrevenu ? "La personne a laissé une adresse : elle sera prévenue quand vous marquerez le signalement corrigé ou rejeté." : "La personne n'a pas laissé d'adresse." },
    { bouton: "Traiter le signalement", lien: p.lien },
    { paragraphe: POURQUOI[p.niveau] },
  ]);
}

export type StatutAnnonce = "en_cours" | "corrige" | "rejete";

const ANNONCES: Record<StatutAnnonce, { sujet: string; texte: string }> = {
  en_cours: { sujet: "Votre signalement est en cours de traitement", texte: "est en cours de traitement par les personnes qui tiennent la fiche à jour." },
  corrige: { sujet: "Votre signalement a été pris en compte", texte: "a été pris en compte : la fiche est corrigée. Merci !" },
  rejete: { sujet: "Votre signalement n'a pas été retenu", texte: "n'a pas été retenu par les personnes qui tiennent la fiche à jour." },
};

/** To the reporter, when they left an address. */
export function courrielSuiviSignalement(p: { destinataire: string; lieu: string; statut: StatutAnnonce; reponse: string; lienLieu: string }): Courriel {
  const a = ANNONCES[p.statut];
  return courriel(p.destinataire, a.sujet, [
    { paragraphe: `Bonjour, votre signalement d'erreur sur la fiche « ${p.lieu} » ${a.texte}` },
    ...(p.reponse === "" ? [] : [{ paragraphe: `Leur réponse : « ${p.reponse} »` }]),
    { bouton: "Voir la fiche du lieu", lien: p.lienLieu },
    { paragraphe: "Vous recevez ce message parce que vous avez laissé votre adresse en signalant l'erreur. Elle ne sert qu'à cela." },
  ]);
}
