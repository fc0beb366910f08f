import type { Geometry } from "geojson";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import { estTopologie } from "~/territoire/carte/conversion";
import { cheminFrontieres, lireFrontieres } from "~/territoire/frontieres.server";

/**
 * The shipped boundaries (simplified TopoJSON) as GeoJSON geometries by code, read once per
 * process: the communes and EPCI layers the diagnostic maps and the GeoJSON export draw.
 */

export type CoucheDiagnostic = "communes" | "epci" | "departements";

export interface Forme {
  code: string;
  nom: string;
  geometrie: Geometry;
}

const cache = new Map<string, Map<CoucheDiagnostic, Map<string, Forme>>>();

function estCollection(v: unknown): v is GeometryCollection {
  return typeof v === "object" && v !== null && "type" in v && v.type === "GeometryCollection" && "geometries" in v && Array.isArray(v.geometries);
}

function texte(proprietes: unknown, cle: string): string | undefined {
  if (typeof proprietes !== "object" || proprietes === null) return undefined;
  const v: unknown = Reflect.get(proprietes, cle);
  return typeof v === "string" ? v : undefined;
}

function lireCouche(topo: Topology, nom: CoucheDiagnostic): Map<string, Forme> {
  const objet = topo.objects[nom];
  if (!estCollection(objet)) throw new Error(`Couche « ${nom} » absente des frontières`);
  const formes = new Map<string, Forme>();
  for (const f of feature(topo, objet).features) {
    const code = texte(f.properties, "code");
    if (code === undefined || !f.geometry) continue;
    formes.set(code, { code, nom: texte(f.properties, "nom") ?? code, geometrie: f.geometry });
  }
  return formes;
}

function couches(dossier?: string): Map<CoucheDiagnostic, Map<string, Forme>> {
  const chemin = cheminFrontieres(dossier);
  const existant = cache.get(chemin);
  if (existant) return existant;
  const topo: unknown = JSON.parse(lireFrontieres(dossier));
  if (!estTopologie(topo)) throw new Error(`${chemin} n'est pas une TopoJSON`);
  const lues = new Map<CoucheDiagnostic, Map<string, Forme>>([
    ["communes", lireCouche(topo, "communes")],
    ["epci", lireCouche(topo, "epci")],
    ["departements", lireCouche(topo, "departements")],
  ]);
  cache.set(chemin, lues);
  return lues;
}

/** The shapes of these codes in a layer, in the order asked; codes without a shape are skipped. */
export function formes(couche: CoucheDiagnostic, codes: readonly string[], dossier?: string): Forme[] {
  const c = couches(dossier).get(couche);
  return codes.flatMap((code) => {
    const f = c?.get(code);
    return f ? [f] : [];
  });
}

/** Commune geometries by code, for the GeoJSON export. */
export function geometriesCommunes(codes: readonly string[], dossier?: string): Map<string, Geometry> {
  return new Map(formes("communes", codes, dossier).map((f) => [f.code, f.geometrie]));
}
