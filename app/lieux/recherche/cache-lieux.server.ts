import { inArray } from "drizzle-orm";
import type { BaseDeDonnees } from "~/platform/db/connexion.server";
import { lieux } from "../lieux.schema";
import { versLieuStandard } from "../lignes";
import { estSurRendezVous } from "./filtres";
import { COLONNES_LISTE } from "./requete.server";
import type { LieuTrouve } from "./resultat";

/** A place as every search shows it, before what depends on the search (distance, open now). */
export type LieuListe = Omit<LieuTrouve, "distance_km" | "ouvert_maintenant">;

/**
 * Places already turned into list items, by id and VERSION. A search first selects the matching
 * ids with their `version` (narrow, fast), then takes from here the rows whose version is still
 * the stored one and reads only the others: never stale, since every write bumps `version`
 * (importer, fusion). Reading and converting 20 full rows is most of a search's cost on PGlite.
 * Bounded; the oldest entries leave first. Entries are shared: callers must not mutate them.
 */
const CACHE = new Map<string, { version: number; lieu: LieuListe }>();
const TAILLE_MAX = 30_000;

export async function lieuxParIds(db: BaseDeDonnees, demandes: readonly { id: string; version: number }[]): Promise<Map<string, LieuListe>> {
  const trouves = new Map<string, LieuListe>();
  const manquants: string[] = [];
  for (const d of demandes) {
    const connu = CACHE.get(d.id);
    if (connu && connu.version === d.version) trouves.set(d.id, connu.lieu);
    else manquants.push(d.id);
  }
  if (manquants.length === 0) return trouves;
  const lignes = await db.select(COLONNES_LISTE).from(lieux).where(inArray(lieux.id, manquants));
  for (const ligne of lignes) {
    const lieu: LieuListe = {
      ...versLieuStandard({ ...ligne, provenance: {} }),
      id: ligne.id,
      position_approchee: ligne.position_approchee,
      sur_rendez_vous: estSurRendezVous(ligne.modalites_acces),
    };
    trouves.set(ligne.id, lieu);
    if (CACHE.size >= TAILLE_MAX) {
      const plusAncien = CACHE.keys().next();
      if (!plusAncien.done) CACHE.delete(plusAncien.value);
    }
    CACHE.set(ligne.id, { version: ligne.version, lieu });
  }
  return trouves;
}
