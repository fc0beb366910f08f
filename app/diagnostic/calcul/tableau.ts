import { SERVICES } from "~/lieux/standard/enumerations";
import type { Referentiel } from "~/territoire/types";
import type { DiagnosticTerritoire, LigneDiagnostic } from "../types";
import type { Pair } from "./ecarts";
import type { DonneesDiagnostic } from "./entrees";
import { mesures, scoresIfn } from "./mesures";
import { arrondi, comptesParCommune, distancesParCommune, moyennePonderee, offre, preparerLieux, sommerComptes, type DistancesCommune } from "./offre";
import { cleTerritoire, territoiresDeLaRegion, type TerritoireDiagnostic } from "./territoires";
import { indexerValeurs } from "./valeurs";

export const SEUIL_PAR_DEFAUT_KM = 15;

export interface OptionsCalcul {
  /** A commune is "far" from a service beyond this distance (default 15 km). */
  seuilKm?: number;
  /** The week whose opening hours count (evenings, Saturday); now by default. */
  maintenant?: Date;
}

/** One territory, computed: its diagnostic, and its row for the comparisons (not yet ranked). */
export interface Agregat {
  territoire: TerritoireDiagnostic;
  diagnostic: DiagnosticTerritoire;
  pair: Pair;
}

/** The whole region computed at once: every commune, EPCI, département and the region. */
export interface TableauDiagnostic {
  seuilKm: number;
  donneesAJourLe: string | null;
  /** By `type:code` (see `cleTerritoire`). */
  territoires: ReadonlyMap<string, Agregat>;
  /** Nearest places per current commune code. */
  distances: ReadonlyMap<string, DistancesCommune>;
}

/** A source named with its year, unless its name already says it ("recensement 2021"). */
const datee = (source: string | null, annee: number | null) => (source === null || annee === null || source.includes(String(annee)) ? source : `${source}, ${annee}`);

export function calculerTableau(donnees: DonneesDiagnostic, referentiel: Referentiel, options: OptionsCalcul = {}): TableauDiagnostic {
  const seuilKm = options.seuilKm ?? SEUIL_PAR_DEFAUT_KM;
  const maintenant = options.maintenant ?? new Date();
  const valeurs = indexerValeurs(donnees.valeurs, referentiel);
  const lieux = preparerLieux(donnees.lieux, referentiel, maintenant);
  const comptes = comptesParCommune(lieux);
  const distances = distancesParCommune(referentiel.communes(), lieux);

  const territoires = new Map<string, Agregat>();
  for (const t of territoiresDeLaRegion(referentiel)) {
    const codes = t.communes.map((c) => c.code);
    // Rolled up from the communes, like every count of the diagnostic.
    const population = t.communes.reduce((s, c) => s + c.population, 0);
    const { fragilite, exposition } = mesures(codes, population, valeurs);
    const ifn = t.type === "commune" ? scoresIfn(valeurs.communes.get(t.code)) : t.type === "epci" ? scoresIfn(valeurs.epcis.get(t.code)) : null;
    const o = offre(t.communes, population, sommerComptes(codes, comptes), distances, seuilKm);
    const tout = moyennePonderee(t.communes.map((c) => ({ km: distances.get(c.code)?.tout?.km ?? null, population: c.population })));

    const diagnostic: DiagnosticTerritoire = { type: t.type, code: t.code, nom: t.nom, population, parents: t.parents, fragilite, exposition, offre: o, ifn };
    const ligne: LigneDiagnostic = {
      type: t.type,
      code: t.code,
      nom: t.nom,
      population,
      fragilite_taux: fragilite.taux,
      exposition_taux: exposition.taux,
      ifn_total: ifn?.total ?? null,
      lieux: o.lieux,
      lieux_pour_10000: o.lieux_pour_10000,
      distance_moyenne_km: arrondi(tout.moyenne, 1),
      distances_km: Object.fromEntries(SERVICES.map((s) => [s, o.services.find((x) => x.service === s)?.distance_moyenne_km ?? null])),
      score_besoin: null,
      score_offre: null,
      ecart: null,
      rang: null,
    };
    const pair: Pair = {
      ligne,
      densite: population > 0 ? (o.lieux / population) * 10_000 : null,
      distance: tout.moyenne,
      sources: { fragilite: datee(fragilite.source, fragilite.annee), exposition: datee(exposition.source, exposition.annee), ifn: datee(ifn?.source ?? null, ifn?.annee ?? null) },
    };
    territoires.set(cleTerritoire(t.type, t.code), { territoire: t, diagnostic, pair });
  }
  return { seuilKm, donneesAJourLe: donnees.aJourLe?.toISOString() ?? null, territoires, distances };
}
