import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { lireFrontieres } from "../frontieres.server";
import { arrondir, arrondirGeometrie, arrondirLigne, convertirFrontieres, estTopologie } from "./conversion";
import { estAJour, frontieresCarte } from "./frontieres-carte.server";

function topologie() {
  const topo: unknown = JSON.parse(lireFrontieres());
  if (!estTopologie(topo)) throw new Error("TopoJSON attendue");
  return topo;
}

/** Every coordinate of a GeoJSON value, wherever it is nested. */
function nombres(valeur: unknown): number[] {
  if (typeof valeur === "number") return [valeur];
  if (Array.isArray(valeur)) return valeur.flatMap(nombres);
  return [];
}

describe("frontières de la carte", () => {
  it("keeps the 4 départements as shapes and the EPCI borders as one mesh", () => {
    const geo = convertirFrontieres(topologie());
    const departements = geo.features.filter((f) => f.properties.couche === "departement");
    expect(departements.map((f) => f.properties.code).sort()).toEqual(["22", "29", "35", "56"]);
    expect(departements.map((f) => f.properties.nom)).toContain("Finistère");
    for (const d of departements) expect(["Polygon", "MultiPolygon"]).toContain(d.geometry.type);
    const epci = geo.features.filter((f) => f.properties.couche === "epci");
    expect(epci).toHaveLength(1);
    expect(epci[0]?.geometry.type).toBe("MultiLineString");
  });

  it("the mesh covers the borders of all 61 EPCI", () => {
    const topo = topologie();
    const objet = topo.objects["epci"];
    expect(objet?.type === "GeometryCollection" ? objet.geometries.length : 0).toBe(61);
    const geo = convertirFrontieres(topo);
    const mesh = geo.features.find((f) => f.properties.couche === "epci")?.geometry;
    // 61 areas sharing borders: at least one border line per EPCI.
    expect(mesh?.type === "MultiLineString" ? mesh.coordinates.length : 0).toBeGreaterThan(61);
  });

  it("rounds every coordinate to 5 decimals, inside Bretagne", () => {
    const geo = convertirFrontieres(topologie());
    const valeurs = geo.features.flatMap((f) => nombres("coordinates" in f.geometry ? f.geometry.coordinates : []));
    expect(valeurs.length).toBeGreaterThan(10_000);
    for (const v of valeurs) expect(Math.abs(v * 1e5 - Math.round(v * 1e5))).toBeLessThan(1e-6);
    const longitudes = valeurs.filter((_, i) => i % 2 === 0);
    expect(Math.min(...longitudes)).toBeGreaterThan(-5.2);
    expect(Math.max(...longitudes)).toBeLessThan(-1);
  });

  it("stays small: under 200 KB raw and 60 KB gzip (the TopoJSON is 600 KB)", () => {
    const { corps } = frontieresCarte();
    expect(corps.length).toBeLessThan(200_000);
    expect(gzipSync(corps).length).toBeLessThan(60_000);
  });

  it("is computed once per process, with a stable weak ETag", () => {
    const a = frontieresCarte();
    expect(frontieresCarte()).toBe(a);
    expect(a.etag).toMatch(/^W\/"[\w-]+"$/);
    expect(estAJour(a.etag, a.etag)).toBe(true);
    expect(estAJour(`"autre", ${a.etag.slice(2)}`, a.etag)).toBe(true);
    expect(estAJour('"autre"', a.etag)).toBe(false);
    expect(estAJour(null, a.etag)).toBe(false);
  });
});

describe("arrondi", () => {
  it("rounds and drops the points that became duplicates", () => {
    expect(arrondir(-4.4860412345)).toBe(-4.48604);
    expect(arrondirLigne([[1.000001, 2.000001], [1.000002, 2.000002], [1.5, 2.5]])).toEqual([[1, 2], [1.5, 2.5]]);
  });

  it("drops rings and lines that rounding collapsed", () => {
    const minuscule = [[0.000001, 0], [0.000002, 0], [0.000001, 0.000001], [0.000001, 0]];
    expect(arrondirGeometrie({ type: "Polygon", coordinates: [minuscule] })).toBeNull();
    const poly = arrondirGeometrie({ type: "MultiPolygon", coordinates: [[minuscule], [[[0, 0], [1, 0], [1, 1], [0, 0]]]] });
    expect(poly).toEqual({ type: "MultiPolygon", coordinates: [[[[0, 0], [1, 0], [1, 1], [0, 0]]]] });
    expect(arrondirGeometrie({ type: "LineString", coordinates: [[0, 0], [0.000001, 0]] })).toBeNull();
  });
});
