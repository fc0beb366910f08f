import { Router, type Request as RequeteExpress, type Response as ReponseExpress } from "express";
import type { AppLoadContext } from "react-router";
import { loader as diagnostic } from "./diagnostic";
import { loader as lieu } from "./lieu";
import { loader as lieux } from "./lieux";
import { loader as lieuxCsv } from "./lieux-csv";
import { loader as lieuxGeojson } from "./lieux-geojson";
import { loader as openapi } from "./openapi";

/**
 * `/api/v1` served by Express straight into the SAME loaders as the React Router routes (which stay
 * the single implementation and keep serving `npm run dev` and the tests): React Router's routing,
 * data strategy and response streaming cost more than the search itself (decision 005).
 */
type Appel = { request: Request; context: AppLoadContext; params: Record<string, string> };

function servir(executer: (appel: Appel) => Promise<Response> | Response, contexte: AppLoadContext) {
  return async (req: RequeteExpress, res: ReponseExpress): Promise<void> => {
    const entetes = new Headers();
    const inm = req.get("If-None-Match");
    if (inm !== undefined) entetes.set("If-None-Match", inm);
    const request = new Request(`${req.protocol}://${req.get("host") ?? "localhost"}${req.originalUrl}`, { headers: entetes });
    const params: Record<string, string> = {};
    for (const [cle, valeur] of Object.entries(req.params)) if (typeof valeur === "string") params[cle] = valeur;
    const reponse = await executer({ request, context: contexte, params });
    res.status(reponse.status);
    reponse.headers.forEach((valeur, cle) => res.setHeader(cle, valeur));
    res.end(reponse.body === null ? undefined : Buffer.from(await reponse.arrayBuffer()));
  };
}

export function routeurApi(contexte: AppLoadContext): Router {
  const routeur = Router({ strict: true });
  routeur.get("/lieux", servir(lieux, contexte));
  routeur.get("/lieux.csv", servir(lieuxCsv, contexte));
  routeur.get("/lieux.geojson", servir(lieuxGeojson, contexte));
  routeur.get("/openapi.json", servir(openapi, contexte));
  routeur.get("/lieux/:id", servir((a) => lieu({ ...a, params: { id: a.params.id ?? "" } }), contexte));
  routeur.get("/territoires/:type/:code/diagnostic", servir((a) => diagnostic({ ...a, params: { type: a.params.type ?? "", code: a.params.code ?? "" } }), contexte));
  return routeur;
}
