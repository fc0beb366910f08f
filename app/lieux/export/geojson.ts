import { CHAMPS, type Champ } from "../standard/champs";
import type { LieuStandard } from "../standard/lieu";

/** RFC 7946 types, limited to what this export writes (no @types/geojson in the project). */
export interface PointGeoJson {
  type: "Point";
  /** [longitude, latitude], WGS84. */
  coordinates: [number, number];
}

/** The standard's fields except latitude/longitude (they are the geometry); lists joined by `|`. */
export type ProprietesLieu = Partial<Record<Exclude<Champ, "latitude" | "longitude">, string>> & { id: string };

export interface FeatureLieu {
  type: "Feature";
  id: string;
  geometry: PointGeoJson;
  properties: ProprietesLieu;
}

export interface FeatureCollection {
  type: "FeatureCollection";
  features: FeatureLieu[];
  /**
   * Foreign member (RFC 7946 §6.1): how many places were left out for want of their own position,
   * so that a map built from this file can say it is incomplete.
   */
  lieux_sans_coordonnees: number;
}

function proprietes(lieu: LieuStandard & { uuid: string }): ProprietesLieu {
  const p: ProprietesLieu = { id: lieu.uuid };
  for (const champ of CHAMPS) {
    if (champ === "latitude" || champ === "longitude" || champ === "id") continue;
    const valeur = lieu[champ];
    const texte = Array.isArray(valeur) ? valeur.join("|") : valeur;
    // Empty fields are omitted: map styles treat a missing property like an empty one, and the file stays small.
    if (typeof texte === "string" && texte !== "") p[champ] = texte;
  }
  return p;
}

/**
 * One Point feature per place that has coordinates. `id` (the feature's and the property) is
 * Passerelle's UUID, stable across imports and merges. Places without coordinates are left out and counted.
 */
export function versGeoJson(lieux: readonly (LieuStandard & { uuid: string })[]): FeatureCollection {
  const features: FeatureLieu[] = [];
  let sansCoordonnees = 0;
  for (const lieu of lieux) {
    if (lieu.latitude === undefined || lieu.longitude === undefined) {
      sansCoordonnees++;
      continue;
    }
    features.push({
      type: "Feature",
      id: lieu.uuid,
      geometry: { type: "Point", coordinates: [lieu.longitude, lieu.latitude] },
      properties: proprietes(lieu),
    });
  }
  return { type: "FeatureCollection", features, lieux_sans_coordonnees: sansCoordonnees };
}
