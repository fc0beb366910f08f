/**
 * Pure parts of the places map, shared by the component and its tests: the URL of the points,
 * reading the API's GeoJSON defensively, and where to look first.
 */

export interface Centre {
  latitude: number;
  longitude: number;
}

export interface PointLieu {
  id: string;
  nom: string;
  commune: string;
  longitude: number;
  latitude: number;
  /** Placed at the centre of its commune for want of an address position. */
  positionApprochee: boolean;
  surRendezVous: boolean;
}

/** [[ouest, sud], [est, nord]] */
export type Bornes = [[number, number], [number, number]];

export const BORNES_BRETAGNE: Bornes = [
  [-5.2, 47.25],
  [-1.0, 48.95],
];

/** Places used to frame the map around a centre: about the first page of the list, which is sorted by distance. */
export const PROCHES_CADRES = 20;

/**
 * `/api/v1/lieux.geojson` with the page's criteria. The list is paginated but the map shows every
 * match, so the page parameters are dropped (the list and the map show the same search).
 */
export function urlPoints(requete: string): string {
  const params = new URLSearchParams(requete.startsWith("?") ? requete.slice(1) : requete);
  params.delete("page");
  params.delete("par_page");
  const texte = params.toString();
  return `/api/v1/lieux.geojson${texte === "" ? "" : `?${texte}`}`;
}

function estObjet(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function lirePoint(f: unknown): PointLieu | null {
  if (!estObjet(f) || !estObjet(f["geometry"]) || !estObjet(f["properties"])) return null;
  const g = f["geometry"];
  const p = f["properties"];
  const coordonnees = g["coordinates"];
  if (g["type"] !== "Point" || !Array.isArray(coordonnees)) return null;
  const [longitude, latitude]: unknown[] = coordonnees;
  if (typeof longitude !== "number" || typeof latitude !== "number" || !Number.isFinite(longitude) || !Number.isFinite(latitude)) return null;
  return pointDepuisProprietes(p, longitude, latitude);
}

/** The usable points of a FeatureCollection; anything malformed is skipped rather than breaking the map. */
export function lirePoints(donnees: unknown): PointLieu[] {
  if (!estObjet(donnees) || !Array.isArray(donnees["features"])) throw new Error("Réponse GeoJSON inattendue");
  const points: PointLieu[] = [];
  for (const f of donnees["features"]) {
    const p = lirePoint(f);
    if (p) points.push(p);
  }
  return points;
}

/** The points back as GeoJSON for the clustered source, with the properties the markers need. */
export function versGeoJson(points: readonly PointLieu[]) {
  return {
    type: "FeatureCollection" as const,
    features: points.map((p) => ({
      type: "Feature" as const,
      geometry: { type: "Point" as const, coordinates: [p.longitude, p.latitude] },
      properties: { id: p.id, nom: p.nom, commune: p.commune, position_approchee: p.positionApprochee, sur_rendez_vous: p.surRendezVous },
    })),
  };
}

/** Squared distance in a local plane: enough to rank places around one point. */
function ecart(p: PointLieu, c: Centre): number {
  const dx = (p.longitude - c.longitude) * Math.cos((c.latitude * Math.PI) / 180);
  const dy = p.latitude - c.latitude;
  return dx * dx + dy * dy;
}

function bornesDe(positions: readonly [number, number][]): Bornes | null {
  const [premiere, ...autres] = positions;
  if (!premiere) return null;
  let [ouest, sud] = premiere;
  let [est, nord] = premiere;
  for (const [x, y] of autres) {
    ouest = Math.min(ouest, x);
    est = Math.max(est, x);
    sud = Math.min(sud, y);
    nord = Math.max(nord, y);
  }
  return [
    [ouest, sud],
    [est, nord],
  ];
}

/**
 * What the map shows first: around a centre, the centre and its nearest places (the whole region
 * would hide them); without one, all the places; with nothing, Bretagne.
 */
export function cadrage(points: readonly PointLieu[], centre: Centre | undefined): Bornes {
  const choisis = centre ? [...points].sort((a, b) => ecart(a, centre) - ecart(b, centre)).slice(0, PROCHES_CADRES) : points;
  const positions: [number, number][] = choisis.map((p) => [p.longitude, p.latitude]);
  if (centre) positions.push([centre.longitude, centre.latitude]);
  return bornesDe(positions) ?? BORNES_BRETAGNE;
}

/** Size class of a cluster marker, so that bigger groups look bigger without any text rendering on the canvas. */
export function tailleGroupe(nombre: number): "petit" | "moyen" | "grand" {
  if (nombre < 10) return "petit";
  if (nombre < 50) return "moyen";
  return "grand";
}

export function libelleGroupe(nombre: number): string {
  return `Groupe de ${nombre} lieux : zoomer sur ce groupe`;
}

export function libellePoint(p: Pick<PointLieu, "nom" | "commune" | "positionApprochee">): string {
  const ou = p.commune !== "" ? `, ${p.commune}` : "";
  return `${p.nom}${ou}${p.positionApprochee ? " (position approximative)" : ""}`;
}

/** Reads a feature's properties as returned by `querySourceFeatures` (values may come back as strings). */
export function pointDepuisProprietes(proprietes: Record<string, unknown>, longitude: number, latitude: number): PointLieu | null {
  const id = proprietes["id"];
  const nom = proprietes["nom"];
  if ((typeof id !== "string" && typeof id !== "number") || typeof nom !== "string") return null;
  const vrai = (v: unknown) => v === true || v === "true";
  const commune = proprietes["commune"];
  return {
    id: String(id),
    nom,
    commune: typeof commune === "string" ? commune : "",
    longitude,
    latitude,
    positionApprochee: vrai(proprietes["position_approchee"]),
    surRendezVous: vrai(proprietes["sur_rendez_vous"]),
  };
}
