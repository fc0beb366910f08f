import { sql } from "drizzle-orm";
import type { Route } from "./+types/healthz";

/** 200 when the database answers, 503 otherwise: for load balancers and monitoring. */
export async function loader({ context }: Route.LoaderArgs) {
  const debut = performance.now();
  try {
    await context.db.execute(sql`select 1`);
    return Response.json(
      { statut: "ok", base: context.moteur, latence_ms: Math.round((performance.now() - debut) * 10) / 10 },
      { headers: { "Cache-Control": "no-store" } },
    );
  } catch {
    return Response.json({ statut: "indisponible", base: context.moteur }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
