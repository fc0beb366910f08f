import type { Feature, FeatureCollection, Geometry, MultiLineString, Position } from "geojson";
import { feature, mesh } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";

/**
 * Turns the shipped TopoJSON into the small GeoJSON the map draws as its offline base layer.
 * Only what the map shows is kept: département shapes (fill and outline) and the EPCI borders as
 * one mesh (each shared border once, no fills: they would add ~40 KB gzip for nothing visible).
 * Communes are left out: even as a mesh they weigh ~90 KB gzip, more than everything else.
 */

/** 5 decimals ≈ 1 m, finer than the source's own quantisation (≈ 3 m). */
export const DECIMALES = 5;

export type CoucheCarte = "departement" | "epci";
export interface ProprietesFrontiere {
  couche: CoucheCarte;
  code?: string;
  nom?: string;
}
export type FrontieresCarte = FeatureCollection<Geometry, ProprietesFrontiere>;

function estObjet(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function estCollection(v: unknown): v is GeometryCollection {
  return estObjet(v) && v["type"] === "GeometryCollection" && Array.isArray(v["geometries"]);
}

/** Checks the outer shape we rely on; the arcs themselves are trusted (shipped file, tested). */
export function estTopologie(v: unknown): v is Topology {
  return estObjet(v) && v["type"] === "Topology" && Array.isArray(v["arcs"]) && estObjet(v["objects"]);
}

function couche(topo: Topology, nom: string): GeometryCollection {
  const objet = topo.objects[nom];
  if (!estCollection(objet)) throw new Error(`Couche « ${nom} » absente des frontières`);
  return objet;
}

export function arrondir(valeur: number, decimales = DECIMALES): number {
  const f = 10 ** decimales;
  return Math.round(valeur * f) / f;
}

/** Rounds a line and drops the points that rounding made identical to the previous one. */
export function arrondirLigne(ligne: Position[], decimales = DECIMALES): Position[] {
  const sortie: Position[] = [];
  for (const p of ligne) {
    const x = arrondir(p[0] ?? 0, decimales);
    const y = arrondir(p[1] ?? 0, decimales);
    const dernier = sortie[sortie.length - 1];
    if (dernier && dernier[0] === x && dernier[1] === y) continue;
    sortie.push([x, y]);
  }
  return sortie;
}

/** A ring needs 4 positions, a line 2: smaller ones are slivers that rounding collapsed. */
function anneaux(lignes: Position[][], minimum: number, decimales: number): Position[][] {
  return lignes.map((l) => arrondirLigne(l, decimales)).filter((l) => l.length >= minimum);
}

export function arrondirGeometrie(g: Geometry, decimales = DECIMALES): Geometry | null {
  switch (g.type) {
    case "Polygon": {
      const a = anneaux(g.coordinates, 4, decimales);
      return a.length > 0 ? { type: "Polygon", coordinates: a } : null;
    }
    case "MultiPolygon": {
      const polys = g.coordinates.map((p) => anneaux(p, 4, decimales)).filter((p) => p.length > 0);
      return polys.length > 0 ? { type: "MultiPolygon", coordinates: polys } : null;
    }
    case "LineString": {
      const l = arrondirLigne(g.coordinates, decimales);
      return l.length >= 2 ? { type: "LineString", coordinates: l } : null;
    }
    case "MultiLineString": {
      const l = anneaux(g.coordinates, 2, decimales);
      return l.length > 0 ? { type: "MultiLineString", coordinates: l } : null;
    }
    case "Point":
      return { type: "Point", coordinates: arrondirLigne([g.coordinates], decimales)[0] ?? [0, 0] };
    case "MultiPoint":
      return { type: "MultiPoint", coordinates: arrondirLigne(g.coordinates, decimales) };
    case "GeometryCollection": {
      const parts = g.geometries.map((x) => arrondirGeometrie(x, decimales)).filter((x) => x !== null);
      return parts.length > 0 ? { type: "GeometryCollection", geometries: parts } : null;
    }
  }
}

function texte(proprietes: unknown, cle: string): string | undefined {
  if (!estObjet(proprietes)) return undefined;
  const v = proprietes[cle];
  return typeof v === "string" ? v : undefined;
}

export function convertirFrontieres(topo: Topology, decimales = DECIMALES): FrontieresCarte {
  const features: Feature<Geometry, ProprietesFrontiere>[] = [];
  const departements = feature(topo, couche(topo, "departements"));
  for (const f of departements.features) {
    const geometrie = f.geometry ? arrondirGeometrie(f.geometry, decimales) : null;
    if (!geometrie) continue;
    const code = texte(f.properties, "code");
    const nom = texte(f.properties, "nom");
    features.push({
      type: "Feature",
      geometry: geometrie,
      properties: { couche: "departement", ...(code !== undefined && { code }), ...(nom !== undefined && { nom }) },
    });
  }
  // Interior borders only: the coast and region border are the départements' outline.
  const bordsEpci: MultiLineString = mesh(topo, couche(topo, "epci"), (a, b) => a !== b);
  const epci = arrondirGeometrie(bordsEpci, decimales);
  if (epci) features.push({ type: "Feature", geometry: epci, properties: { couche: "epci" } });
  return { type: "FeatureCollection", features };
}
