import { and, eq, isNull } from "drizzle-orm";
import type { BaseDeDonnees } from "~/platform/db/connexion.server";
import { journaliser } from "~/platform/audit/journal.server";
import { ErreurPasserelle } from "~/platform/erreurs";
import { lieux, signalements } from "../lieux.schema";
import type { Signalement } from "./signalement";

export type IssueSignalement = "enregistre" | "ignore";

/**
 * Stores an error report for the place's owners (they handle it with the accounts issue).
 * A filled honeypot is answered like a success but nothing is stored, so bots learn nothing.
 */
export async function enregistrerSignalement(db: BaseDeDonnees, lieuId: string, s: Signalement, auteurId: string | null = null): Promise<IssueSignalement> {
  return (await stockerSignalement(db, lieuId, s, { auteurId, origine: "formulaire" })).issue;
}

/** The same, with the ticket's origin and id (the API answers with it). */
export async function stockerSignalement(
  db: BaseDeDonnees,
  lieuId: string,
  s: Signalement,
  o: { auteurId: string | null; origine: "formulaire" | "api" },
): Promise<{ issue: "enregistre"; id: string } | { issue: "ignore" }> {
  const auteurId = o.auteurId;
  if (s.piege !== "") return { issue: "ignore" };
  const [lieu] = await db.select({ id: lieux.id }).from(lieux).where(and(eq(lieux.id, lieuId), isNull(lieux.fusionne_dans)));
  if (!lieu) throw new ErreurPasserelle("introuvable", "Ce lieu n'existe pas.");
  const id = await db.transaction(async (tx) => {
    const [cree] = await tx
      .insert(signalements)
      .values({ lieu_id: lieuId, categories: [...new Set(s.categories)], message: s.message, courriel: s.courriel === "" ? null : s.courriel, origine: o.origine })
      .returning({ id: signalements.id });
    // Field names only: whether an address was left, never the address or the message.
    const champs = ["categories", "message", ...(s.courriel === "" ? [] : ["courriel"])];
    await journaliser(tx, { action: "signalement.creer", utilisateurId: auteurId, objetType: "signalement", objetId: cree?.id ?? null, details: { lieu_id: lieuId, champs, origine: o.origine } });
    if (!cree) throw new Error("signalement non créé");
    return cree.id;
  });
  return { issue: "enregistre", id };
}
