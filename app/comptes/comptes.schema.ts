import { sql } from "drizzle-orm";
import { bigint, boolean, check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

/**
 * The tables of better-auth under French names (decision 006): `auth.server.ts` maps its model and
 * field names onto these. Ids are UUIDs made by the database, like the places'.
 */

const horodatages = {
  cree_le: timestamp({ withTimezone: true }).notNull().defaultNow(),
  modifie_le: timestamp({ withTimezone: true }).notNull().defaultNow(),
};

export const utilisateurs = pgTable(
  "utilisateurs",
  {
    id: uuid().primaryKey().defaultRandom(),
    nom: text().notNull().default(""),
    /** Always lower case (better-auth lowers it; the CLI too). */
    courriel: text().notNull().unique(),
    courriel_verifie: boolean().notNull().default(false),
    image: text(),
    /** Hub-wide role; null for everyone else. Roles in structures come with memberships. */
    role: text(),
    ...horodatages,
  },
  // The values of ROLES_HUB (roles.ts).
  (t) => [check("utilisateurs_role_ck", sql`${t.role} IN ('administrateur')`)],
);

export const sessions = pgTable(
  "sessions",
  {
    id: uuid().primaryKey().defaultRandom(),
    /** What the signed cookie carries. */
    jeton: text().notNull().unique(),
    utilisateur_id: uuid()
      .notNull()
      .references(() => utilisateurs.id, { onDelete: "cascade" }),
    expire_le: timestamp({ withTimezone: true }).notNull(),
    /** Always null: better-auth wants the column, Passerelle does not keep addresses (decision 006). */
    adresse_ip: text(),
    agent_utilisateur: text(),
    ...horodatages,
  },
  (t) => [index("sessions_utilisateur_idx").on(t.utilisateur_id)],
);

/** An identity at an OpenID Connect provider (ProConnect…) linked to a user. */
export const identites_externes = pgTable(
  "identites_externes",
  {
    id: uuid().primaryKey().defaultRandom(),
    fournisseur: text().notNull(),
    /** The provider's `sub`. */
    id_chez_fournisseur: text().notNull(),
    utilisateur_id: uuid()
      .notNull()
      .references(() => utilisateurs.id, { onDelete: "cascade" }),
    jeton_acces: text(),
    jeton_rafraichissement: text(),
    jeton_identite: text(),
    jeton_acces_expire_le: timestamp({ withTimezone: true }),
    jeton_rafraichissement_expire_le: timestamp({ withTimezone: true }),
    portee: text(),
    /** Unused: there is no password sign-in; better-auth's schema has the column. */
    mot_de_passe: text(),
    ...horodatages,
  },
  (t) => [index("identites_externes_utilisateur_idx").on(t.utilisateur_id), uniqueIndex("identites_externes_fournisseur_uk").on(t.fournisseur, t.id_chez_fournisseur)],
);

/** Short-lived values: magic-link tokens (hashed), OAuth state. */
export const verifications = pgTable(
  "verifications",
  {
    id: uuid().primaryKey().defaultRandom(),
    identifiant: text().notNull(),
    valeur: text().notNull(),
    expire_le: timestamp({ withTimezone: true }).notNull(),
    ...horodatages,
  },
  (t) => [index("verifications_identifiant_idx").on(t.identifiant)],
);

/** Rate-limit counters, in the database so that every app process shares them. */
export const limites_requetes = pgTable("limites_requetes", {
  id: uuid().primaryKey().defaultRandom(),
  /** Client address and path. */
  cle: text().notNull().unique(),
  nombre: integer().notNull(),
  /** Milliseconds since 1970, as better-auth counts. */
  derniere_requete: bigint({ mode: "number" }).notNull(),
});
