import type { Mesure, RapportDiagnostic } from "../types";
import { formaterEntier, formaterKm } from "./format";

/** The method and sources, in the same words on the page and in the PDF. */

export const GENRES_TERRITOIRE = {
  region: "Région",
  departement: "Département",
  epci: "Intercommunalité",
  commune: "Commune",
} as const;

/** How the comparison's rows are named: "intercommunalités", "communes". */
export const PLURIELS_TERRITOIRE = {
  region: "régions",
  departement: "départements",
  epci: "intercommunalités",
  commune: "communes",
} as const;

export function paragraphesMethode(r: Pick<RapportDiagnostic, "offre">): string[] {
  return [
    "Ce diagnostic suit la méthode PORTREA : il compare le besoin d'accompagnement au numérique d'un territoire à l'offre de médiation numérique qui s'y trouve.",
    "La fragilité socio-numérique compte les personnes de 65 ans et plus et les personnes de moins de 65 ans sans diplôme ou avec le seul certificat d'études. L'exposition aux exigences numériques compte les allocataires de minima sociaux (RSA, prime d'activité, AAH) et les demandeurs d'emploi. Chacune est donnée en nombre et en part de la population.",
    "Quand une de ces données manque pour au moins une commune, la mesure est dite inconnue plutôt que sous-estimée : ce qui est connu est indiqué à côté.",
    "L'indice de fragilité numérique (IFN) est un score publié de 0 à 10 pour chaque commune et intercommunalité : plus il est élevé, plus la population est fragile face au numérique (pas de très haut débit, pas de 4G, pauvreté, part des 65 ans et plus, part des non-diplômés).",
    `L'offre compte les lieux de médiation numérique enregistrés dans Passerelle. Les distances sont mesurées à vol d'oiseau, du point de la commune au lieu le plus proche qui propose le service, même hors du territoire ; une commune est dite éloignée au-delà de ${formaterKm(r.offre.seuil_eloignement_km)}.`,
  ];
}

/** One line per source the report relies on, without duplicates. */
export function sourcesRapport(r: Pick<RapportDiagnostic, "fragilite" | "exposition" | "ifn">): string[] {
  // The year once: sources often name it already ("CNAF, allocataires au 31 décembre 2021").
  const annee = (source: string, a: number | null) => (a === null || source.includes(String(a)) ? "" : ` (${a})`);
  const deMesure = (m: Mesure) => m.composantes.flatMap((c) => (c.source ? [`${c.libelle} : ${c.source}${annee(c.source, c.annee)}.`] : []));
  const lignes = [
    `Population : INSEE, populations légales, découpage communal COG 2026.`,
    ...deMesure(r.fragilite),
    ...deMesure(r.exposition),
    ...(r.ifn ? [`Indice de fragilité numérique : ${r.ifn.source}${annee(r.ifn.source, r.ifn.annee)}.`] : []),
    "Lieux de médiation numérique : données ouvertes des lieux (standard national), importées dans Passerelle.",
    "Contours des communes et des intercommunalités : IGN Admin Express 2018 simplifié (france-geojson), regroupé selon le COG 2026.",
  ];
  return [...new Set(lignes)];
}

/** "12 345 habitants". */
export function texteHabitants(population: number): string {
  return `${formaterEntier(population)} habitant${population >= 2 ? "s" : ""}`;
}
