/**
 * The fixed lists of tracked referrals (DESIGN §4), shared by the server, the pages, the exports and
 * the CHECK constraints of orientations.schema.ts. Labels are what people read; codes are stored.
 */

export const STATUTS = ["envoyee", "vue", "acceptee", "prise_en_charge", "cloturee", "refusee", "expiree", "annulee"] as const;
export type Statut = (typeof STATUTS)[number];

export const LIBELLES_STATUTS: Record<Statut, string> = {
  envoyee: "Envoyée",
  vue: "Vue",
  acceptee: "Acceptée",
  prise_en_charge: "Prise en charge",
  cloturee: "Clôturée",
  refusee: "Refusée",
  expiree: "Expirée",
  annulee: "Annulée",
};

/** Statuses after which nothing changes any more (the personal data erasure clock starts there). */
export const STATUTS_FINAUX: readonly Statut[] = ["cloturee", "refusee", "expiree", "annulee"];
/** Statuses waiting for the receiver: reminders go out and expiry applies. */
export const STATUTS_EN_ATTENTE: readonly Statut[] = ["envoyee", "vue"];

/** What the receiver or the sender may do; transitions.ts says from which status and by whom. */
export const ACTIONS = ["voir", "accepter", "prendre_en_charge", "cloturer", "refuser", "annuler", "expirer"] as const;
export type Action = (typeof ACTIONS)[number];

export const ISSUES = ["autonome", "suivi_en_cours", "reorientee", "sans_suite"] as const;
export type Issue = (typeof ISSUES)[number];
export const LIBELLES_ISSUES: Record<Issue, string> = {
  autonome: "Autonome",
  suivi_en_cours: "Suivi en cours",
  reorientee: "Réorientée",
  sans_suite: "Sans suite",
};

/** Refusal reasons: seen by both structures, never by the person (and never on the sheet). */
export const MOTIFS_REFUS = ["hors_public", "hors_service", "complet", "hors_territoire", "deja_accompagnee", "injoignable", "autre"] as const;
export type MotifRefus = (typeof MOTIFS_REFUS)[number];
export const LIBELLES_MOTIFS_REFUS: Record<MotifRefus, string> = {
  hors_public: "Public non accueilli par le lieu",
  hors_service: "Besoin hors des services du lieu",
  complet: "Plus de place disponible",
  hors_territoire: "Hors du territoire du lieu",
  deja_accompagnee: "Personne déjà accompagnée ailleurs",
  injoignable: "Personne injoignable ou non venue",
  autre: "Autre motif",
};

/** The procedures people most often need help with (workshop 2, DESIGN §1): the "démarche" of a referral or a field feedback. */
export const DEMARCHES = ["caf", "ameli", "impots", "france_travail", "ants", "msa", "retraite", "autre"] as const;
export type Demarche = (typeof DEMARCHES)[number];
export const LIBELLES_DEMARCHES: Record<Demarche, string> = {
  caf: "CAF (allocations, prime d'activité, RSA)",
  ameli: "Assurance maladie (ameli, CSS)",
  impots: "Impôts (déclaration, espace particulier)",
  france_travail: "France Travail (inscription, actualisation)",
  ants: "ANTS (titres d'identité, permis, carte grise)",
  msa: "MSA",
  retraite: "Retraite (info-retraite, Carsat)",
  autre: "Autre démarche",
};

export const URGENCES = ["normale", "rapide", "urgente"] as const;
export type Urgence = (typeof URGENCES)[number];
export const LIBELLES_URGENCES: Record<Urgence, string> = {
  normale: "Normale",
  rapide: "Dans la semaine",
  urgente: "Urgente (droits menacés, échéance proche)",
};

/** How the person's consent to share their contact details was given (recorded with who and when). */
export const MODES_CONSENTEMENT = ["oral", "ecrit", "formulaire_signe"] as const;
export type ModeConsentement = (typeof MODES_CONSENTEMENT)[number];
export const LIBELLES_MODES_CONSENTEMENT: Record<ModeConsentement, string> = {
  oral: "Accord oral, en présence de la personne",
  ecrit: "Accord écrit (courriel, SMS)",
  formulaire_signe: "Formulaire de consentement signé",
};

/** How a receiving place wants to be referred to (its orientation conditions). */
export const MODALITES = ["passerelle", "courriel", "telephone", "fiche_prescription", "sans_rendez_vous"] as const;
export type Modalite = (typeof MODALITES)[number];
export const LIBELLES_MODALITES: Record<Modalite, string> = {
  passerelle: "Orientation dans Passerelle",
  courriel: "Par courriel",
  telephone: "Par téléphone",
  fiche_prescription: "Fiche de prescription",
  sans_rendez_vous: "La personne peut venir sans rendez-vous",
};

/** Every row of the transition log: a status change, or one of these events. */
export const EVENEMENTS = [...STATUTS, "relance", "lien_envoye", "lien_renouvele", "donnees_lues", "donnees_effacees"] as const;
export type Evenement = (typeof EVENEMENTS)[number];

/** Defaults of the settings (config.server.ts, PASSERELLE_ORIENTATION_*). */
export const REGLAGES_PAR_DEFAUT = {
  /** A signed link for a structure without an account stays valid this many days (renewable). */
  lienJours: 8,
  /** A referral with no answer (envoyée or vue) after this many days becomes expirée. */
  expirationJours: 30,
  /** The receiver is reminded every N days while a referral waits for an answer. */
  relanceJours: 3,
  /** The person's contact details are erased this many days after a final status. */
  effacementJours: 90,
} as const;

export interface ReglagesOrientation {
  lienJours: number;
  expirationJours: number;
  relanceJours: number;
  effacementJours: number;
}

export const MESSAGE_MAX = 1000;
