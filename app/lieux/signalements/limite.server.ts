import { createHmac } from "node:crypto";
import { and, lt, ne, sql } from "drizzle-orm";
import type { BaseDeDonnees } from "~/platform/db/connexion.server";
import { limitesSignalements } from "./signalements.schema";

/** 5 reports per 10 minutes per client address (decision 009). */
export const LIMITE_SIGNALEMENTS = { nombre: 5, secondes: 600 };

export type DecisionLimite = { autorise: true } | { autorise: false; reessayerDans: number };

/** The row's key: an HMAC of the address, so the table holds no address. */
export function cleClient(secret: string, adresse: string): string {
  return createHmac("sha256", secret).update(`signalement:${adresse}`).digest("base64url");
}

/**
 * Counts one attempt of `cle` in a fixed window, atomically (one upsert: concurrent requests of the
 * same client, in any process, each get their own count). Over the limit: the seconds to wait.
 */
export async function compterEssai(db: BaseDeDonnees, cle: string, limite = LIMITE_SIGNALEMENTS): Promise<DecisionLimite> {
  const fenetre = sql`(${limite.secondes}::int * interval '1 second')`;
  const expiree = sql`${limitesSignalements.debut} <= now() - ${fenetre}`;
  const [ligne] = await db
    .insert(limitesSignalements)
    .values({ cle })
    .onConflictDoUpdate({
      target: limitesSignalements.cle,
      set: {
        debut: sql`CASE WHEN ${expiree} THEN now() ELSE ${limitesSignalements.debut} END`,
        nombre: sql`CASE WHEN ${expiree} THEN 1 ELSE ${limitesSignalements.nombre} + 1 END`,
      },
    })
    .returning({ nombre: limitesSignalements.nombre, reste: sql<string>`ceil(extract(epoch from ${limitesSignalements.debut} + ${fenetre} - now()))` });
  // Windows of other clients that ended are dropped here: the table stays as small as the traffic.
  await db.delete(limitesSignalements).where(and(lt(limitesSignalements.debut, sql`now() - ${fenetre}`), ne(limitesSignalements.cle, cle)));
  if (!ligne || ligne.nombre <= limite.nombre) return { autorise: true };
  return { autorise: false, reessayerDans: Math.max(1, Number(ligne.reste)) };
}
