import { and, arrayOverlaps, asc, getTableColumns, isNotNull, isNull, or, sql, type SQL } from "drizzle-orm";
import { lieux } from "../lieux.schema";
import { ACCES_SUR_RENDEZ_VOUS, SE_PRESENTER, valeursPriseEnCharge } from "./filtres";
import type { Criteres } from "./criteres";
import type { CentreRecherche } from "./resultat";

/**
 * The SQL side of a search: conditions on the stored lists, the distance, the order. Each piece
 * takes a `valeur(nom, v)` that either binds `v` (one-off queries) or names a placeholder
 * (prepared statements, see preparees.server.ts): the same SQL text serves both.
 */

export const RAYON_PAR_DEFAUT_KM = 30;

// Everything a list item needs, without the provenance (large, and only for a place's own page).
const { provenance: _provenance, ...colonnesListe } = getTableColumns(lieux);
export const COLONNES_LISTE = colonnesListe;

export interface Zone {
  centre: CentreRecherche;
  rayonKm: number;
}

/** Binds a value, or stands for it (placeholder). */
export type Valeur = (nom: string, v: unknown) => unknown;
const lie: Valeur = (_nom, v) => v;

const KM_PAR_MILLE = 1.609344;
const KM_PAR_DEGRE_LATITUDE = 111.195;
const position = sql`point(${lieux.longitude}, ${lieux.latitude})`;

/** Great-circle distance in km: earthdistance's `<@>` between two points (it answers in statute miles). */
export function distanceKmSql(centre: CentreRecherche | undefined, valeur: Valeur = lie): SQL<number> {
  const lon = valeur("lon", centre?.longitude);
  const lat = valeur("lat", centre?.latitude);
  return sql<number>`((${position} <@> point(${lon}::float8, ${lat}::float8)) * ${KM_PAR_MILLE}::float8)`.mapWith(Number);
}

/** The same distance in metres (used by the territory pages). */
export function distanceSql(centre: CentreRecherche): SQL<number> {
  return sql<number>`(${distanceKmSql(centre)} * 1000)`.mapWith(Number);
}

/** The corners of a box in degrees that holds the circle (wider in longitude towards the poles). */
export function boite(zone: Zone): { lonMin: number; latMin: number; lonMax: number; latMax: number } {
  const { latitude: lat, longitude: lon } = zone.centre;
  const dLat = zone.rayonKm / KM_PAR_DEGRE_LATITUDE;
  const dLon = Math.min(180, dLat / Math.cos((Math.min(89, Math.abs(lat) + dLat) * Math.PI) / 180));
  return { lonMin: lon - dLon, latMin: lat - dLat, lonMax: lon + dLon, latMax: lat + dLat };
}

/** All conditions of the criteria that SQL can decide (the time filters are decided on the hours afterwards). */
export function conditions(criteres: Criteres, zone: Zone | undefined, avecFiltreTemporel: boolean, valeur: Valeur = lie): SQL | undefined {
  const c: (SQL | undefined)[] = [isNull(lieux.fusionne_dans)];
  if (zone) {
    const b = boite(zone);
    const coin = (x: "lonMin" | "latMin" | "lonMax" | "latMax") => sql`${valeur(x, b[x])}::float8`;
    // The same predicates as the partial GiST index, so that the planner uses it.
    c.push(isNotNull(lieux.latitude), isNotNull(lieux.longitude), sql`${position} <@ box(point(${coin("lonMin")}, ${coin("latMin")}), point(${coin("lonMax")}, ${coin("latMax")}))`);
    c.push(sql`${distanceKmSql(zone.centre, valeur)} <= ${valeur("rayon", zone.rayonKm)}::float8`);
  }
  // One array parameter (a bare array in a template would be spread into a list of parameters).
  const liste = (nom: string, v: string[]) => sql`${valeur(nom, sql.param(v))}::text[]`;
  // Within a facet any value matches (overlap); across facets every one must match.
  if (criteres.services.length > 0) c.push(arrayOverlaps(lieux.services, liste("services", criteres.services)));
  if (criteres.publics.length > 0) {
    // The standard's meaning of an empty list: the place welcomes everyone ("tout public"),
    // so it matches whatever public is asked for.
    c.push(or(arrayOverlaps(lieux.publics_specifiquement_adresses, liste("publics", criteres.publics)), sql`cardinality(${lieux.publics_specifiquement_adresses}) = 0`));
  }
  if (criteres.prise_en_charge.length > 0) c.push(arrayOverlaps(lieux.prise_en_charge_specifique, liste("prise_en_charge", valeursPriseEnCharge(criteres.prise_en_charge))));
  if (criteres.frais.length > 0) c.push(arrayOverlaps(lieux.frais_a_charge, liste("frais", criteres.frais)));
  if (criteres.accompagnement.length > 0) c.push(arrayOverlaps(lieux.modalites_accompagnement, liste("accompagnement", criteres.accompagnement)));
  if (criteres.dispositifs.length > 0) c.push(arrayOverlaps(lieux.dispositif_programmes_nationaux, liste("dispositifs", criteres.dispositifs)));
  if (criteres.rendez_vous === "sans") c.push(sql`${SE_PRESENTER} = any(${lieux.modalites_acces})`);
  if (criteres.rendez_vous === "sur") {
    c.push(arrayOverlaps(lieux.modalites_acces, [...ACCES_SUR_RENDEZ_VOUS]), sql`not (${SE_PRESENTER} = any(${lieux.modalites_acces}))`);
  }
  if (criteres.itinerant) c.push(sql`'Itinérant' = any(${lieux.itinerance})`);
  // Places without hours never match a time filter.
  if (avecFiltreTemporel) c.push(isNotNull(lieux.horaires));
  return and(...c);
}

/** Nearest first with a centre; else by commune then name. The id makes pages stable. */
export function ordre(zone: Zone | undefined, valeur: Valeur = lie): SQL[] {
  return zone ? [asc(distanceKmSql(zone.centre, valeur)), asc(lieux.nom), asc(lieux.id)] : [asc(lieux.commune), asc(lieux.nom), asc(lieux.id)];
}
