import { and, eq } from "drizzle-orm";
import { journaliser } from "~/platform/audit/journal.server";
import type { BaseDeDonnees } from "~/platform/db/connexion.server";
import { droitsDe, exiger, peutModifierLieu } from "~/structures/droits.server";
import { structureDuLieu } from "~/structures/lieux-structures.server";
import type { Referentiel } from "~/territoire/types";
import { lieuModifiable } from "../edition/modifier.server";
import { historiqueLieux, lieux } from "../lieux.schema";

const dateDuJour = (instant: Date) => instant.toLocaleDateString("en-CA", { timeZone: "Europe/Paris" });

/**
 * « Je confirme que tout est à jour »: an edit that only moves `date_maj` to today. It follows
 * `modifierLieu`'s rules (same rights, version bump, provenance, history entry, audit) but is written
 * here because `modifierLieu` sees no changed editable field and answers « inchangé ».
 * Confirming twice the same day changes nothing.
 */
export async function confirmerLieu(db: BaseDeDonnees, referentiel: Referentiel, d: { lieuId: string; utilisateur: { id: string } | null }, maintenant = new Date()): Promise<{ type: "confirme" | "deja_confirme"; date_maj: string }> {
  const ligne = await lieuModifiable(db, d.lieuId);
  const droits = await droitsDe(db, d.utilisateur, referentiel);
  exiger(droits, peutModifierLieu(droits, ligne, await structureDuLieu(db, ligne.id)), "Seuls les membres de la structure qui gère ce lieu, ses coordinateurs et les administrateurs peuvent confirmer ses informations.");
  const aujourdhui = dateDuJour(maintenant);
  if (ligne.date_maj === aujourdhui) return { type: "deja_confirme", date_maj: aujourdhui };
  return db.transaction(async (tx) => {
    const provenance = { ...ligne.provenance, date_maj: { source: "passerelle", date: maintenant.toISOString() } };
    // Conditional on the version read: an edit in between already moved date_maj to today.
    const [ecrit] = await tx
      .update(lieux)
      .set({ date_maj: aujourdhui, provenance, version: ligne.version + 1, modifie_le: maintenant })
      .where(and(eq(lieux.id, ligne.id), eq(lieux.version, ligne.version)))
      .returning({ version: lieux.version });
    if (!ecrit) return { type: "deja_confirme" as const, date_maj: aujourdhui };
    await tx.insert(historiqueLieux).values({ lieu_id: ligne.id, version: ecrit.version, utilisateur_id: droits.utilisateurId, avant: { date_maj: ligne.date_maj }, apres: { date_maj: aujourdhui }, restaure: null, modifie_le: maintenant });
    await journaliser(tx, { action: "lieu.confirmer", utilisateurId: droits.utilisateurId, objetType: "lieu", objetId: ligne.id, details: { avant: ligne.date_maj, apres: aujourdhui } });
    return { type: "confirme" as const, date_maj: aujourdhui };
  });
}
