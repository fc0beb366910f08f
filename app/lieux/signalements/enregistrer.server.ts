import { and, eq, isNull } from "drizzle-orm";
import type { BaseDeDonnees } from "~/platform/db/connexion.server";
import { ErreurPasserelle } from "~/platform/erreurs";
import { lieux, signalements } from "../lieux.schema";
import type { Signalement } from "./signalement";

export type IssueSignalement = "enregistre" | "ignore";

/**
 * Stores an error report for the place's owners (they handle it with the accounts issue).
 * A filled honeypot is answered like a success but nothing is stored, so bots learn nothing.
 */
export async function enregistrerSignalement(db: BaseDeDonnees, lieuId: string, s: Signalement): Promise<IssueSignalement> {
  if (s.piege !== "") return "ignore";
  const [lieu] = await db.select({ id: lieux.id }).from(lieux).where(and(eq(lieux.id, lieuId), isNull(lieux.fusionne_dans)));
  if (!lieu) throw new ErreurPasserelle("introuvable", "Ce lieu n'existe pas.");
  await db.insert(signalements).values({
    lieu_id: lieuId,
    categories: [...new Set(s.categories)],
    message: s.message,
    courriel: s.courriel === "" ? null : s.courriel,
  });
  return "enregistre";
}
