import type { Request as RequeteExpress, Response as ReponseExpress } from "express";
import type { AppLoadContext } from "react-router";
import { ENTETE_IP } from "~/comptes/auth.server";
import { action } from "./signalements";

const CORPS_MAX = 32 * 1024;

/**
 * Express → the route's `action`, with what a POST needs: the JSON body (capped), its type, and the
 * client's address put by monterComptes for the rate limit. No cookie: the API needs no account.
 */
export function servirSignalement(contexte: AppLoadContext) {
  return async (req: RequeteExpress, res: ReponseExpress): Promise<void> => {
    const morceaux: Buffer[] = [];
    let taille = 0;
    for await (const m of req) {
      const b = Buffer.isBuffer(m) ? m : Buffer.from(String(m));
      taille += b.length;
      if (taille > CORPS_MAX) {
        res.status(413).type("application/problem+json").send(JSON.stringify({ type: "about:blank", title: "Corps trop volumineux", status: 413, detail: "Le corps de la requête dépasse 32 Kio." }));
        return;
      }
      morceaux.push(b);
    }
    const entetes = new Headers({ "content-type": req.get("content-type") ?? "application/json" });
    const ip = req.get(ENTETE_IP);
    if (ip !== undefined) entetes.set(ENTETE_IP, ip);
    const request = new Request(`${req.protocol}://${req.get("host") ?? "localhost"}${req.originalUrl}`, { method: "POST", headers: entetes, body: Buffer.concat(morceaux) });
    const reponse = await action({ request, context: contexte, params: { id: typeof req.params.id === "string" ? req.params.id : "" } });
    res.status(reponse.status);
    reponse.headers.forEach((valeur, cle) => res.setHeader(cle, valeur));
    res.end(reponse.body === null ? undefined : Buffer.from(await reponse.arrayBuffer()));
  };
}
