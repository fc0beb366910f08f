/**
 * The indicators Passerelle stores, whatever file they came from. A count is additive
 * (IRIS → commune → EPCI → département → région); a score is not and is shown as published.
 */
export const INDICATEURS = {
  pop_65_plus: {
    libelle: "Personnes de 65 ans et plus",
    nature: "nombre",
  },
  sans_diplome_moins_65: {
    libelle: "Personnes de moins de 65 ans non scolarisées, sans diplôme ou avec le seul CEP",
    nature: "nombre",
  },
  sans_diplome_15_plus: {
    libelle: "Personnes de 15 ans et plus non scolarisées, sans diplôme ou avec le seul CEP (tous âges)",
    nature: "nombre",
  },
  allocataires_rsa: { libelle: "Foyers allocataires du RSA", nature: "nombre" },
  allocataires_ppa: { libelle: "Foyers allocataires de la prime d'activité", nature: "nombre" },
  allocataires_aah: { libelle: "Allocataires de l'AAH", nature: "nombre" },
  demandeurs_emploi: { libelle: "Demandeurs d'emploi inscrits à France Travail (catégories A, B, C)", nature: "nombre" },
  ifn_total: { libelle: "Indice de fragilité numérique : score global", nature: "score" },
  ifn_no_thd: { libelle: "Indice de fragilité numérique : absence de très haut débit", nature: "score" },
  ifn_no_4g: { libelle: "Indice de fragilité numérique : absence de couverture 4G", nature: "score" },
  ifn_pauvrete: { libelle: "Indice de fragilité numérique : pauvreté", nature: "score" },
  ifn_65_plus: { libelle: "Indice de fragilité numérique : part des 65 ans et plus", nature: "score" },
  ifn_sans_diplome: { libelle: "Indice de fragilité numérique : part des non-diplômés", nature: "score" },
} as const satisfies Record<string, { libelle: string; nature: "nombre" | "score" }>;

export type CleIndicateur = keyof typeof INDICATEURS;
export const CLES_INDICATEURS = Object.keys(INDICATEURS).filter(estCleIndicateur);

export function estCleIndicateur(valeur: string): valeur is CleIndicateur {
  return Object.hasOwn(INDICATEURS, valeur);
}

/** The level a stored value describes: an IRIS and a commune are summed upwards, an EPCI value (IFN) is not. */
export const NIVEAUX = ["iris", "commune", "epci"] as const;
export type Niveau = (typeof NIVEAUX)[number];

/** PORTREA's two measures and the counts they add up (DESIGN.md §5). */
export const MESURES = {
  fragilite: {
    libelle: "Fragilité socio-numérique",
    composantes: ["pop_65_plus", "sans_diplome_moins_65"],
  },
  exposition: {
    libelle: "Exposition aux exigences numériques",
    composantes: ["allocataires_rsa", "allocataires_ppa", "allocataires_aah", "demandeurs_emploi"],
  },
} as const satisfies Record<string, { libelle: string; composantes: readonly CleIndicateur[] }>;
export type CleMesure = keyof typeof MESURES;
