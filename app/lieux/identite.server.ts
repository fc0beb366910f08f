import { inArray } from "drizzle-orm";
import type { BaseDeDonnees } from "~/platform/db/connexion.server";
import type { LigneLieu } from "./lignes";
import { lieux } from "./lieux.schema";

/** Merges can chain (A → B → C); a cycle would be a data error, so the walk is bounded. */
const SAUTS_MAX = 10;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The live place behind each requested id, following merges (decision 004: a merged-away id
 * keeps pointing to the place that absorbed it). Keys are the requested ids; unknown or malformed
 * ids are absent (a malformed one never reaches the uuid column, where PostgreSQL would refuse it).
 * One query per hop for all ids together.
 */
export async function lieuxActuels(db: BaseDeDonnees, ids: readonly string[]): Promise<Map<string, LigneLieu>> {
  const trouves = new Map<string, LigneLieu>();
  let aChercher = new Map(ids.filter((id) => UUID.test(id)).map((id) => [id.toLowerCase(), id]));
  for (let saut = 0; saut <= SAUTS_MAX && aChercher.size > 0; saut++) {
    const lignes = await db
      .select()
      .from(lieux)
      .where(inArray(lieux.id, [...aChercher.keys()]));
    const suivants = new Map<string, string>();
    for (const ligne of lignes) {
      const demande = aChercher.get(ligne.id);
      if (demande === undefined) continue;
      if (ligne.fusionne_dans) suivants.set(ligne.fusionne_dans, demande);
      else trouves.set(demande, ligne);
    }
    aChercher = suivants;
  }
  return trouves;
}
