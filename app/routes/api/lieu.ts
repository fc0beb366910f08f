import { lireFicheLieu } from "~/lieux/recherche/fiche.server";
import { probleme, repondre, reponseJson } from "./reponses";
import type { Route } from "./+types/lieu";

/** GET /api/v1/lieux/<id>: a place in the standard's JSON with its provenance; merged-away ids redirect. */
export function loader({ request, context, params }: Pick<Route.LoaderArgs, "request" | "context" | "params">) {
  return repondre(async () => {
    const r = await lireFicheLieu(context.db, params.id);
    if (r.type === "introuvable") return probleme(404, `Aucun lieu n'a l'identifiant « ${params.id} ».`);
    if (r.type === "fusionne") {
      return new Response(null, { status: 301, headers: { Location: `/api/v1/lieux/${r.vers}`, "Cache-Control": "public, max-age=60" } });
    }
    return reponseJson(request, r.fiche);
  });
}
