/**
 * data·inclusion v1 vocabularies as TypeScript literals, so that the export's types follow the schema.
 * Source: reference-data/schemas/data-inclusion-v1/*.json (gip-inclusion/data-inclusion-schema @ df9ce7f).
 * The small vocabularies are complete; for `thematiques` (69) and `reseaux-porteurs` (108) only the values
 * Passerelle produces are listed. A test checks every value against the JSON files.
 */

export const FRAIS_DI = ["gratuit", "payant"] as const;
export type FraisDI = (typeof FRAIS_DI)[number];

export const MODES_ACCUEIL_DI = ["a-distance", "en-presentiel"] as const;
export type ModeAccueilDI = (typeof MODES_ACCUEIL_DI)[number];

export const MODES_MOBILISATION_DI = ["envoyer-un-courriel", "se-presenter", "telephoner", "utiliser-lien-mobilisation"] as const;
export type ModeMobilisationDI = (typeof MODES_MOBILISATION_DI)[number];

export const PERSONNES_MOBILISATRICES_DI = ["professionnels", "usagers"] as const;
export type PersonneMobilisatriceDI = (typeof PERSONNES_MOBILISATRICES_DI)[number];

export const PUBLICS_DI = [
  "actifs",
  "beneficiaires-des-minimas-sociaux",
  "demandeurs-emploi",
  "etudiants",
  "familles",
  "femmes",
  "jeunes",
  "personnes-en-situation-de-handicap",
  "personnes-en-situation-durgence",
  "personnes-en-situation-juridique-specifique",
  "personnes-exilees",
  "residents-qpv-frr",
  "seniors",
  "tous-publics",
] as const;
export type PublicDI = (typeof PUBLICS_DI)[number];

export const TYPES_DE_SERVICES_DI = ["accompagnement", "aide-financiere", "aide-materielle", "atelier", "formation", "information"] as const;
export type TypeServiceDI = (typeof TYPES_DE_SERVICES_DI)[number];

/** Subset of `thematiques.json`. */
export const THEMATIQUES_DI = [
  "numerique--acceder-a-des-services-en-ligne",
  "numerique--acceder-a-une-connexion-internet",
  "numerique--acquerir-un-equipement",
  "numerique--maitriser-les-fondamentaux-du-numerique",
  "difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives",
  "difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits",
  "famille--soutien-a-la-parentalite-et-a-leducation",
  "preparer-sa-candidature--organiser-ses-demarches-de-recherche-demploi",
  "preparer-sa-candidature--realiser-un-cv-et-ou-une-lettre-de-motivation",
  "trouver-un-emploi--repondre-a-des-offres-demploi",
  "creer-une-entreprise--developper-son-entreprise",
] as const;
export type ThematiqueDI = (typeof THEMATIQUES_DI)[number];

/** Subset of `reseaux-porteurs.json`. */
export const RESEAUX_PORTEURS_DI = [
  "aidants-connect",
  "caf",
  "ccas-cias",
  "communes",
  "conseillers-numeriques",
  "cpam",
  "croix-rouge",
  "departements",
  "emmaus",
  "espaces-publics-numeriques",
  "fabrique-de-territoire",
  "fcsf",
  "france-service",
  "france-travail",
  "grandes-ecoles-du-numerique",
  "la-poste",
  "mdph",
  "mission-locale",
  "mjc",
  "msap",
  "mutualite-sociale-agricole",
  "pimms-mediation",
  "reseau-information-jeunesse",
] as const;
export type ReseauPorteurDI = (typeof RESEAUX_PORTEURS_DI)[number];
