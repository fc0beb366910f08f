import type { LigneDiagnostic, Offre } from "../types";
import { formaterDecimal, formaterKm, formaterScore, formaterTaux } from "./format";

/**
 * What a choropleth can show (`?carte=`), read from the same rows as the tables, so that the map
 * and its table always hold the same numbers.
 */
export interface IndicateurCarte {
  cle: string;
  /** Plain-language name, for the form and the legend's title. */
  libelle: string;
  /** Unit as written in a table header: "(%)", "(km)". */
  unite: string;
  valeur(l: LigneDiagnostic): number | null;
  /** The value in a sentence or a `<title>`: "12,3 %", "4,2 / 10". */
  formater(v: number | null): string;
  /** Number of digits the legend bounds need to stay distinct. */
  chiffres: number;
  /** Said under the map: what a dark shade means. */
  lecture: string;
}

export interface ServiceCarte {
  service: string;
  libelle: string;
}

/** The services a report covers, in its order. */
export function servicesDe(r: { offre: Pick<Offre, "services"> }): ServiceCarte[] {
  return r.offre.services.map((s) => ({ service: s.service, libelle: s.libelle }));
}

export const INDICATEUR_PAR_DEFAUT = "ifn_total";

/** A URL-safe key for a service of the national standard: "Aide aux démarches…" → "aide-aux-demarches…". */
export function slugService(service: string): string {
  return service
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/** Every indicator the maps offer; one distance per service the report covers. */
export function indicateursCarte(services: readonly ServiceCarte[]): IndicateurCarte[] {
  return [
    {
      cle: "ifn_total",
      libelle: "Indice de fragilité numérique (score de 0 à 10)",
      unite: "(score sur 10)",
      valeur: (l) => l.ifn_total,
      formater: formaterScore,
      chiffres: 1,
      lecture: "Plus la teinte est foncée, plus la population est fragile face au numérique.",
    },
    {
      cle: "fragilite",
      libelle: "Fragilité socio-numérique (part de la population)",
      unite: "(%)",
      valeur: (l) => l.fragilite_taux,
      formater: (v) => formaterTaux(v),
      chiffres: 3,
      lecture: "Plus la teinte est foncée, plus la part de personnes âgées ou peu diplômées est forte.",
    },
    {
      cle: "exposition",
      libelle: "Exposition aux exigences numériques (part de la population)",
      unite: "(%)",
      valeur: (l) => l.exposition_taux,
      formater: (v) => formaterTaux(v),
      chiffres: 3,
      lecture: "Plus la teinte est foncée, plus la part d'allocataires de minima sociaux et de demandeurs d'emploi est forte.",
    },
    {
      cle: "lieux_pour_10000",
      libelle: "Lieux de médiation numérique pour 10 000 habitants",
      unite: "(pour 10 000 hab.)",
      valeur: (l) => l.lieux_pour_10000,
      formater: (v) => formaterDecimal(v),
      chiffres: 1,
      lecture: "Plus la teinte est foncée, plus il y a de lieux pour le nombre d'habitants.",
    },
    ...services.map(
      (s): IndicateurCarte => ({
        cle: `distance_${slugService(s.service)}`,
        libelle: `Distance au lieu le plus proche pour « ${s.libelle} »`,
        unite: "(km)",
        valeur: (l) => l.distances_km[s.service] ?? null,
        formater: formaterKm,
        chiffres: 1,
        lecture: "Plus la teinte est foncée, plus le lieu le plus proche est loin.",
      }),
    ),
  ];
}

/** The indicator named by `?carte=`, or the IFN score (the only need known everywhere) when absent or unknown. */
export function choisirIndicateur(cle: string | null, services: readonly ServiceCarte[]): IndicateurCarte {
  const tous = indicateursCarte(services);
  const trouve = tous.find((i) => i.cle === cle) ?? tous.find((i) => i.cle === INDICATEUR_PAR_DEFAUT);
  if (!trouve) throw new Error("Indicateur par défaut absent");
  return trouve;
}
