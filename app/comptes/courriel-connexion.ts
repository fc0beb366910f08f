import { dateHeureEnFrancais, miseEnPage } from "~/platform/courriel/gabarit";
import type { Courriel } from "~/platform/courriel/messagerie.server";

export interface DemandeLien {
  destinataire: string;
  lien: string;
  /** Minutes the link stays valid. */
  validiteMinutes: number;
  demandeLe: Date;
  /** "Firefox sur Windows", from the request that asked for the link. */
  appareil: string;
}

/** The magic-link mail: who asked and when, the link, its expiry, and what to do if it wasn't you. */
export function courrielLienConnexion(d: DemandeLien): Courriel {
  const sujet = "Votre lien de connexion à Passerelle";
  const qui = `Une demande de connexion à Passerelle a été faite avec l'adresse ${d.destinataire}, le ${dateHeureEnFrancais(d.demandeLe)}, depuis : ${d.appareil}.`;
  const validite = `Ce lien est valable ${d.validiteMinutes} minutes et ne sert qu'une fois.`;
  const ignorer = "Si vous n'avez rien demandé, ignorez ce message : sans ce lien, personne ne peut se connecter à votre place.";
  const texte = [
    "Bonjour,",
    "",
    qui,
    "",
    "Pour vous connecter, ouvrez ce lien :",
    d.lien,
    "",
    validite,
    "",
    ignorer,
    "",
    "--",
    "Passerelle — la plateforme de l'écosystème de l'inclusion numérique. Ce message est envoyé automatiquement, ne répondez pas.",
    "",
  ].join("\n");
  const html = miseEnPage(sujet, [{ paragraphe: "Bonjour," }, { paragraphe: qui }, { bouton: "Me connecter à Passerelle", lien: d.lien }, { paragraphe: validite }, { paragraphe: ignorer }]);
  return { destinataire: d.destinataire, sujet, texte, html };
}
