import type { Courriel } from "~/platform/courriel/messagerie.server";
import { dateHeureEnFrancais, miseEnPage, type Bloc } from "~/platform/courriel/gabarit";
import { afficherCodeOrientation } from "./codes";
import { LIBELLES_DEMARCHES, LIBELLES_ISSUES, LIBELLES_MOTIFS_REFUS, LIBELLES_STATUTS, LIBELLES_URGENCES, type Demarche, type Issue, type MotifRefus, type Statut, type Urgence } from "./vocabulaire";

/**
 * The mails of tracked referrals. They carry the code, the place, the structures and the status —
 * never the person's details nor the free message (either may hold personal data): those are read in
 * Passerelle, where reading them is logged. The person is never mailed (the refusal reason is for the
 * two structures only).
 */

const SIGNATURE = "— Passerelle, la plateforme de l'écosystème de l'inclusion numérique. Ce message est envoyé automatiquement, ne répondez pas.";

function courriel(destinataire: string, sujet: string, blocs: Bloc[]): Courriel {
  const texte = `${blocs.map((b) => ("paragraphe" in b ? b.paragraphe : `${b.bouton} :\n${b.lien}`)).join("\n\n")}\n\n${SIGNATURE}\n`;
  return { destinataire, sujet, texte, html: miseEnPage(sujet, blocs) };
}

export interface Resume {
  code: string;
  lieu: string;
  commune: string;
  structureEmettrice: string;
  services: readonly string[];
  demarches: readonly Demarche[];
  urgence: Urgence;
}

function besoin(r: Resume): string {
  const quoi = [...r.demarches.map((d) => LIBELLES_DEMARCHES[d]), ...r.services];
  return quoi.length === 0 ? "non précisé" : quoi.join(", ");
}

function blocsResume(r: Resume): Bloc[] {
  return [
    { paragraphe: `Code d'orientation : ${afficherCodeOrientation(r.code)}` },
    { paragraphe: `Lieu : ${r.lieu} (${r.commune}). Orientée par : ${r.structureEmettrice}.` },
    { paragraphe: `Besoin : ${besoin(r)}. Urgence : ${LIBELLES_URGENCES[r.urgence].toLowerCase()}.` },
  ];
}

const DANS_PASSERELLE = "Le message de la structure qui oriente et, si la personne l'a accepté, ses coordonnées se lisent dans Passerelle (chaque lecture est enregistrée).";

/** To the members of the receiving structure: a new referral in their inbox. */
export function courrielNouvelleOrientation(p: { destinataire: string; resume: Resume; lien: string }): Courriel {
  return courriel(p.destinataire, `Nouvelle orientation ${afficherCodeOrientation(p.resume.code)} vers « ${p.resume.lieu} »`, [
    { paragraphe: `${p.resume.structureEmettrice} oriente une personne vers « ${p.resume.lieu} ».` },
    ...blocsResume(p.resume),
    { paragraphe: DANS_PASSERELLE },
    { bouton: "Ouvrir l'orientation", lien: p.lien },
    { paragraphe: "Vous recevez ce message parce que vous êtes membre de la structure qui tient ce lieu dans Passerelle." },
  ]);
}

export type ObjetLien = "nouvelle" | "relance" | "renouvellement";

const SUJETS_LIEN: Record<ObjetLien, string> = {
  nouvelle: "Nouvelle orientation",
  relance: "Rappel : orientation en attente de réponse",
  renouvellement: "Nouveau lien pour l'orientation",
};

/** To a place's orientation address (no account): the signed link, valid until `expireLe`. */
export function courrielLienOrientation(p: { destinataire: string; resume: Resume; lien: string; expireLe: Date; objet: ObjetLien }): Courriel {
  return courriel(p.destinataire, `${SUJETS_LIEN[p.objet]} ${afficherCodeOrientation(p.resume.code)} vers « ${p.resume.lieu} »`, [
    {
      paragraphe:
        p.objet === "relance"
          ? `Une orientation vers « ${p.resume.lieu} » attend toujours votre réponse.`
          : `${p.resume.structureEmettrice} oriente une personne vers « ${p.resume.lieu} » avec Passerelle.`,
    },
    ...blocsResume(p.resume),
    { paragraphe: `${DANS_PASSERELLE} Vous pouvez répondre sans créer de compte avec ce lien personnel, valable jusqu'au ${dateHeureEnFrancais(p.expireLe)} (un nouveau lien peut être demandé ensuite). Ne le transférez pas.` },
    { bouton: "Voir l'orientation et répondre", lien: p.lien },
    { paragraphe: "Vous recevez ce message parce que cette adresse est indiquée pour recevoir les orientations vers ce lieu." },
  ]);
}

/** To the other side after a transition: code, place, new status (and the refusal reason for the sending structure). */
export function courrielTransition(p: {
  destinataire: string;
  resume: Resume;
  statut: Statut;
  /** Only in mails to the sending structure. */
  motifRefus?: MotifRefus | null;
  issue?: Issue | null;
  rdvLe?: Date | null;
  lien: string | null;
  pourquoi: string;
}): Courriel {
  const code = afficherCodeOrientation(p.resume.code);
  const details: Bloc[] = [];
  if (p.statut === "acceptee" && p.rdvLe) details.push({ paragraphe: `Rendez-vous proposé : ${dateHeureEnFrancais(p.rdvLe)}.` });
  if (p.statut === "refusee" && p.motifRefus) details.push({ paragraphe: `Motif du refus : ${LIBELLES_MOTIFS_REFUS[p.motifRefus]}. Ce motif est réservé aux deux structures : il n'est jamais communiqué à la personne.` });
  if (p.statut === "cloturee" && p.issue) details.push({ paragraphe: `Issue : ${LIBELLES_ISSUES[p.issue]}.` });
  if (p.statut === "expiree") details.push({ paragraphe: "Le lieu n'a pas répondu à temps. Vous pouvez orienter la personne vers un autre lieu." });
  return courriel(p.destinataire, `Orientation ${code} : ${LIBELLES_STATUTS[p.statut].toLowerCase()}`, [
    { paragraphe: `L'orientation ${code} vers « ${p.resume.lieu} » (${p.resume.commune}) est maintenant : ${LIBELLES_STATUTS[p.statut].toLowerCase()}.` },
    ...details,
    ...(p.lien ? [{ bouton: "Voir l'orientation", lien: p.lien }] : []),
    { paragraphe: p.pourquoi },
  ]);
}

/** To the members of the receiving structure: a referral still waits for an answer. */
export function courrielRelance(p: { destinataire: string; resume: Resume; envoyeeLe: Date; lien: string }): Courriel {
  return courriel(p.destinataire, `Rappel : l'orientation ${afficherCodeOrientation(p.resume.code)} attend votre réponse`, [
    { paragraphe: `L'orientation vers « ${p.resume.lieu} », envoyée le ${dateHeureEnFrancais(p.envoyeeLe)}, attend toujours une réponse : acceptez-la ou refusez-la pour que la structure qui oriente puisse avancer.` },
    ...blocsResume(p.resume),
    { bouton: "Ouvrir l'orientation", lien: p.lien },
    { paragraphe: "Vous recevez ce message parce que vous êtes membre de la structure qui tient ce lieu dans Passerelle." },
  ]);
}
