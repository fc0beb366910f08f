/**
 * The diagnostic of a territory, as the page, the PDF, the exports and the API show it.
 * Keys are snake_case: the API answers this object as is.
 */
import type { LienTerritoire, TypeTerritoire } from "~/territoire/pages/page-territoire.server";
import type { CleIndicateur, CleMesure } from "./indicateurs/vocabulaire";

/** One input of a measure over a territory. */
export interface Composante {
  indicateur: CleIndicateur;
  libelle: string;
  /** Sum over the territory's communes, or null when some commune's value is unknown. */
  nombre: number | null;
  /** Sum over the communes whose value is known ("ce qui est connu"), null when none is. */
  nombre_partiel: number | null;
  communes_connues: number;
  communes: number;
  annee: number | null;
  source: string | null;
  /** Why `nombre` is null, in French; null when known. */
  raison: string | null;
}

/** A PORTREA measure: the sum of its inputs, as a count and a share of the population. */
export interface Mesure {
  mesure: CleMesure;
  libelle: string;
  nombre: number | null;
  /** nombre / population, between 0 and 1. */
  taux: number | null;
  /** Year of the inputs (the oldest when they differ). */
  annee: number | null;
  /** Sources of the inputs, e.g. "INSEE, recensement 2021 ; CNAF 2021". */
  source: string | null;
  raison: string | null;
  composantes: Composante[];
}

/** Published IFN scores (0 to 10, higher = more fragile), for a commune or an EPCI only. */
export interface ScoresIfn {
  total: number | null;
  no_thd: number | null;
  no_4g: number | null;
  pauvrete: number | null;
  plus_65: number | null;
  sans_diplome: number | null;
  annee: number;
  source: string;
}

export interface CouvertureService {
  service: string;
  libelle: string;
  /** Places of the territory offering the service. */
  lieux: number;
  /** Population-weighted mean distance from the territory's communes to the nearest place offering it (anywhere). */
  distance_moyenne_km: number | null;
  distance_max_km: number | null;
  /** Communes whose nearest place offering it is farther than `seuil_eloignement_km`, and their population. */
  communes_eloignees: number;
  population_eloignee: number;
}

export interface Offre {
  lieux: number;
  lieux_pour_10000: number | null;
  itinerants: number;
  /** Places open after 18:00 on at least one day / on Saturday. */
  ouverts_soir: number;
  ouverts_samedi: number;
  programmes: { france_services: number; conseillers_numeriques: number; aidants_connect: number };
  seuil_eloignement_km: number;
  services: CouvertureService[];
}

export interface DiagnosticTerritoire extends LienTerritoire {
  population: number;
  parents: LienTerritoire[];
  fragilite: Mesure;
  exposition: Mesure;
  offre: Offre;
  /** Null for départements and the region (IFN is published for communes and EPCI only), or when absent. */
  ifn: ScoresIfn | null;
}

/** A row of the comparison and of the commune table: the same numbers as the maps. */
export interface LigneDiagnostic extends LienTerritoire {
  population: number;
  fragilite_taux: number | null;
  exposition_taux: number | null;
  ifn_total: number | null;
  lieux: number;
  lieux_pour_10000: number | null;
  /** Population-weighted mean distance to the nearest place (any service). */
  distance_moyenne_km: number | null;
  /** Nearest place offering each service, by service code. */
  distances_km: Record<string, number | null>;
  /** Need, offer and their gap between 0 and 1 among the compared rows (see `criteres`). */
  score_besoin: number | null;
  score_offre: number | null;
  ecart: number | null;
  rang: number | null;
}

export interface CommuneEloignee {
  code: string;
  nom: string;
  population: number;
  service: string;
  libelle: string;
  distance_km: number;
  lieu_le_plus_proche: { id: string; nom: string; commune: string } | null;
}

export interface RapportDiagnostic extends DiagnosticTerritoire {
  /** Peers ranked by gap: EPCIs for the region and a département, communes for an EPCI and a commune (those of its EPCI). */
  comparaison: { niveau: TypeTerritoire; lignes: LigneDiagnostic[]; criteres: string[] };
  /** Every commune of the territory, by name. */
  communes: LigneDiagnostic[];
  communes_eloignees: CommuneEloignee[];
  /** The latest change of the inputs (a place modified, an indicators import), null when there are none. */
  donnees_a_jour_le: string | null;
}
