import { sql } from "drizzle-orm";
import { bigint, boolean, check, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { utilisateurs } from "../../comptes/comptes.schema";
import { lieux } from "../../lieux/lieux.schema";
import { structures } from "../../structures/structures.schema";
import { enListeSql } from "../../structures/vocabulaire";
import { DEMARCHES, EVENEMENTS, ISSUES, MODALITES, MODES_CONSENTEMENT, MOTIFS_REFUS, STATUTS, URGENCES } from "./vocabulaire";

/**
 * Tracked referrals between professionals (DESIGN §4, decision 011). A referral names a receiving
 * place, the sending structure and a short code; the person's contact details are optional, need a
 * recorded consent and are erased a set time after the final status, while the rest stays for
 * statistics.
 */

/** What a receiving place states before anyone refers to it: one row per place, written by its owners. */
export const conditions_orientation = pgTable("conditions_orientation", {
  lieu_id: uuid()
    .primaryKey()
    .references(() => lieux.id, { onDelete: "cascade" }),
  /** Who the place can receive (free text, plain language). */
  public_accueilli: text().notNull().default(""),
  modalites: text().array().notNull().default(sql`'{}'::text[]`),
  /** Structure addresses, not people's: where referrals by mail go, and the signed links. */
  courriel_orientation: text(),
  telephone_orientation: text(),
  /** What the person must bring, beyond the place's own list. */
  a_apporter: text().notNull().default(""),
  /** Delays: "rendez-vous sous 8 jours", "sans rendez-vous le mardi matin"… */
  delais: text().notNull().default(""),
  /** False: the place does not take referrals through Passerelle (the other modalities stay shown). */
  accepte_orientations: boolean().notNull().default(true),
  modifie_par: uuid().references(() => utilisateurs.id, { onDelete: "set null" }),
  modifie_le: timestamp({ withTimezone: true }).notNull().defaultNow(),
},
(t) => [check("conditions_orientation_modalites_ck", sql`${t.modalites} <@ ARRAY[${sql.raw(enListeSql(MODALITES))}]::text[]`)]);

export const orientations = pgTable(
  "orientations",
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Printed on the sheet: 8 characters of an unambiguous alphabet, shown `ABCD-EFGH`. */
    code: text().notNull(),
    lieu_id: uuid()
      .notNull()
      .references(() => lieux.id),
    /** The place's structure when the referral was sent; null: it answers through signed links. */
    structure_destinataire_id: uuid().references(() => structures.id, { onDelete: "set null" }),
    structure_emettrice_id: uuid()
      .notNull()
      .references(() => structures.id, { onDelete: "cascade" }),
    emetteur_id: uuid().references(() => utilisateurs.id, { onDelete: "set null" }),
    /** Standard services (enumerations.ts SERVICES) the person needs. */
    services: text().array().notNull().default(sql`'{}'::text[]`),
    demarches: text().array().notNull().default(sql`'{}'::text[]`),
    urgence: text().notNull().default("normale"),
    message: text().notNull().default(""),
    statut: text().notNull().default("envoyee"),
    rdv_le: timestamp({ withTimezone: true }),
    issue: text(),
    /** With issue `reorientee`: the place the person was sent on to, or a free text. */
    reorientee_vers_lieu_id: uuid().references(() => lieux.id, { onDelete: "set null" }),
    reorientee_vers: text(),
    motif_refus: text(),
    /** The receiver's notes: never shown to the sender. */
    note_destinataire: text().notNull().default(""),
    // The person's contact details: only with consent, erased by the erasure job.
    personne_prenom: text(),
    personne_telephone: text(),
    personne_courriel: text(),
    consentement_mode: text(),
    consentement_par: uuid().references(() => utilisateurs.id, { onDelete: "set null" }),
    consentement_le: timestamp({ withTimezone: true }),
    donnees_effacees_le: timestamp({ withTimezone: true }),
    envoyee_le: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** First answer of the receiver (vue, acceptée or refusée): waiting time = repondue_le − envoyee_le. */
    repondue_le: timestamp({ withTimezone: true }),
    /** When the referral reached a final status (STATUTS_FINAUX). */
    terminee_le: timestamp({ withTimezone: true }),
    derniere_relance_le: timestamp({ withTimezone: true }),
    modifie_le: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("orientations_code_uk").on(t.code),
    // Inboxes: received by structure, sent by structure; newest first. Migration 0013 adds INCLUDE (demarches).
    index("orientations_recues_idx").on(t.structure_destinataire_id, t.statut, t.envoyee_le.desc()),
    index("orientations_envoyees_idx").on(t.structure_emettrice_id, t.statut, t.envoyee_le.desc()),
    index("orientations_lieu_idx").on(t.lieu_id, t.envoyee_le.desc()),
    // The jobs: waiting referrals (reminders, expiry) and finished ones still holding personal data.
    index("orientations_en_attente_idx").on(t.envoyee_le).where(sql`${t.statut} IN ('envoyee', 'vue')`),
    index("orientations_a_effacer_idx").on(t.terminee_le).where(sql`${t.terminee_le} IS NOT NULL AND ${t.donnees_effacees_le} IS NULL`),
    check("orientations_statut_ck", sql`${t.statut} IN (${sql.raw(enListeSql(STATUTS))})`),
    check("orientations_urgence_ck", sql`${t.urgence} IN (${sql.raw(enListeSql(URGENCES))})`),
    check("orientations_issue_ck", sql`${t.issue} IS NULL OR ${t.issue} IN (${sql.raw(enListeSql(ISSUES))})`),
    check("orientations_motif_ck", sql`${t.motif_refus} IS NULL OR ${t.motif_refus} IN (${sql.raw(enListeSql(MOTIFS_REFUS))})`),
    check("orientations_demarches_ck", sql`${t.demarches} <@ ARRAY[${sql.raw(enListeSql(DEMARCHES))}]::text[]`),
    check("orientations_message_ck", sql`length(${t.message}) <= 1000 AND length(${t.note_destinataire}) <= 2000`),
    // Contact details only with a recorded consent (who, when, how).
    check(
      "orientations_consentement_ck",
      sql`(${t.personne_prenom} IS NULL AND ${t.personne_telephone} IS NULL AND ${t.personne_courriel} IS NULL) OR (${t.consentement_mode} IN (${sql.raw(enListeSql(MODES_CONSENTEMENT))}) AND ${t.consentement_le} IS NOT NULL)`,
    ),
  ],
);

/** Every transition and notable event of a referral: who (an account, or the signed link), when. */
export const evenements_orientations = pgTable(
  "evenements_orientations",
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Insertion order: events written in one transaction share their time (sending and its signed link). */
    rang: bigint({ mode: "number" }).notNull().generatedAlwaysAsIdentity(),
    orientation_id: uuid()
      .notNull()
      .references(() => orientations.id, { onDelete: "cascade" }),
    evenement: text().notNull(),
    /** Null for a signed link or a scheduled job (then `par_lien` or neither). */
    utilisateur_id: uuid().references(() => utilisateurs.id, { onDelete: "set null" }),
    par_lien: boolean().notNull().default(false),
    le: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("evenements_orientations_orientation_idx").on(t.orientation_id, t.le),
    check("evenements_orientations_evenement_ck", sql`${t.evenement} IN (${sql.raw(enListeSql(EVENEMENTS))})`),
  ],
);

/** Signed links for a receiving place without an account: SHA-256 of the mailed token, an expiry, renewable. */
export const liens_orientations = pgTable(
  "liens_orientations",
  {
    id: uuid().primaryKey().defaultRandom(),
    orientation_id: uuid()
      .notNull()
      .references(() => orientations.id, { onDelete: "cascade" }),
    hash_jeton: text().notNull(),
    /** The place's orientation address the link was mailed to (a structure's address). */
    courriel: text().notNull(),
    expire_le: timestamp({ withTimezone: true }).notNull(),
    cree_le: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("liens_orientations_hash_uk").on(t.hash_jeton), index("liens_orientations_orientation_idx").on(t.orientation_id)],
);
