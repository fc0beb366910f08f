import type { LigneDiagnostic, RapportDiagnostic } from "../types";

/**
 * A hand-written diagnostic of the CC de Belle-Île-en-Mer (4 communes), for the view tests.
 * Fragility is known, exposure only in part (one commune's RSA count), Sauzon has no IFN score:
 * every path of the views (known, partial, unknown) is exercised with numbers checked by hand.
 */

export const AIDE = "Aide aux démarches administratives";
export const MAITRISE = "Maîtrise des outils numériques du quotidien";
export const ACCES = "Accès internet et matériel informatique";

function ligne(l: Omit<LigneDiagnostic, "type" | "lieux_pour_10000"> & { lieux_pour_10000?: number | null }): LigneDiagnostic {
  return { type: "commune", ...l, lieux_pour_10000: l.lieux_pour_10000 ?? Math.round((l.lieux / l.population) * 100_000) / 10 };
}

export const COMMUNES_EXEMPLE: LigneDiagnostic[] = [
  ligne({
    code: "56009",
    nom: "Bangor",
    population: 994,
    fragilite_taux: 0.45,
    exposition_taux: null,
    ifn_total: 6.1,
    lieux: 0,
    distance_moyenne_km: 5.2,
    distances_km: { [AIDE]: 5.2, [MAITRISE]: 5.2, [ACCES]: 5.2 },
    score_besoin: 0.8,
    score_offre: 0.1,
    ecart: 0.7,
    rang: 2,
  }),
  ligne({
    code: "56152",
    nom: "Le Palais",
    population: 2599,
    fragilite_taux: 0.38,
    exposition_taux: 0.12,
    ifn_total: 5.2,
    lieux: 5,
    distance_moyenne_km: 0,
    distances_km: { [AIDE]: 0, [MAITRISE]: 0, [ACCES]: 0 },
    score_besoin: 0,
    score_offre: 1,
    ecart: -1,
    rang: 3,
  }),
  ligne({
    code: "56114",
    nom: "Locmaria",
    population: 978,
    fragilite_taux: 0.5,
    exposition_taux: null,
    ifn_total: 6.4,
    lieux: 0,
    distance_moyenne_km: 9.8,
    distances_km: { [AIDE]: 9.8, [MAITRISE]: 12.5, [ACCES]: 16.4 },
    score_besoin: 1,
    score_offre: 0,
    ecart: 1,
    rang: 1,
  }),
  ligne({
    code: "56241",
    nom: "Sauzon",
    population: 1036,
    fragilite_taux: 0.41,
    exposition_taux: null,
    ifn_total: null,
    lieux: 1,
    distance_moyenne_km: 0,
    distances_km: { [AIDE]: 0, [MAITRISE]: 0, [ACCES]: null },
    score_besoin: null,
    score_offre: 0.5,
    ecart: null,
    rang: null,
  }),
];

export const RAPPORT_EXEMPLE: RapportDiagnostic = {
  type: "epci",
  code: "245600465",
  nom: "CC de Belle Ile en Mer",
  population: 5607,
  parents: [
    { type: "region", code: "53", nom: "Bretagne" },
    { type: "departement", code: "56", nom: "Morbihan" },
  ],
  fragilite: {
    mesure: "fragilite",
    libelle: "Fragilité socio-numérique",
    nombre: 2300,
    taux: 2300 / 5607,
    annee: 2021,
    source: "INSEE, recensement 2021",
    raison: null,
    composantes: [
      {
        indicateur: "pop_65_plus",
        libelle: "Personnes de 65 ans et plus",
        nombre: 1900,
        nombre_partiel: 1900,
        communes_connues: 4,
        communes: 4,
        annee: 2021,
        source: "INSEE, recensement 2021",
        raison: null,
      },
      {
        indicateur: "sans_diplome_moins_65",
        libelle: "Personnes de moins de 65 ans non scolarisées, sans diplôme ou avec le seul CEP",
        nombre: 400,
        nombre_partiel: 400,
        communes_connues: 4,
        communes: 4,
        annee: 2021,
        source: "INSEE, recensement 2021",
        raison: null,
      },
    ],
  },
  exposition: {
    mesure: "exposition",
    libelle: "Exposition aux exigences numériques",
    nombre: null,
    taux: null,
    annee: null,
    source: null,
    raison: "Le nombre d'allocataires du RSA n'est connu que pour 1 commune sur 4.",
    composantes: [
      {
        indicateur: "allocataires_rsa",
        libelle: "Foyers allocataires du RSA",
        nombre: null,
        nombre_partiel: 120,
        communes_connues: 1,
        communes: 4,
        annee: 2021,
        source: "CNAF, données par IRIS 2021",
        raison: "Les petites communes ne sont pas publiées par la CNAF.",
      },
      {
        indicateur: "demandeurs_emploi",
        libelle: "Demandeurs d'emploi inscrits à France Travail (catégories A, B, C)",
        nombre: 310,
        nombre_partiel: 310,
        communes_connues: 4,
        communes: 4,
        annee: 2021,
        source: "INSEE, recensement 2021",
        raison: null,
      },
    ],
  },
  ifn: {
    total: 5.8,
    no_thd: 7,
    no_4g: 3.4,
    pauvrete: 4.1,
    plus_65: 7.9,
    sans_diplome: 5,
    annee: 2023,
    source: "Indice de fragilité numérique (France Numérique Ensemble)",
  },
  offre: {
    lieux: 6,
    lieux_pour_10000: 10.7,
    itinerants: 1,
    ouverts_soir: 1,
    ouverts_samedi: 2,
    programmes: { france_services: 1, conseillers_numeriques: 2, aidants_connect: 1 },
    seuil_eloignement_km: 15,
    services: [
      { service: AIDE, libelle: "Faire une démarche en ligne", lieux: 5, distance_moyenne_km: 2.6, distance_max_km: 9.8, communes_eloignees: 0, population_eloignee: 0 },
      { service: MAITRISE, libelle: "Utiliser un ordinateur, un téléphone, internet", lieux: 4, distance_moyenne_km: 3.1, distance_max_km: 12.5, communes_eloignees: 0, population_eloignee: 0 },
      { service: ACCES, libelle: "Utiliser un ordinateur ou internet sur place", lieux: 2, distance_moyenne_km: null, distance_max_km: null, communes_eloignees: 1, population_eloignee: 978 },
    ],
  },
  comparaison: {
    niveau: "commune",
    lignes: [...COMMUNES_EXEMPLE].sort((a, b) => (a.rang ?? 99) - (b.rang ?? 99)),
    criteres: [
      "Le besoin est l'indice de fragilité numérique, ramené entre 0 (le plus faible des communes comparées) et 1 (le plus fort).",
      "L'offre est le nombre de lieux pour 10 000 habitants, ramené de la même façon.",
      "L'écart est le besoin moins l'offre : le rang 1 est la commune où il est le plus grand.",
    ],
  },
  communes: COMMUNES_EXEMPLE,
  communes_eloignees: [
    {
      code: "56114",
      nom: "Locmaria",
      population: 978,
      service: ACCES,
      libelle: "Utiliser un ordinateur ou internet sur place",
      distance_km: 16.4,
      lieu_le_plus_proche: { id: "6f1c2a9e-0000-4000-8000-000000000001", nom: "Médiathèque du Palais", commune: "Le Palais" },
    },
  ],
  donnees_a_jour_le: "2026-05-04T09:30:00.000Z",
};
