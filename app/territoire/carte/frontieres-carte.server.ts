import { createHash } from "node:crypto";
import { cheminFrontieres, lireFrontieres } from "../frontieres.server";
import { convertirFrontieres, estTopologie } from "./conversion";

export interface FrontieresServies {
  /** The GeoJSON text (départements + EPCI borders), ready to send. */
  corps: string;
  /** Weak: the compression middleware may re-encode the body, the content stays the same. */
  etag: string;
}

const cache = new Map<string, FrontieresServies>();

/** The map's base layer, converted once per process (about 40 ms) and kept in memory (~150 KB). */
export function frontieresCarte(dossier?: string): FrontieresServies {
  const chemin = cheminFrontieres(dossier);
  const existant = cache.get(chemin);
  if (existant) return existant;
  const topo: unknown = JSON.parse(lireFrontieres(dossier));
  if (!estTopologie(topo)) throw new Error(`${chemin} n'est pas une TopoJSON`);
  const corps = JSON.stringify(convertirFrontieres(topo));
  const etag = `W/"${createHash("sha256").update(corps).digest("base64url").slice(0, 27)}"`;
  const resultat = { corps, etag };
  cache.set(chemin, resultat);
  return resultat;
}

/** True when the client's `If-None-Match` already names this version. */
export function estAJour(ifNoneMatch: string | null, etag: string): boolean {
  if (ifNoneMatch === null) return false;
  const sansFaible = (t: string) => t.trim().replace(/^W\//, "");
  return ifNoneMatch.split(",").some((t) => t.trim() === "*" || sansFaible(t) === sansFaible(etag));
}
