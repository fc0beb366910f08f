import { index, pgTable, timestamp, uuid } from "drizzle-orm/pg-core";
import { utilisateurs } from "../../comptes/comptes.schema";
import { lieux } from "../lieux.schema";

/**
 * The freshness reminders sent: one row per person and place listed in a mail. The job reads it to
 * mail a person at most once every 30 days; it also tells operators who was reminded of what.
 */
export const relances_fraicheur = pgTable(
  "relances_fraicheur",
  {
    id: uuid().primaryKey().defaultRandom(),
    utilisateur_id: uuid()
      .notNull()
      .references(() => utilisateurs.id, { onDelete: "cascade" }),
    lieu_id: uuid()
      .notNull()
      .references(() => lieux.id, { onDelete: "cascade" }),
    envoyee_le: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("relances_fraicheur_utilisateur_idx").on(t.utilisateur_id, t.envoyee_le)],
);
