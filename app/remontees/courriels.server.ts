import { and, eq, inArray, ne } from "drizzle-orm";
import { utilisateurs } from "~/comptes/comptes.schema";
import { miseEnPage, type Bloc } from "~/platform/courriel/gabarit";
import type { Courriel, Messagerie } from "~/platform/courriel/messagerie.server";
import type { BaseDeDonnees } from "~/platform/db/connexion.server";
import { membres_structures, structures } from "~/structures/structures.schema";
import { LIBELLES_OPERATEURS, LIBELLES_STATUTS_REMONTEES, type Operateur, type StatutRemontee } from "./vocabulaire";

/**
 * The mails of field feedback. They carry the operator, the procedure and a link to the page — never
 * the description or the answers (the page is behind a session), never anyone's name.
 */

function courriel(destinataire: string, sujet: string, blocs: Bloc[]): Courriel {
  const texte = `${blocs.map((b) => ("paragraphe" in b ? b.paragraphe : `${b.bouton} :\n${b.lien}`)).join("\n\n")}\n\n— Passerelle, la plateforme de l'écosystème de l'inclusion numérique. Ce message est envoyé automatiquement, ne répondez pas.\n`;
  return { destinataire, sujet, texte, html: miseEnPage(sujet, blocs) };
}

const adresses = (lignes: { courriel: string }[]) => [...new Set(lignes.map((l) => l.courriel))].sort();

/** The operator's correspondents: prescripteurs and responsables of the structures naming it; the actor left out. */
export async function correspondantsDe(db: BaseDeDonnees, operateur: Operateur, sauf: string | null = null): Promise<string[]> {
  const lignes = await db
    .select({ courriel: utilisateurs.courriel })
    .from(membres_structures)
    .innerJoin(structures, eq(structures.id, membres_structures.structure_id))
    .innerJoin(utilisateurs, eq(utilisateurs.id, membres_structures.utilisateur_id))
    .where(and(eq(structures.operateur, operateur), inArray(membres_structures.role, ["prescripteur", "responsable"]), sauf ? ne(utilisateurs.id, sauf) : undefined));
  return adresses(lignes);
}

/** The author's side: médiateurs and responsables of the structure that posted it; the actor left out. */
export async function equipeAuteure(db: BaseDeDonnees, structureId: string, sauf: string | null = null): Promise<string[]> {
  const lignes = await db
    .select({ courriel: utilisateurs.courriel })
    .from(membres_structures)
    .innerJoin(utilisateurs, eq(utilisateurs.id, membres_structures.utilisateur_id))
    .where(and(eq(membres_structures.structure_id, structureId), inArray(membres_structures.role, ["mediateur", "responsable"]), sauf ? ne(utilisateurs.id, sauf) : undefined));
  return adresses(lignes);
}

interface Sujet {
  operateur: Operateur;
  demarche: string;
  lien: string;
}

export function courrielNouvelleRemontee(destinataire: string, r: Sujet & { structure: string; territoire: string; personnes: number }): Courriel {
  const operateur = LIBELLES_OPERATEURS[r.operateur];
  return courriel(destinataire, `Remontée de terrain : ${operateur}, « ${r.demarche} »`, [
    { paragraphe: `${r.structure} signale un problème bloquant sur la démarche en ligne « ${r.demarche} » (${operateur}), à ${r.territoire}, pour ${r.personnes} personne${r.personnes > 1 ? "s" : ""}.` },
    { bouton: "Lire et répondre", lien: r.lien },
    { paragraphe: `Vous recevez ce message parce que vous êtes correspondant·e de ${operateur} sur Passerelle (prescripteur·rice ou responsable d'une structure de cet opérateur).` },
  ]);
}

export type Cote = "operateur" | "auteur";

/** A new message of the thread, to the other side. */
export function courrielNouvelleReponse(destinataire: string, r: Sujet & { de: Cote }): Courriel {
  const operateur = LIBELLES_OPERATEURS[r.operateur];
  const qui = r.de === "operateur" ? `${operateur} a répondu` : "La structure qui l'a faite a ajouté une précision";
  return courriel(destinataire, `Remontée « ${r.demarche} » : nouveau message`, [
    { paragraphe: `${qui} sur la remontée de terrain « ${r.demarche} » (${operateur}).` },
    { bouton: "Lire le message", lien: r.lien },
    {
      paragraphe:
        r.de === "operateur"
          ? "Vous recevez ce message parce que votre structure a fait cette remontée."
          : `Vous recevez ce message parce que vous êtes correspondant·e de ${operateur} sur Passerelle.`,
    },
  ]);
}

/** A status change (prise en compte, close), to the author's side. */
export function courrielStatutRemontee(destinataire: string, r: Sujet & { statut: StatutRemontee }): Courriel {
  const operateur = LIBELLES_OPERATEURS[r.operateur];
  const quoi = r.statut === "close" ? `${operateur} a clos la remontée avec une réponse finale.` : `${operateur} a pris en compte la remontée.`;
  return courriel(destinataire, `Remontée « ${r.demarche} » : ${LIBELLES_STATUTS_REMONTEES[r.statut].toLowerCase()}`, [
    { paragraphe: `Remontée de terrain « ${r.demarche} » : ${quoi}` },
    { bouton: "Voir la remontée", lien: r.lien },
    { paragraphe: "Vous recevez ce message parce que votre structure a fait cette remontée." },
  ]);
}

/** Sends each mail; a failing SMTP server does not undo the feedback (the mail stays in the outbox). */
export async function envoyerTous(messagerie: Messagerie, courriels: readonly Courriel[]): Promise<void> {
  for (const c of courriels) await messagerie.envoyer(c).catch(() => console.error("Courriel de remontée non envoyé (il reste dans la boîte d'envoi)."));
}
