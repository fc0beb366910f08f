import { and, eq, sql } from "drizzle-orm";
import type { BaseDeDonnees } from "~/platform/db/connexion.server";
import { ErreurPasserelle } from "~/platform/erreurs";
import type { Acteur, ServicesStructures } from "./contexte.server";
import { droitsDe, exiger, peutGererStructure } from "./droits.server";
import { tracer } from "./journal.server";
import { membres_structures } from "./structures.schema";
import type { RoleMembre } from "./vocabulaire";

const DERNIER_RESPONSABLE = "Une structure garde toujours au moins un·e responsable : nommez d'abord quelqu'un d'autre responsable.";

/**
 * Locks the structure's memberships for the rest of the transaction, so that two managers removing
 * each other at the same time cannot leave it without a responsable.
 */
async function verrouillerMembres(tx: BaseDeDonnees, structureId: string): Promise<{ utilisateurId: string; role: string }[]> {
  return tx
    .select({ utilisateurId: membres_structures.utilisateur_id, role: membres_structures.role })
    .from(membres_structures)
    .where(eq(membres_structures.structure_id, structureId))
    .for("update");
}

function verifierResponsableRestant(membres: { utilisateurId: string; role: string }[], cible: string, nouveauRole: RoleMembre | null): void {
  const restants = membres.filter((m) => (m.utilisateurId === cible ? nouveauRole === "responsable" : m.role === "responsable"));
  if (restants.length === 0) throw new ErreurPasserelle("conflit", DERNIER_RESPONSABLE, [{ champ: "role", message: DERNIER_RESPONSABLE }]);
}

/** Responsables and administrators change a member's role. */
export async function changerRole(s: ServicesStructures, acteur: Acteur, structureId: string, utilisateurId: string, role: RoleMembre): Promise<void> {
  const droits = await droitsDe(s.db, acteur, s.referentiel);
  exiger(droits, peutGererStructure(droits, structureId), "Seuls les responsables de la structure peuvent changer les rôles.");
  await s.db.transaction(async (tx) => {
    const membres = await verrouillerMembres(tx, structureId);
    if (!membres.some((m) => m.utilisateurId === utilisateurId)) throw new ErreurPasserelle("introuvable", "Cette personne n'est pas membre de la structure.");
    verifierResponsableRestant(membres, utilisateurId, role);
    await tx
      .update(membres_structures)
      .set({ role, modifie_le: sql`now()` })
      .where(and(eq(membres_structures.structure_id, structureId), eq(membres_structures.utilisateur_id, utilisateurId)));
    await tracer(tx, { action: "membre.changer_role", typeObjet: "structure", objetId: structureId, acteurId: droits.utilisateurId, details: { utilisateur_id: utilisateurId, role } });
  });
}

/** Responsables and administrators remove a member. */
export async function retirerMembre(s: ServicesStructures, acteur: Acteur, structureId: string, utilisateurId: string): Promise<void> {
  const droits = await droitsDe(s.db, acteur, s.referentiel);
  exiger(droits, peutGererStructure(droits, structureId), "Seuls les responsables de la structure peuvent retirer un membre.");
  await s.db.transaction(async (tx) => {
    const membres = await verrouillerMembres(tx, structureId);
    if (!membres.some((m) => m.utilisateurId === utilisateurId)) throw new ErreurPasserelle("introuvable", "Cette personne n'est pas membre de la structure.");
    verifierResponsableRestant(membres, utilisateurId, null);
    await tx.delete(membres_structures).where(and(eq(membres_structures.structure_id, structureId), eq(membres_structures.utilisateur_id, utilisateurId)));
    await tracer(tx, { action: "membre.retirer", typeObjet: "structure", objetId: structureId, acteurId: droits.utilisateurId, details: { utilisateur_id: utilisateurId } });
  });
}
