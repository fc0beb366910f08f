import { and, asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { journaliser } from "~/platform/audit/journal.server";
import type { BaseDeDonnees } from "~/platform/db/connexion.server";
import { ErreurPasserelle } from "~/platform/erreurs";
import { utilisateurs } from "./comptes.schema";

/** Hub administrators, managed from the command line (`passerelle admin …`). */

const schemaCourriel = z.email("Adresse électronique invalide.");

export function courrielNormalise(valeur: string): string {
  const lu = schemaCourriel.safeParse(valeur.trim().toLowerCase());
  if (!lu.success) throw new ErreurPasserelle("entree_invalide", `Adresse électronique invalide : « ${valeur} ».`);
  return lu.data;
}

/**
 * Makes the address an administrator; the account is created if it does not exist yet (its owner
 * then signs in with a link sent to it, which proves the address). Returns whether it was created.
 */
export async function ajouterAdministrateur(db: BaseDeDonnees, courriel: string): Promise<{ cree: boolean }> {
  const adresse = courrielNormalise(courriel);
  return db.transaction(async (tx) => {
    const [ligne] = await tx
      .insert(utilisateurs)
      .values({ courriel: adresse, role: "administrateur" })
      .onConflictDoUpdate({ target: utilisateurs.courriel, set: { role: "administrateur", modifie_le: new Date() } })
      // xmax = 0 only for a freshly inserted row.
      .returning({ id: utilisateurs.id, cree: sql<boolean>`(xmax = 0)` });
    const cree = ligne?.cree === true;
    // Done from the command line: no acting account.
    await journaliser(tx, { action: "administrateur.ajouter", utilisateurId: null, objetType: "utilisateur", objetId: ligne?.id ?? null, details: { compte_cree: cree } });
    return { cree };
  });
}

export async function retirerAdministrateur(db: BaseDeDonnees, courriel: string): Promise<void> {
  const adresse = courrielNormalise(courriel);
  await db.transaction(async (tx) => {
    const lignes = await tx
      .update(utilisateurs)
      .set({ role: null, modifie_le: new Date() })
      .where(and(eq(utilisateurs.courriel, adresse), eq(utilisateurs.role, "administrateur")))
      .returning({ id: utilisateurs.id });
    if (lignes.length === 0) throw new ErreurPasserelle("introuvable", `${adresse} n'est pas administrateur.`);
    await journaliser(tx, { action: "administrateur.retirer", utilisateurId: null, objetType: "utilisateur", objetId: lignes[0]?.id ?? null });
  });
}

export async function listerAdministrateurs(db: BaseDeDonnees): Promise<{ courriel: string; nom: string }[]> {
  return db.select({ courriel: utilisateurs.courriel, nom: utilisateurs.nom }).from(utilisateurs).where(eq(utilisateurs.role, "administrateur")).orderBy(asc(utilisateurs.courriel));
}
