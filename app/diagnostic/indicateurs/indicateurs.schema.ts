import { doublePrecision, index, integer, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";

/** One import of an indicators file (`npx passerelle indicateurs import`, or the shipped files at first start). */
export const importsIndicateurs = pgTable("imports_indicateurs", {
  id: uuid().primaryKey().defaultRandom(),
  format: text().notNull(),
  fichier: text().notNull(),
  lignes: integer().notNull(),
  valeurs: integer().notNull(),
  termine_le: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/**
 * One published value. `code` is the code as published (IRIS, commune — possibly a former one —
 * or EPCI SIREN); `commune` the current commune it belongs to (null for an EPCI value).
 * Importing the same (niveau, code, indicateur, annee) again replaces the value.
 */
export const valeursIndicateurs = pgTable(
  "valeurs_indicateurs",
  {
    id: uuid().primaryKey().defaultRandom(),
    niveau: text().notNull(),
    code: text().notNull(),
    commune: text(),
    indicateur: text().notNull(),
    valeur: doublePrecision().notNull(),
    annee: integer().notNull(),
    source: text().notNull(),
    import_id: uuid()
      .notNull()
      .references(() => importsIndicateurs.id),
  },
  (t) => [unique("valeurs_indicateurs_cle").on(t.niveau, t.code, t.indicateur, t.annee), index("valeurs_indicateurs_indicateur").on(t.indicateur)],
);
