import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";

/** Which source gave a field's value, and the date that source declared. */
export interface ProvenanceChamp {
  source: string;
  date: string;
  /** The account that typed the value, for an edit in Passerelle (source "passerelle"). */
  par?: string;
}

const liste = (colonne: string) => text(colonne).array().notNull().default(sql`'{}'::text[]`);

/**
 * The directory: one row per place, its fields in the national standard.
 * `id` is Passerelle's own UUID: it never changes, whatever sources merge into the place.
 */
export const lieux = pgTable(
  "lieux",
  {
    id: uuid().primaryKey(),
    pivot: text().notNull(),
    nom: text().notNull(),
    commune: text().notNull(),
    code_postal: text().notNull(),
    code_insee: text(),
    adresse: text().notNull(),
    complement_adresse: text(),
    latitude: doublePrecision(),
    longitude: doublePrecision(),
    /** True when the point is the commune's, not the place's own (source without coordinates). */
    position_approchee: boolean().notNull().default(false),
    typologie: liste("typologie"),
    telephone: text(),
    courriels: liste("courriels"),
    site_web: liste("site_web"),
    horaires: text(),
    presentation_resume: text(),
    presentation_detail: text(),
    source: text(),
    itinerance: liste("itinerance"),
    structure_parente: text(),
    date_maj: date({ mode: "string" }).notNull(),
    services: liste("services"),
    publics_specifiquement_adresses: liste("publics_specifiquement_adresses"),
    prise_en_charge_specifique: liste("prise_en_charge_specifique"),
    frais_a_charge: liste("frais_a_charge"),
    dispositif_programmes_nationaux: liste("dispositif_programmes_nationaux"),
    formations_labels: liste("formations_labels"),
    autres_formations_labels: liste("autres_formations_labels"),
    modalites_acces: liste("modalites_acces"),
    modalites_accompagnement: liste("modalites_accompagnement"),
    fiche_acces_libre: text(),
    prise_rdv: text(),
    provenance: jsonb().$type<Record<string, ProvenanceChamp>>().notNull().default({}),
    /** Set when this place was merged into another: its id then redirects there. */
    fusionne_dans: uuid(),
    version: integer().notNull().default(1),
    cree_le: timestamp({ withTimezone: true }).notNull().defaultNow(),
    modifie_le: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("lieux_code_insee_idx").on(t.code_insee),
    index("lieux_pivot_idx").on(t.pivot),
    check("lieux_latitude_ck", sql`${t.latitude} is null or ${t.latitude} between -90 and 90`),
    check("lieux_longitude_ck", sql`${t.longitude} is null or ${t.longitude} between -180 and 180`),
  ],
);

/**
 * One record of one source, as last imported. Its (source, source_id) pair is an alias of
 * the place; re-importing an unchanged record is recognised by its fingerprint.
 */
export const lieuxSources = pgTable(
  "lieux_sources",
  {
    source: text().notNull(),
    source_id: text().notNull(),
    lieu_id: uuid()
      .notNull()
      .references(() => lieux.id),
    donnees: jsonb().notNull(),
    empreinte: text().notNull(),
    date_maj: date({ mode: "string" }).notNull(),
    importe_le: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.source, t.source_id] }), index("lieux_sources_lieu_idx").on(t.lieu_id)],
);

/**
 * Pairs of places that may be the same. `a_revoir` waits for a person;
 * `memes` / `differents` are remembered decisions that later imports respect.
 */
export const doublons = pgTable(
  "doublons",
  {
    lieu_a: uuid()
      .notNull()
      .references(() => lieux.id),
    lieu_b: uuid()
      .notNull()
      .references(() => lieux.id),
    score: real().notNull(),
    signaux: jsonb().$type<Record<string, number | boolean | null>>().notNull(),
    statut: text({ enum: ["a_revoir", "memes", "differents"] }).notNull().default("a_revoir"),
    cree_le: timestamp({ withTimezone: true }).notNull().defaultNow(),
    decide_le: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.lieu_a, t.lieu_b] }),
    check("doublons_ordre_ck", sql`${t.lieu_a} < ${t.lieu_b}`),
  ],
);

/** One row per import run, for the history and the home page. */
export const imports = pgTable("imports", {
  id: uuid().primaryKey().defaultRandom(),
  source: text().notNull(),
  format: text().notNull(),
  fichier: text().notNull(),
  enregistrements: integer().notNull(),
  acceptes: integer().notNull(),
  rejetes: integer().notNull(),
  crees: integer().notNull(),
  modifies: integer().notNull(),
  fusionnes: integer().notNull(),
  termine_le: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** The error-report categories of a place page (those of the national map, which people know). */
export const CATEGORIES_SIGNALEMENT = [
  "horaires",
  "services",
  "adresse",
  "contacts",
  "accompagnement",
  "labels",
  "public",
  "n_existe_plus",
  "autre",
] as const;

/**
 * "Signaler une erreur": stored for the place's owners (handled by the accounts issue).
 * The reporter's e-mail is optional, kept only to tell them the outcome.
 */
export const signalements = pgTable(
  "signalements",
  {
    id: uuid().primaryKey().defaultRandom(),
    lieu_id: uuid()
      .notNull()
      .references(() => lieux.id),
    categories: text({ enum: CATEGORIES_SIGNALEMENT }).array().notNull(),
    message: text().notNull().default(""),
    courriel: text(),
    statut: text({ enum: ["nouveau", "en_cours", "corrige", "rejete"] }).notNull().default("nouveau"),
    /** "formulaire" (the place page) or "api" (POST /api/v1/lieux/<id>/signalements). */
    origine: text({ enum: ["formulaire", "api"] }).notNull().default("formulaire"),
    /** The answer the place's owners give; sent to the reporter when they left an address. */
    reponse: text(),
    /** Who changed the status last (an account id; the account may since be deleted). */
    traite_par: uuid(),
    cree_le: timestamp({ withTimezone: true }).notNull().defaultNow(),
    modifie_le: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("signalements_lieu_idx").on(t.lieu_id), check("signalements_message_ck", sql`length(${t.message}) <= 2000`)],
);

/**
 * Every edit of a place by a person: the fields changed, before and after, who and when. A restore is
 * an edit too (it names the entry it restores). `version` is the place's version after the change.
 */
export const historiqueLieux = pgTable(
  "historique_lieux",
  {
    id: uuid().primaryKey().defaultRandom(),
    lieu_id: uuid()
      .notNull()
      .references(() => lieux.id),
    version: integer().notNull(),
    /** Null when the account was deleted since, or for the command line. */
    utilisateur_id: uuid(),
    avant: jsonb().notNull(),
    apres: jsonb().notNull(),
    restaure: uuid(),
    modifie_le: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("historique_lieux_lieu_idx").on(t.lieu_id, t.version)],
);
