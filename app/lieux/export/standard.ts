import { stringify } from "csv-stringify/sync";
import { CHAMPS, type LigneStandard } from "../standard/champs";
import type { LieuStandard } from "../standard/lieu";
import { versLigneStandard } from "../standard/valider";

/**
 * The national pipeline reads files with the official library, whose address and commune patterns
 * are narrower than the standard (no quotes, no « », no dots in a commune name…). A character it
 * refuses would drop the whole place nationally, so those characters are removed on export.
 */
const HORS_VOIE = /[^0-9A-Za-zÀ-ÖØ-öø-ÿœ-ŸŒ\-,()°.&:+–|;'’/\s]/gu;
const HORS_COMMUNE = /[^A-Za-z\dÀ-ÖØ-öø-ÿœ-ŸŒ\-'’\s]/gu;

function nettoyer(valeur: string, interdits: RegExp): string {
  return valeur.replace(/["«»“”]/g, "").replace(interdits, " ").replace(/\s+/g, " ").trim();
}

function ligneExportable(lieu: LieuStandard): LigneStandard {
  const ligne = versLigneStandard(lieu);
  return { ...ligne, adresse: nettoyer(ligne.adresse, HORS_VOIE), commune: nettoyer(ligne.commune, HORS_COMMUNE) };
}

/** The standard CSV: 32 columns in the schema's order, `|` lists, UTF-8 without BOM, CRLF as RFC 4180. */
export function versCsvStandard(lieux: readonly LieuStandard[]): string {
  const lignes = lieux.map((l) => {
    const ligne = ligneExportable(l);
    return CHAMPS.map((c) => ligne[c]);
  });
  return stringify([[...CHAMPS], ...lignes], { record_delimiter: "\r\n" });
}

/** The standard as JSON: one flat object per place, the CSV's fields with coordinates as numbers. */
export function versJsonStandard(lieux: readonly LieuStandard[]): (Omit<LigneStandard, "latitude" | "longitude"> & { latitude: number | null; longitude: number | null })[] {
  return lieux.map((l) => ({ ...ligneExportable(l), latitude: l.latitude ?? null, longitude: l.longitude ?? null }));
}
