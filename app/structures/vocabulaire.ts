/** The fixed lists of the structures module, shared by server, pages and tests. */

export const TYPES_STRUCTURES = [
  "association",
  "collectivite_territoriale",
  "mediatheque_bibliotheque",
  "centre_social",
  "espace_france_services",
  "operateur_public",
  "entreprise",
  "autre",
] as const;
export type TypeStructure = (typeof TYPES_STRUCTURES)[number];

export const LIBELLES_TYPES: Record<TypeStructure, string> = {
  association: "Association",
  collectivite_territoriale: "Collectivité territoriale",
  mediatheque_bibliotheque: "Médiathèque ou bibliothèque",
  centre_social: "Centre social",
  espace_france_services: "Espace France services",
  operateur_public: "Opérateur public (CAF, CPAM, France Travail, MSA, impôts…)",
  entreprise: "Entreprise",
  autre: "Autre",
};

/** Roles inside a structure (DESIGN §2): a person may hold one per structure. */
export const ROLES_MEMBRES = ["mediateur", "responsable", "prescripteur"] as const;
export type RoleMembre = (typeof ROLES_MEMBRES)[number];

export const LIBELLES_ROLES: Record<RoleMembre, string> = {
  mediateur: "Médiateur·rice",
  responsable: "Responsable de structure",
  prescripteur: "Prescripteur·rice",
};

export const TYPES_COORDINATION = ["epci", "departement"] as const;
export type TypeCoordination = (typeof TYPES_COORDINATION)[number];

export const STATUTS_DEMANDES = ["en_attente", "acceptee", "refusee"] as const;
export type StatutDemande = (typeof STATUTS_DEMANDES)[number];

export const VALIDITE_INVITATION_JOURS = 14;

/** SQL lists for the CHECK constraints (kept next to the TypeScript lists they mirror). */
export const enListeSql = (valeurs: readonly string[]): string => valeurs.map((v) => `'${v}'`).join(", ");
