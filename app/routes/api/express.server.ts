import { Router, type Request as RequeteExpress, type Response as ReponseExpress } from "express";
import type { AppLoadContext } from "react-router";
import { loader as diagnostic } from "./diagnostic";
import { action as modifierLieu, loader as lieu } from "./lieu";
import { loader as lieux } from "./lieux";
import { loader as lieuxCsv } from "./lieux-csv";
import { loader as lieuxGeojson } from "./lieux-geojson";
import { loader as openapi } from "./openapi";
import { loader as orientations } from "./orientations";
import { action as envoyerOrientation } from "./orientations-creer";
import { loader as orientation } from "./orientation";
import { action as transitionOrientation } from "./orientation-transitions";
import { action as creerRemontee, loader as remontees } from "./remontees";
import { servirSignalement } from "./signalements-express.server";

/**
 * `/api/v1` served by Express straight into the SAME loaders as the React Router routes (which stay
 * the single implementation and keep serving `npm run dev` and the tests): React Router's routing,
 * data strategy and response streaming cost more than the search itself (decision 005).
 */
type Appel = { request: Request; context: AppLoadContext; params: Record<string, string> };

function servir(executer: (appel: Appel) => Promise<Response> | Response, contexte: AppLoadContext, transmis: readonly string[] = ["If-None-Match"]) {
  return async (req: RequeteExpress, res: ReponseExpress): Promise<void> => {
    const entetes = new Headers();
    for (const nom of transmis) {
      const v = req.get(nom);
      if (v !== undefined) entetes.set(nom, v);
    }
    const request = new Request(`${req.protocol}://${req.get("host") ?? "localhost"}${req.originalUrl}`, { headers: entetes });
    const params: Record<string, string> = {};
    for (const [cle, valeur] of Object.entries(req.params)) if (typeof valeur === "string") params[cle] = valeur;
    await envoyer(res, await executer({ request, context: contexte, params }));
  };
}

/** For GETs behind a session (referrals, field feedback): the cookie goes through too. */
function servirAvecSession(executer: (appel: Appel) => Promise<Response> | Response, contexte: AppLoadContext) {
  return servir(executer, contexte, ["If-None-Match", "Cookie"]);
}

/** Headers a write needs (the session, the version, the body's type); GETs keep the lean path above. */
const ENTETES_ECRITURE = ["Cookie", "If-Match", "Content-Type"] as const;
const CORPS_MAX = 100_000;

/** For PATCH: forwards the method, the body (at most CORPS_MAX bytes) and ENTETES_ECRITURE. */
function servirEcriture(executer: (appel: Appel) => Promise<Response> | Response, contexte: AppLoadContext) {
  return async (req: RequeteExpress, res: ReponseExpress): Promise<void> => {
    const entetes = new Headers();
    for (const nom of ENTETES_ECRITURE) {
      const v = req.get(nom);
      if (v !== undefined) entetes.set(nom, v);
    }
    const morceaux: Buffer[] = [];
    let taille = 0;
    for await (const morceau of req) {
      const b = Buffer.isBuffer(morceau) ? morceau : Buffer.from(String(morceau));
      taille += b.length;
      if (taille > CORPS_MAX) {
        res.status(413).type("application/problem+json").send(JSON.stringify({ type: "about:blank", title: "Corps trop gros", status: 413, detail: `Corps limité à ${CORPS_MAX} octets.` }));
        return;
      }
      morceaux.push(b);
    }
    const request = new Request(`${req.protocol}://${req.get("host") ?? "localhost"}${req.originalUrl}`, { method: req.method, headers: entetes, body: Buffer.concat(morceaux) });
    const params: Record<string, string> = {};
    for (const [cle, valeur] of Object.entries(req.params)) if (typeof valeur === "string") params[cle] = valeur;
    await envoyer(res, await executer({ request, context: contexte, params }));
  };
}

async function envoyer(res: ReponseExpress, reponse: Response): Promise<void> {
  res.status(reponse.status);
  reponse.headers.forEach((valeur, cle) => res.setHeader(cle, valeur));
  res.end(reponse.body === null ? undefined : Buffer.from(await reponse.arrayBuffer()));
}

export function routeurApi(contexte: AppLoadContext): Router {
  const routeur = Router({ strict: true });
  routeur.get("/lieux", servir(lieux, contexte));
  routeur.get("/lieux.csv", servir(lieuxCsv, contexte));
  routeur.get("/lieux.geojson", servir(lieuxGeojson, contexte));
  routeur.get("/openapi.json", servir(openapi, contexte));
  routeur.get("/lieux/:id", servir((a) => lieu({ ...a, params: { id: a.params.id ?? "" } }), contexte));
  routeur.patch("/lieux/:id", servirEcriture((a) => modifierLieu({ ...a, params: { id: a.params.id ?? "" } }), contexte));
  routeur.get("/territoires/:type/:code/diagnostic", servir((a) => diagnostic({ ...a, params: { type: a.params.type ?? "", code: a.params.code ?? "" } }), contexte));
  routeur.post("/lieux/:id/signalements", servirSignalement(contexte));
  routeur.get("/orientations", servirAvecSession(orientations, contexte));
  routeur.post("/orientations", servirEcriture(envoyerOrientation, contexte));
  routeur.get("/orientations/:id", servirAvecSession((a) => orientation({ ...a, params: { id: a.params.id ?? "" } }), contexte));
  routeur.post("/orientations/:id/transitions", servirEcriture((a) => transitionOrientation({ ...a, params: { id: a.params.id ?? "" } }), contexte));
  routeur.get("/remontees", servirAvecSession(remontees, contexte));
  routeur.post("/remontees", servirEcriture(creerRemontee, contexte));
  return routeur;
}
