import { rapportDiagnostic } from "~/diagnostic/diagnostic.server";
import { erreursParametres, z } from "~/platform/validation";
import { probleme, repondre, reponseJson } from "./reponses";
import type { Route } from "./+types/diagnostic";

const parametres = z.object({
  seuil_km: z.preprocess((v) => (v === null || v === "" ? undefined : v), z.coerce.number().min(1).max(100).optional()),
});

/**
 * GET /api/v1/territoires/<region|departement|epci|commune>/<code>/diagnostic[?seuil_km=N]:
 * the PORTREA diagnostic of a territory (needs, offer, gaps among its peers), as the page shows it.
 */
export function loader({ request, context, params }: Pick<Route.LoaderArgs, "request" | "context" | "params">) {
  return repondre(async () => {
    const lu = parametres.safeParse({ seuil_km: new URL(request.url).searchParams.get("seuil_km") });
    if (!lu.success) return probleme(400, "Paramètre invalide : seuil_km (distance en km, de 1 à 100).", erreursParametres(lu.error));
    const seuilKm = lu.data.seuil_km;
    const r = await rapportDiagnostic(context.db, context.referentiel, params.type, params.code, seuilKm === undefined ? {} : { seuilKm });
    return reponseJson(request, r);
  });
}
