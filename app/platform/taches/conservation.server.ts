import { lt } from "drizzle-orm";
import { journal_audit } from "../audit/audit.schema";
import { journaliser } from "../audit/journal.server";
import { courriels } from "../courriel/courriels.schema";
import type { BaseDeDonnees } from "../db/connexion.server";
import { joursAvant, type ReglagesConservation } from "./conservation";
import type { Tache } from "./planificateur.server";

/**
 * The daily purge of what the platform itself keeps about people: mails older than `courrielsJours`
 * (their links expired long before) and audit entries older than `journalJours`. The purge is
 * journaled, with its counts only.
 */
export async function purgerConservation(db: BaseDeDonnees, reglages: ReglagesConservation, maintenant: Date = new Date()): Promise<{ courriels: number; journal: number }> {
  return db.transaction(async (tx) => {
    const mails = await tx.delete(courriels).where(lt(courriels.cree_le, joursAvant(maintenant, reglages.courrielsJours))).returning({ id: courriels.id });
    const entrees = await tx.delete(journal_audit).where(lt(journal_audit.cree_le, joursAvant(maintenant, reglages.journalJours))).returning({ id: journal_audit.id });
    const bilan = { courriels: mails.length, journal: entrees.length };
    if (bilan.courriels + bilan.journal > 0) await journaliser(tx, { action: "conservation.purger", utilisateurId: null, objetType: "plateforme", details: bilan });
    return bilan;
  });
}

/** Every night at 3:15, Paris time. */
export const FILE_CONSERVATION = "plateforme-conservation";

export function tachesConservation(db: BaseDeDonnees, reglages: ReglagesConservation): Tache[] {
  return [
    {
      file: FILE_CONSERVATION,
      cron: "15 3 * * *",
      async executer() {
        const r = await purgerConservation(db, reglages);
        return r.courriels + r.journal > 0 ? `${r.courriels} courriels et ${r.journal} entrées du journal supprimés` : undefined;
      },
    },
  ];
}
