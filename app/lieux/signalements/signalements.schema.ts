import { index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Rate limit of error reports (decision 009): one row per client and fixed window, shared by every
 * process. `cle` is an HMAC of the client's address, never the address itself.
 */
export const limitesSignalements = pgTable(
  "limites_signalements",
  {
    cle: text().primaryKey(),
    debut: timestamp({ withTimezone: true }).notNull().defaultNow(),
    nombre: integer().notNull().default(1),
  },
  (t) => [index("limites_signalements_debut_idx").on(t.debut)],
);
