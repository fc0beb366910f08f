import type { Geometry, Position } from "geojson";

/**
 * Lon/lat to map units with an equirectangular projection scaled by cos(latitude): at Brittany's
 * size (≈ 300 km) the distortion is under 2 %, and the same numbers draw the SVG and the PDF.
 */

export interface Projection {
  largeur: number;
  hauteur: number;
  projeter(p: Position): [number, number];
}

export type Emprise = [minLon: number, minLat: number, maxLon: number, maxLat: number];

/** Polygon rings of a geometry (other kinds draw nothing on a choropleth). */
export function polygones(g: Geometry | null): Position[][][] {
  if (!g) return [];
  if (g.type === "Polygon") return [g.coordinates];
  if (g.type === "MultiPolygon") return g.coordinates;
  if (g.type === "GeometryCollection") return g.geometries.flatMap(polygones);
  return [];
}

export function emprise(geometries: readonly (Geometry | null)[]): Emprise | null {
  let e: Emprise | null = null;
  for (const poly of geometries.flatMap(polygones)) {
    for (const anneau of poly) {
      for (const [lon = 0, lat = 0] of anneau) {
        e = e ? [Math.min(e[0], lon), Math.min(e[1], lat), Math.max(e[2], lon), Math.max(e[3], lat)] : [lon, lat, lon, lat];
      }
    }
  }
  return e;
}

/** Fits the extent to a box `largeur` wide (height follows the shape), with a margin in map units. */
export function ajusterProjection(e: Emprise, largeur: number, marge = 4): Projection {
  const [minLon, minLat, maxLon, maxLat] = e;
  const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const etendueX = Math.max((maxLon - minLon) * k, 1e-9);
  const etendueY = Math.max(maxLat - minLat, 1e-9);
  const echelle = (largeur - 2 * marge) / etendueX;
  const hauteur = Math.ceil(etendueY * echelle + 2 * marge);
  return {
    largeur,
    hauteur,
    projeter: ([lon = 0, lat = 0]) => [marge + (lon - minLon) * k * echelle, marge + (maxLat - lat) * echelle],
  };
}

function arrondir(v: number, decimales: number): number {
  const f = 10 ** decimales;
  return Math.round(v * f) / f;
}

/** "12.5", "-3", never "-0": shortest text of a rounded number. */
function texte(v: number): string {
  return Object.is(v, -0) || v === 0 ? "0" : String(v);
}

/** Squared distance from p to the segment [a, b]. */
function distance2(p: [number, number], a: [number, number], b: [number, number]): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const l2 = dx * dx + dy * dy;
  const t = l2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / l2));
  const x = a[0] + t * dx - p[0];
  const y = a[1] + t * dy - p[1];
  return x * x + y * y;
}

/**
 * Douglas–Peucker on a ring, in map units: points closer than `tolerance` to the simplified line
 * are invisible at the map's size and only weigh on the page.
 */
export function simplifier(points: [number, number][], tolerance: number): [number, number][] {
  if (points.length <= 3 || tolerance <= 0) return points;
  const garder = new Uint8Array(points.length);
  garder[0] = 1;
  garder[points.length - 1] = 1;
  const pile: [number, number][] = [[0, points.length - 1]];
  const t2 = tolerance * tolerance;
  while (pile.length > 0) {
    const [debut, fin] = pile.pop() ?? [0, 0];
    const a = points[debut];
    const b = points[fin];
    if (!a || !b) continue;
    let max = -1;
    let indice = -1;
    for (let i = debut + 1; i < fin; i++) {
      const p = points[i];
      if (!p) continue;
      const d = distance2(p, a, b);
      if (d > max) {
        max = d;
        indice = i;
      }
    }
    if (indice > 0 && max > t2) {
      garder[indice] = 1;
      pile.push([debut, indice], [indice, fin]);
    }
  }
  return points.filter((_, i) => garder[i] === 1);
}

/**
 * The SVG path of polygons: an absolute start then relative steps between rounded points
 * ("M12 40l3-1 2 0z"), which is 2–3 times lighter than absolute coordinates. Points that rounding
 * made identical to the previous one are dropped, and so are rings that collapse below 3 points.
 */
export function cheminSvg(polys: readonly Position[][][], projection: Projection, decimales = 0, tolerance = 0): string {
  const morceaux: string[] = [];
  for (const poly of polys) {
    for (const anneau of poly) {
      const points: [number, number][] = [];
      for (const p of anneau) {
        const [x, y] = projection.projeter(p);
        const q: [number, number] = [arrondir(x, decimales), arrondir(y, decimales)];
        const dernier = points[points.length - 1];
        if (!dernier || dernier[0] !== q[0] || dernier[1] !== q[1]) points.push(q);
      }
      // The closing point repeats the first one: "z" closes the ring.
      const simples = simplifier(points, tolerance);
      const premier = simples[0];
      const fin = simples[simples.length - 1];
      if (simples.length > 1 && premier && fin && premier[0] === fin[0] && premier[1] === fin[1]) simples.pop();
      if (simples.length < 3 || !premier) continue;
      let d = `M${texte(premier[0])} ${texte(premier[1])}l`;
      for (let i = 1; i < simples.length; i++) {
        const a = simples[i - 1];
        const b = simples[i];
        if (!a || !b) continue;
        const dx = texte(arrondir(b[0] - a[0], decimales));
        const dy = texte(arrondir(b[1] - a[1], decimales));
        // A minus sign separates numbers by itself: "3-1" is 3 then -1.
        d += `${i > 1 && !dx.startsWith("-") ? " " : ""}${dx}${dy.startsWith("-") ? "" : " "}${dy}`;
      }
      morceaux.push(`${d}z`);
    }
  }
  return morceaux.join("");
}
