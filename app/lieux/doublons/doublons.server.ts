import { desc, eq, inArray } from "drizzle-orm";
import type { BaseDeDonnees } from "~/platform/db/connexion.server";
import { doublons, lieux, lieuxSources } from "../lieux.schema";

export interface LieuDePaire {
  id: string;
  nom: string;
  adresse: string;
  commune: string;
  sources: string[];
}

export interface PaireARevoir {
  score: number;
  signaux: Record<string, number | boolean | null>;
  a: LieuDePaire;
  b: LieuDePaire;
}

/** Pairs waiting for a person's decision, most likely first. */
export async function listerDoublons(db: BaseDeDonnees): Promise<PaireARevoir[]> {
  const paires = await db.select().from(doublons).where(eq(doublons.statut, "a_revoir")).orderBy(desc(doublons.score));
  const ids = [...new Set(paires.flatMap((p) => [p.lieu_a, p.lieu_b]))];
  if (ids.length === 0) return [];
  const fiches = await db
    .select({ id: lieux.id, nom: lieux.nom, adresse: lieux.adresse, commune: lieux.commune })
    .from(lieux)
    .where(inArray(lieux.id, ids));
  const sources = await db.select({ lieu: lieuxSources.lieu_id, source: lieuxSources.source }).from(lieuxSources).where(inArray(lieuxSources.lieu_id, ids));
  const parId = new Map(fiches.map((f) => [f.id, { ...f, sources: sources.filter((s) => s.lieu === f.id).map((s) => s.source) }]));
  return paires.flatMap((p) => {
    const a = parId.get(p.lieu_a);
    const b = parId.get(p.lieu_b);
    return a && b ? [{ score: p.score, signaux: p.signaux, a, b }] : [];
  });
}
