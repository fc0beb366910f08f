import type {
  DISPOSITIFS_PROGRAMMES_NATIONAUX,
  FORMATIONS_LABELS as FORMATIONS_LABELS_STANDARD,
  FRAIS_A_CHARGE,
  MODALITES_ACCES as MODALITES_ACCES_STANDARD,
  MODALITES_ACCOMPAGNEMENT as MODALITES_ACCOMPAGNEMENT_STANDARD,
  PUBLICS_SPECIFIQUEMENT_ADRESSES,
  SERVICES as SERVICES_STANDARD,
} from "../standard/enumerations";
import type {
  FraisDI,
  ModeAccueilDI,
  ModeMobilisationDI,
  PersonneMobilisatriceDI,
  PublicDI,
  ReseauPorteurDI,
  ThematiqueDI,
  TypeServiceDI,
} from "./vocabulaires-data-inclusion";

type Valeur<T extends readonly string[]> = T[number];

/**
 * The one crosswalk between the national standard (v1.0.2), data·inclusion v1 and the national
 * activity reports (CRA of La Coop de la médiation numérique). Every target value exists in the
 * shipped vocabularies (checked by correspondances.test.ts).
 *
 * Not used: the `@gouvfr-anct/lieux-de-mediation-numerique` converters, which still target
 * data·inclusion v0 (`profils`, `modes_orientation_*`, `numerique--prendre-en-main-…` thématiques).
 */

/** CRA themes (`Thematique` enum of La Coop): 19 digital themes, then the 11 administrative sub-themes. */
export const THEMES_CRA = [
  "diagnostic_numerique",
  "prendre_en_main_du_materiel",
  "maintenance_de_materiel",
  "gere_ses_contenus_numeriques",
  "navigation_sur_internet",
  "email",
  "bureautique",
  "reseaux_sociaux",
  "sante",
  "banque_et_achats_en_ligne",
  "entrepreneuriat",
  "insertion_professionnelle",
  "securite_numerique",
  "parentalite",
  "scolarite_et_numerique",
  "creer_avec_le_numerique",
  "culture_numerique",
  "intelligence_artificielle",
  "aide_aux_demarches_administratives",
  "papiers_elections_citoyennete",
  "famille_scolarite",
  "social_sante",
  "travail_formation",
  "logement",
  "transports_mobilite",
  "argent_impots",
  "justice",
  "etrangers_europe",
  "loisirs_sports_culture",
  "associations",
] as const;
export type ThemeCra = (typeof THEMES_CRA)[number];

/**
 * How a place's services are grouped into data·inclusion services: one per group present,
 * because v1 gives a service a single `type` and users search by it.
 */
export type GroupeService = "demarches" | "usages" | "acces-libre" | "equipement";

interface CorrespondanceService {
  groupe: GroupeService;
  thematiques: readonly ThematiqueDI[];
  /** Every CRA theme belongs to exactly one standard service, so activity can be summed per service. */
  cra: readonly ThemeCra[];
}

const FONDAMENTAUX = "numerique--maitriser-les-fondamentaux-du-numerique";

export const SERVICES = {
  "Aide aux démarches administratives": {
    groupe: "demarches",
    thematiques: [
      "numerique--acceder-a-des-services-en-ligne",
      "difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives",
      "difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits",
    ],
    // `sante` is mostly ameli / Mon espace santé accounts: an online procedure, not a skill.
    cra: [
      "aide_aux_demarches_administratives",
      "sante",
      "papiers_elections_citoyennete",
      "famille_scolarite",
      "social_sante",
      "travail_formation",
      "logement",
      "transports_mobilite",
      "argent_impots",
      "justice",
      "etrangers_europe",
      "loisirs_sports_culture",
      "associations",
    ],
  },
  "Maîtrise des outils numériques du quotidien": {
    groupe: "usages",
    thematiques: [FONDAMENTAUX],
    cra: [
      "diagnostic_numerique",
      "prendre_en_main_du_materiel",
      "maintenance_de_materiel",
      "gere_ses_contenus_numeriques",
      "navigation_sur_internet",
      "email",
      "bureautique",
      "reseaux_sociaux",
      "banque_et_achats_en_ligne",
    ],
  },
  "Insertion professionnelle via le numérique": {
    groupe: "usages",
    thematiques: [
      FONDAMENTAUX,
      "preparer-sa-candidature--realiser-un-cv-et-ou-une-lettre-de-motivation",
      "preparer-sa-candidature--organiser-ses-demarches-de-recherche-demploi",
      "trouver-un-emploi--repondre-a-des-offres-demploi",
      "creer-une-entreprise--developper-son-entreprise",
    ],
    cra: ["insertion_professionnelle", "entrepreneuriat"],
  },
  "Utilisation sécurisée du numérique": { groupe: "usages", thematiques: [FONDAMENTAUX], cra: ["securite_numerique"] },
  "Parentalité et éducation avec le numérique": {
    groupe: "usages",
    thematiques: [FONDAMENTAUX, "famille--soutien-a-la-parentalite-et-a-leducation"],
    cra: ["parentalite", "scolarite_et_numerique"],
  },
  "Loisirs et créations numériques": { groupe: "usages", thematiques: [FONDAMENTAUX], cra: ["creer_avec_le_numerique"] },
  "Compréhension du monde numérique": {
    groupe: "usages",
    thematiques: [FONDAMENTAUX],
    cra: ["culture_numerique", "intelligence_artificielle"],
  },
  // Free access and cheap equipment are not accompaniment: no CRA theme records them.
  "Accès internet et matériel informatique": { groupe: "acces-libre", thematiques: ["numerique--acceder-a-une-connexion-internet"], cra: [] },
  "Acquisition de matériel informatique à prix solidaire": { groupe: "equipement", thematiques: ["numerique--acquerir-un-equipement"], cra: [] },
} as const satisfies Record<Valeur<typeof SERVICES_STANDARD>, CorrespondanceService>;

/** The data·inclusion service produced for each group (and, for "usages", each kind of accompaniment). */
export const SERVICES_DI = {
  demarches: { type: "accompagnement", nom: "Aide aux démarches administratives en ligne" },
  "usages-accompagnement": { type: "accompagnement", nom: "Accompagnement aux usages du numérique" },
  "usages-atelier": { type: "atelier", nom: "Ateliers collectifs d'initiation au numérique" },
  "acces-libre": { type: "aide-materielle", nom: "Accès libre à internet et à du matériel informatique" },
  equipement: { type: "aide-materielle", nom: "Matériel informatique à prix solidaire" },
} as const satisfies Record<string, { type: TypeServiceDI; nom: string }>;
export type CleServiceDI = keyof typeof SERVICES_DI;

/** data·inclusion's own v0→v1 mapping folds "gratuit-sous-conditions" into "gratuit"; the condition goes to `frais_precisions`. */
export const FRAIS = {
  Gratuit: "gratuit",
  "Gratuit sous condition": "gratuit",
  Payant: "payant",
} as const satisfies Record<Valeur<typeof FRAIS_A_CHARGE>, FraisDI>;

/**
 * The standard's "publics spécifiquement adressés" restrict who the place serves, like data·inclusion `publics`.
 * `prise_en_charge_specifique` is not mapped to publics: it says what the place *can* handle, and adding e.g.
 * "personnes-en-situation-de-handicap" to a restricted list would widen eligibility. It goes to `publics_precisions`.
 */
export const PUBLICS = {
  Jeunes: "jeunes",
  "Étudiants": "etudiants",
  "Familles et/ou enfants": "familles",
  Seniors: "seniors",
  Femmes: "femmes",
} as const satisfies Record<Valeur<typeof PUBLICS_SPECIFIQUEMENT_ADRESSES>, PublicDI>;
export const PUBLIC_PAR_DEFAUT: PublicDI = "tous-publics";

/** National programmes and labels → the network carrying the structure; null when v1 has no such network. */
export const DISPOSITIFS = {
  "Aidants Connect": "aidants-connect",
  "Bibliothèques numérique de référence": null,
  "Certification PIX": null,
  "Conseillers numériques": "conseillers-numeriques",
  "Emmaüs Connect": "emmaus",
  "France Services": "france-service",
  "Grande école du numérique": "grandes-ecoles-du-numerique",
  "La Croix Rouge": "croix-rouge",
  "Point d'accès numérique CAF": "caf",
  "Promeneurs du net": null,
  "Relais numérique (Emmaüs Connect)": "emmaus",
} as const satisfies Record<Valeur<typeof DISPOSITIFS_PROGRAMMES_NATIONAUX>, ReseauPorteurDI | null>;

export const FORMATIONS_LABELS: Readonly<Partial<Record<Valeur<typeof FORMATIONS_LABELS_STANDARD>, ReseauPorteurDI>>> = {
  "Fabriques de Territoire": "fabrique-de-territoire",
  "Étapes numériques (La Poste)": "la-poste",
};

/** Structure typologies (data·inclusion codes used by the standard) that name a network. */
export const TYPOLOGIES: Readonly<Record<string, ReseauPorteurDI>> = {
  CAF: "caf",
  CCAS: "ccas-cias",
  CIAS: "ccas-cias",
  CPAM: "cpam",
  CS: "fcsf",
  CSC: "fcsf",
  DEPT: "departements",
  EPN: "espaces-publics-numeriques",
  FT: "france-travail",
  LA_POSTE: "la-poste",
  MDPH: "mdph",
  MJC: "mjc",
  ML: "mission-locale",
  MSA: "mutualite-sociale-agricole",
  MSAP: "msap",
  MUNI: "communes",
  PIJ_BIJ: "reseau-information-jeunesse",
  PIMMS: "pimms-mediation",
  RFS: "france-service",
};

/** How a person gets the service, and who may use that way. null: the place receives no public. */
export const MODALITES_ACCES = {
  "Se présenter": { mode: "se-presenter", par: ["usagers", "professionnels"] },
  "Téléphoner": { mode: "telephoner", par: ["usagers", "professionnels"] },
  "Contacter par mail": { mode: "envoyer-un-courriel", par: ["usagers", "professionnels"] },
  // Only with a booking URL (`prise_rdv`), which becomes `lien_mobilisation`.
  "Prendre un RDV en ligne": { mode: "utiliser-lien-mobilisation", par: ["usagers", "professionnels"] },
  "Envoyer un mail avec une fiche de prescription": { mode: "envoyer-un-courriel", par: ["professionnels"] },
  "Ce lieu n'accueille pas de public": null,
} as const satisfies Record<Valeur<typeof MODALITES_ACCES_STANDARD>, { mode: ModeMobilisationDI; par: readonly PersonneMobilisatriceDI[] } | null>;

/** Each way of accompanying → how it is delivered, and which "usages" service it feeds. */
export const MODALITES_ACCOMPAGNEMENT = {
  "En autonomie": { accueil: "en-presentiel", usages: "usages-accompagnement" },
  "Accompagnement individuel": { accueil: "en-presentiel", usages: "usages-accompagnement" },
  "Dans un atelier collectif": { accueil: "en-presentiel", usages: "usages-atelier" },
  "À distance": { accueil: "a-distance", usages: "usages-accompagnement" },
} as const satisfies Record<Valeur<typeof MODALITES_ACCOMPAGNEMENT_STANDARD>, { accueil: ModeAccueilDI; usages: CleServiceDI }>;

/** Looks a value up in one of the tables above; unknown values (not validated upstream) give undefined. */
export function correspondance<T>(table: Readonly<Partial<Record<string, T>>>, valeur: string): T | undefined {
  return Object.hasOwn(table, valeur) ? table[valeur] : undefined;
}
