import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { utilisateurs } from "../comptes/comptes.schema";
import { structures } from "../structures/structures.schema";
import { enListeSql } from "../structures/vocabulaire";
import { OPERATEURS, STATUTS_REMONTEES, THEMES } from "./vocabulaire";

/**
 * Field feedback: a mediator reports a blocking problem with an operator's online procedure; the
 * operator's correspondents (prescripteurs of a structure naming that operator) answer and close it.
 * No personal data: the description is about the procedure, and the page says so.
 */
export const remontees = pgTable(
  "remontees",
  {
    id: uuid().primaryKey().defaultRandom(),
    operateur: text().notNull(),
    /** The procedure, as the mediator names it ("actualisation mensuelle", "demande de CSS"…). */
    demarche: text().notNull(),
    theme: text().notNull(),
    description: text().notNull(),
    personnes_concernees: integer().notNull().default(1),
    /** Where it happens: a commune (INSEE), an EPCI (SIREN) or a département. */
    type_territoire: text().notNull(),
    code_territoire: text().notNull(),
    statut: text().notNull().default("ouverte"),
    auteur_id: uuid().references(() => utilisateurs.id, { onDelete: "set null" }),
    structure_id: uuid()
      .notNull()
      .references(() => structures.id, { onDelete: "cascade" }),
    cree_le: timestamp({ withTimezone: true }).notNull().defaultNow(),
    modifie_le: timestamp({ withTimezone: true }).notNull().defaultNow(),
    close_le: timestamp({ withTimezone: true }),
    close_par: uuid().references(() => utilisateurs.id, { onDelete: "set null" }),
  },
  (t) => [
    index("remontees_operateur_idx").on(t.operateur, t.statut, t.cree_le.desc()),
    index("remontees_structure_idx").on(t.structure_id, t.cree_le.desc()),
    check("remontees_operateur_ck", sql`${t.operateur} IN (${sql.raw(enListeSql(OPERATEURS))})`),
    check("remontees_theme_ck", sql`${t.theme} IN (${sql.raw(enListeSql(THEMES))})`),
    check("remontees_statut_ck", sql`${t.statut} IN (${sql.raw(enListeSql(STATUTS_REMONTEES))})`),
    check("remontees_territoire_ck", sql`${t.type_territoire} IN ('commune', 'epci', 'departement')`),
    check("remontees_personnes_ck", sql`${t.personnes_concernees} BETWEEN 1 AND 100000`),
    check("remontees_textes_ck", sql`length(${t.description}) <= 3000 AND length(${t.demarche}) <= 200`),
  ],
);

export const reponses_remontees = pgTable(
  "reponses_remontees",
  {
    id: uuid().primaryKey().defaultRandom(),
    remontee_id: uuid()
      .notNull()
      .references(() => remontees.id, { onDelete: "cascade" }),
    auteur_id: uuid().references(() => utilisateurs.id, { onDelete: "set null" }),
    /** The answering structure (the operator's, or the author's when they add a detail). */
    structure_id: uuid()
      .notNull()
      .references(() => structures.id, { onDelete: "cascade" }),
    texte: text().notNull(),
    cree_le: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("reponses_remontees_remontee_idx").on(t.remontee_id, t.cree_le), check("reponses_remontees_texte_ck", sql`length(${t.texte}) BETWEEN 1 AND 3000`)],
);
