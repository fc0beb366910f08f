import { and, gte, lte } from "drizzle-orm";
import { lieux } from "~/lieux/lieux.schema";
import type { BaseDeDonnees } from "~/platform/db/connexion.server";
import { bornesUuid, codeCourt, LONGUEUR_CODE, LONGUEUR_CODE_LONG, normaliserCode } from "./code-court";

export type ResolutionCode = { statut: "trouve"; id: string } | { statut: "inconnu" } | { statut: "ambigu" };

/** The ids starting with these hex digits (at most `limite`). Merged-away places count: their UUID still redirects. */
async function idsCommencantPar(db: BaseDeDonnees, prefixeHex: string, limite: number): Promise<string[]> {
  const [bas, haut] = bornesUuid(prefixeHex);
  const lignes = await db
    .select({ id: lieux.id })
    .from(lieux)
    .where(and(gte(lieux.id, bas), lte(lieux.id, haut)))
    .limit(limite);
  return lignes.map((l) => l.id);
}

/** A short code back to its place; an unknown or ambiguous code finds nothing (never a wrong place). */
export async function resoudreCodeCourt(db: BaseDeDonnees, saisi: string): Promise<ResolutionCode> {
  const hex = normaliserCode(saisi);
  if (hex === undefined) return { statut: "inconnu" };
  const ids = await idsCommencantPar(db, hex, 2);
  const [id] = ids;
  if (id === undefined) return { statut: "inconnu" };
  return ids.length > 1 ? { statut: "ambigu" } : { statut: "trouve", id };
}

/** The code to print for a place: 8 digits, or 12 in the rare case another place shares the first 8. */
export async function codePourLieu(db: BaseDeDonnees, id: string): Promise<string> {
  const ids = await idsCommencantPar(db, id.replace(/-/g, "").slice(0, LONGUEUR_CODE), 2);
  return codeCourt(id, ids.length > 1 ? LONGUEUR_CODE_LONG : LONGUEUR_CODE);
}
