import type { Feature, FeatureCollection, Geometry } from "geojson";
import { arrondirGeometrie } from "~/territoire/carte/conversion";
import type { RapportDiagnostic } from "../types";
import { colonnesExport } from "./colonnes-export";

/**
 * The communes of a diagnostic with their boundaries (simplified, WGS 84, 5 decimals ≈ 1 m) and
 * the CSV's numbers as properties: shares stay between 0 and 1, unknown values are null.
 */
export type ProprietesCommune = Record<string, string | number | null>;

export function geojsonCommunes(
  r: Pick<RapportDiagnostic, "offre" | "communes">,
  geometries: ReadonlyMap<string, Geometry>,
): FeatureCollection<Geometry | null, ProprietesCommune> {
  const colonnes = colonnesExport(r);
  const features = r.communes.map((l): Feature<Geometry | null, ProprietesCommune> => {
    const g = geometries.get(l.code);
    return {
      type: "Feature",
      id: l.code,
      // A commune without a shape keeps its row, as GeoJSON allows (null geometry).
      geometry: g ? arrondirGeometrie(g) : null,
      properties: Object.fromEntries(colonnes.map((c) => [c.cle, c.valeur(l)])),
    };
  });
  return { type: "FeatureCollection", features };
}
