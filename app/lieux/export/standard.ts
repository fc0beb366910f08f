import { stringify } from "csv-stringify/sync";
import { CHAMPS, type LigneStandard } from "../standard/champs";
import type { LieuStandard } from "../standard/lieu";
import { versLigneStandard } from "../standard/valider";

/** The standard CSV: 32 columns in the schema's order, `|` lists, UTF-8 without BOM, CRLF as RFC 4180. */
export function versCsvStandard(lieux: readonly LieuStandard[]): string {
  const lignes = lieux.map((l) => {
    const ligne = versLigneStandard(l);
    return CHAMPS.map((c) => ligne[c]);
  });
  return stringify([[...CHAMPS], ...lignes], { record_delimiter: "\r\n" });
}

/** The standard as JSON: one flat object per place, the CSV's fields with coordinates as numbers. */
export function versJsonStandard(lieux: readonly LieuStandard[]): (Omit<LigneStandard, "latitude" | "longitude"> & { latitude: number | null; longitude: number | null })[] {
  return lieux.map((l) => ({ ...versLigneStandard(l), latitude: l.latitude ?? null, longitude: l.longitude ?? null }));
}
