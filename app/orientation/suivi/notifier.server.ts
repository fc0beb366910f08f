import { and, desc, eq } from "drizzle-orm";
import { utilisateurs } from "~/comptes/comptes.schema";
import { lieux } from "~/lieux/lieux.schema";
import type { Courriel, Messagerie } from "~/platform/courriel/messagerie.server";
import type { BaseDeDonnees } from "~/platform/db/connexion.server";
import { ErreurPasserelle } from "~/platform/erreurs";
import { appartient } from "~/platform/listes";
import { membres_structures, structures } from "~/structures/structures.schema";
import { courrielTransition, type Resume } from "./courriels";
import { liens_orientations, orientations } from "./orientations.schema";
import type { ServicesOrientations } from "./services.server";
import type { Auteur } from "./transitions";
import { DEMARCHES, URGENCES, type Issue, type MotifRefus, type Statut } from "./vocabulaire";

/** Who is mailed about a referral, and the summary mails carry (no personal data: see courriels.ts). */

export interface Envoi {
  id: string;
  resume: Resume;
  emetteurId: string | null;
  structureEmettriceId: string;
  structureDestinataireId: string | null;
}

export async function envoiDe(db: BaseDeDonnees, id: string): Promise<Envoi> {
  const [o] = await db
    .select({
      id: orientations.id,
      code: orientations.code,
      lieu: lieux.nom,
      commune: lieux.commune,
      structureEmettrice: structures.nom,
      services: orientations.services,
      demarches: orientations.demarches,
      urgence: orientations.urgence,
      emetteurId: orientations.emetteur_id,
      structureEmettriceId: orientations.structure_emettrice_id,
      structureDestinataireId: orientations.structure_destinataire_id,
    })
    .from(orientations)
    .innerJoin(lieux, eq(lieux.id, orientations.lieu_id))
    .innerJoin(structures, eq(structures.id, orientations.structure_emettrice_id))
    .where(eq(orientations.id, id));
  if (!o) throw new ErreurPasserelle("introuvable", "Orientation introuvable.");
  const resume: Resume = {
    code: o.code,
    lieu: o.lieu,
    commune: o.commune,
    structureEmettrice: o.structureEmettrice,
    services: o.services,
    demarches: o.demarches.filter((d) => appartient(DEMARCHES, d)),
    urgence: appartient(URGENCES, o.urgence) ? o.urgence : "normale",
  };
  return { id: o.id, resume, emetteurId: o.emetteurId, structureEmettriceId: o.structureEmettriceId, structureDestinataireId: o.structureDestinataireId };
}

/** Every member's address of a structure (any role: each may act on its referrals). */
export async function adressesMembres(db: BaseDeDonnees, structureId: string): Promise<string[]> {
  const lignes = await db
    .select({ courriel: utilisateurs.courriel })
    .from(membres_structures)
    .innerJoin(utilisateurs, eq(utilisateurs.id, membres_structures.utilisateur_id))
    .where(eq(membres_structures.structure_id, structureId));
  return [...new Set(lignes.map((l) => l.courriel))].sort();
}

/** The address the last signed link of a referral went to (the place's orientation address at the time). */
export async function adresseDuLien(db: BaseDeDonnees, orientationId: string): Promise<string | null> {
  const [l] = await db.select({ courriel: liens_orientations.courriel }).from(liens_orientations).where(eq(liens_orientations.orientation_id, orientationId)).orderBy(desc(liens_orientations.cree_le)).limit(1);
  return l?.courriel ?? null;
}

/** The sender: their account while they are still a member of the sending structure, else all its members. */
async function adressesEmettrices(db: BaseDeDonnees, e: Envoi): Promise<string[]> {
  if (e.emetteurId) {
    const [u] = await db
      .select({ courriel: utilisateurs.courriel })
      .from(membres_structures)
      .innerJoin(utilisateurs, eq(utilisateurs.id, membres_structures.utilisateur_id))
      .where(and(eq(membres_structures.structure_id, e.structureEmettriceId), eq(membres_structures.utilisateur_id, e.emetteurId)));
    if (u) return [u.courriel];
  }
  return adressesMembres(db, e.structureEmettriceId);
}

/**
 * A mail that could not leave stays in the outbox with its error: the change it reports is already
 * stored, so the person acting is not told to retry (which would repeat it). Ids only in the log.
 */
export async function envoyerSansEchec(messagerie: Messagerie, courriel: Courriel, orientationId: string): Promise<void> {
  await messagerie.envoyer(courriel).catch(() => console.error(`Orientation ${orientationId} : un courriel n'a pas pu partir (voir /admin/courriels).`));
}

export const lienOrientation = (s: ServicesOrientations, id: string): string => `${s.urlPublique}/orientations/${id}`;

/** Tells the other side of a transition: the sender for the receiver's and Passerelle's, the receiver for the sender's. */
export async function prevenirAutreCote(
  s: ServicesOrientations,
  id: string,
  auteur: Auteur,
  statut: Statut,
  extras: { motifRefus?: MotifRefus | null; issue?: Issue | null; rdvLe?: Date | null } = {},
): Promise<void> {
  const e = await envoiDe(s.db, id);
  if (auteur === "emetteur") {
    const membres = e.structureDestinataireId ? await adressesMembres(s.db, e.structureDestinataireId) : [];
    const adresses = membres.length > 0 ? membres : [await adresseDuLien(s.db, id)].flatMap((a) => (a ? [a] : []));
    const parCompte = membres.length > 0;
    for (const destinataire of adresses) {
      const pourquoi = parCompte ? "Vous recevez ce message parce que vous êtes membre de la structure qui reçoit cette orientation." : "Vous recevez ce message parce que cette adresse a reçu cette orientation.";
      await envoyerSansEchec(s.messagerie, courrielTransition({ destinataire, resume: e.resume, statut, rdvLe: extras.rdvLe ?? null, issue: extras.issue ?? null, lien: parCompte ? lienOrientation(s, id) : null, pourquoi }), id);
    }
    return;
  }
  for (const destinataire of await adressesEmettrices(s.db, e)) {
    const pourquoi = "Vous recevez ce message parce que votre structure a envoyé cette orientation.";
    await envoyerSansEchec(s.messagerie, courrielTransition({ destinataire, resume: e.resume, statut, motifRefus: extras.motifRefus ?? null, issue: extras.issue ?? null, rdvLe: extras.rdvLe ?? null, lien: lienOrientation(s, id), pourquoi }), id);
  }
}
