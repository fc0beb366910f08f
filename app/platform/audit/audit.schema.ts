import { sql } from "drizzle-orm";
import { bigint, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * The audit log (DESIGN §8): one row per mutation and per read of personal data. No foreign key
 * to `utilisateurs`: the log outlives the accounts it mentions. `details` holds ids and field
 * names only, never the values of personal fields (journaliser() refuses e-mail addresses).
 */
export const journal_audit = pgTable(
  "journal_audit",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    cree_le: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Who did it; null for the command line and anonymous visitors. */
    utilisateur_id: uuid(),
    /** `objet.verbe`, e.g. `signalement.creer`. */
    action: text().notNull(),
    objet_type: text().notNull(),
    objet_id: text(),
    details: jsonb().notNull().default(sql`'{}'::jsonb`),
  },
  (t) => [
    index("journal_audit_cree_le_idx").on(t.cree_le.desc(), t.id.desc()),
    index("journal_audit_action_idx").on(t.action, t.cree_le.desc()),
    index("journal_audit_utilisateur_idx").on(t.utilisateur_id, t.cree_le.desc()),
  ],
);
