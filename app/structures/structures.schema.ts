import { sql } from "drizzle-orm";
import { check, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { utilisateurs } from "../comptes/comptes.schema";
import { lieux } from "../lieux/lieux.schema";
import { enListeSql, ROLES_MEMBRES, STATUTS_DEMANDES, TYPES_COORDINATION, TYPES_STRUCTURES } from "./vocabulaire";

/** Structures, memberships and territorial roles (DESIGN §2 "Roles"). Rights are computed in droits.server.ts. */

const horodatages = {
  cree_le: timestamp({ withTimezone: true }).notNull().defaultNow(),
  modifie_le: timestamp({ withTimezone: true }).notNull().defaultNow(),
};

export const structures = pgTable(
  "structures",
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Checked (Luhn, La Poste's exception) by the use case; null for a structure without one yet. */
    siret: text(),
    nom: text().notNull(),
    type: text().notNull(),
    adresse: text().notNull().default(""),
    /** INSEE code of its commune (current COG). */
    code_insee: text().notNull(),
    /** Free text: "France services", "Conseillers numériques", a local network… */
    reseau: text().notNull().default(""),
    /** For an `operateur_public`: which operator (remontees/vocabulaire.ts OPERATEURS); its prescripteurs answer field feedback. */
    operateur: text(),
    ...horodatages,
  },
  (t) => [
    uniqueIndex("structures_siret_uk").on(t.siret),
    index("structures_code_insee_idx").on(t.code_insee),
    check("structures_type_ck", sql`${t.type} IN (${sql.raw(enListeSql(TYPES_STRUCTURES))})`),
    index("structures_operateur_idx").on(t.operateur),
    check("structures_siret_ck", sql`${t.siret} IS NULL OR ${t.siret} ~ '^[0-9]{14}$'`),
  ],
);

export const membres_structures = pgTable(
  "membres_structures",
  {
    id: uuid().primaryKey().defaultRandom(),
    structure_id: uuid()
      .notNull()
      .references(() => structures.id, { onDelete: "cascade" }),
    utilisateur_id: uuid()
      .notNull()
      .references(() => utilisateurs.id, { onDelete: "cascade" }),
    role: text().notNull(),
    ...horodatages,
  },
  (t) => [
    uniqueIndex("membres_structures_uk").on(t.structure_id, t.utilisateur_id),
    index("membres_structures_utilisateur_idx").on(t.utilisateur_id),
    check("membres_structures_role_ck", sql`${t.role} IN (${sql.raw(enListeSql(ROLES_MEMBRES))})`),
  ],
);

/** A territorial coordinator's scope: one row per EPCI or département. */
export const coordinations = pgTable(
  "coordinations",
  {
    id: uuid().primaryKey().defaultRandom(),
    utilisateur_id: uuid()
      .notNull()
      .references(() => utilisateurs.id, { onDelete: "cascade" }),
    type_territoire: text().notNull(),
    /** EPCI SIREN or département code. */
    code: text().notNull(),
    cree_le: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("coordinations_uk").on(t.utilisateur_id, t.type_territoire, t.code),
    check("coordinations_type_ck", sql`${t.type_territoire} IN (${sql.raw(enListeSql(TYPES_COORDINATION))})`),
  ],
);

export const invitations_structures = pgTable(
  "invitations_structures",
  {
    id: uuid().primaryKey().defaultRandom(),
    structure_id: uuid()
      .notNull()
      .references(() => structures.id, { onDelete: "cascade" }),
    /** Lower case. */
    courriel: text().notNull(),
    role: text().notNull(),
    /** SHA-256 of the mailed token (hex): a leak of the table does not let anyone join. */
    hash_jeton: text().notNull(),
    expire_le: timestamp({ withTimezone: true }).notNull(),
    invite_par: uuid().references(() => utilisateurs.id, { onDelete: "set null" }),
    acceptee_le: timestamp({ withTimezone: true }),
    acceptee_par: uuid().references(() => utilisateurs.id, { onDelete: "set null" }),
    cree_le: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("invitations_structures_hash_uk").on(t.hash_jeton),
    index("invitations_structures_structure_idx").on(t.structure_id),
    index("invitations_structures_courriel_idx").on(t.courriel),
    check("invitations_structures_role_ck", sql`${t.role} IN (${sql.raw(enListeSql(ROLES_MEMBRES))})`),
  ],
);

export const demandes_adhesion = pgTable(
  "demandes_adhesion",
  {
    id: uuid().primaryKey().defaultRandom(),
    structure_id: uuid()
      .notNull()
      .references(() => structures.id, { onDelete: "cascade" }),
    utilisateur_id: uuid()
      .notNull()
      .references(() => utilisateurs.id, { onDelete: "cascade" }),
    message: text().notNull().default(""),
    statut: text().notNull().default("en_attente"),
    decidee_par: uuid().references(() => utilisateurs.id, { onDelete: "set null" }),
    decidee_le: timestamp({ withTimezone: true }),
    cree_le: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One pending request per person and structure; decided ones stay as history.
    uniqueIndex("demandes_adhesion_en_attente_uk").on(t.structure_id, t.utilisateur_id).where(sql`${t.statut} = 'en_attente'`),
    index("demandes_adhesion_utilisateur_idx").on(t.utilisateur_id),
    check("demandes_adhesion_statut_ck", sql`${t.statut} IN (${sql.raw(enListeSql(STATUTS_DEMANDES))})`),
  ],
);

/** Which structure runs a place: at most one (the primary key), kept outside `lieux` so its version is untouched. */
export const lieux_structures = pgTable(
  "lieux_structures",
  {
    lieu_id: uuid()
      .primaryKey()
      .references(() => lieux.id, { onDelete: "cascade" }),
    structure_id: uuid()
      .notNull()
      .references(() => structures.id, { onDelete: "cascade" }),
    cree_le: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("lieux_structures_structure_idx").on(t.structure_id)],
);
