import { readFileSync } from "node:fs";
import path from "node:path";
import { dossierReference } from "./dossier.server";

/** Layers `communes` (1,202), `epci` (61), `departements` (4); see reference-data/geo/README.md. */
export const FICHIER_FRONTIERES = "bretagne-2026-simplifie.topojson";

/** Absolute path of the simplified TopoJSON, under `<reference-data>/geo/`. */
export function cheminFrontieres(dossier?: string): string {
  return path.join(dossierReference(dossier), "geo", FICHIER_FRONTIERES);
}

const cache = new Map<string, string>();

/**
 * The TopoJSON text, to be served as is to the map (0.6 MB): it is neither parsed nor
 * validated here, the browser does that. Read once per path.
 */
export function lireFrontieres(dossier?: string): string {
  const chemin = cheminFrontieres(dossier);
  const existant = cache.get(chemin);
  if (existant !== undefined) return existant;
  const texte = readFileSync(chemin, "utf8");
  cache.set(chemin, texte);
  return texte;
}
