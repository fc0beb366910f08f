/** The fixed lists of field feedback (remontées de terrain, DESIGN §4), shared by server, pages and CHECK constraints. */

/** Public operators whose online procedures mediators report on; a structure of type `operateur_public` names one. */
export const OPERATEURS = ["caf", "cpam", "france_travail", "dgfip", "ants", "msa", "carsat", "autre"] as const;
export type Operateur = (typeof OPERATEURS)[number];
export const LIBELLES_OPERATEURS: Record<Operateur, string> = {
  caf: "CAF",
  cpam: "Assurance maladie (CPAM, ameli)",
  france_travail: "France Travail",
  dgfip: "Finances publiques (impôts)",
  ants: "ANTS",
  msa: "MSA",
  carsat: "Carsat (retraite)",
  autre: "Autre opérateur",
};

export const THEMES = ["connexion", "justificatif", "erreur_technique", "accessibilite", "delai", "information", "autre"] as const;
export type Theme = (typeof THEMES)[number];
export const LIBELLES_THEMES: Record<Theme, string> = {
  connexion: "Connexion, identifiant, FranceConnect",
  justificatif: "Pièce justificative, téléversement",
  erreur_technique: "Erreur technique, page bloquée",
  accessibilite: "Accessibilité, lisibilité",
  delai: "Délai de traitement, pas de réponse",
  information: "Information manquante ou contradictoire",
  autre: "Autre",
};

export const STATUTS_REMONTEES = ["ouverte", "en_cours", "close"] as const;
export type StatutRemontee = (typeof STATUTS_REMONTEES)[number];
export const LIBELLES_STATUTS_REMONTEES: Record<StatutRemontee, string> = {
  ouverte: "Ouverte",
  en_cours: "Prise en compte",
  close: "Close",
};

export const DESCRIPTION_MAX = 3000;
export const REPONSE_MAX = 3000;
