import { sql } from "drizzle-orm";
import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * Every mail Passerelle writes, sent or not: without SMTP this is the outbox administrators read
 * in /admin/courriels; with SMTP it is the history (`envoye_le` set once the server accepted it).
 */
export const courriels = pgTable(
  "courriels",
  {
    id: uuid().primaryKey().defaultRandom(),
    destinataire: text().notNull(),
    sujet: text().notNull(),
    texte: text().notNull(),
    html: text().notNull(),
    cree_le: timestamp({ withTimezone: true }).notNull().defaultNow(),
    envoye_le: timestamp({ withTimezone: true }),
    /** Why the SMTP server refused it (its reply, never the mail's content). */
    erreur: text(),
  },
  (t) => [index("courriels_cree_le_idx").on(t.cree_le.desc()), index("courriels_destinataire_idx").on(sql`lower(${t.destinataire})`)],
);
