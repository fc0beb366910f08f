import { toNodeHandler } from "better-auth/node";
import type { Express } from "express";
import { ENTETE_IP, type Comptes } from "./auth.server";

/**
 * Mounts better-auth's endpoints on `/api/auth/*` (OIDC callback, magic-link verification…),
 * before React Router. Every request first gets the client's address in our own header from
 * `req.ip` (which follows `trust proxy`), replacing any value the client sent.
 */
export function monterComptes(app: Express, comptes: Comptes): void {
  app.use((req, _res, next) => {
    if (req.ip) req.headers[ENTETE_IP] = req.ip;
    else delete req.headers[ENTETE_IP];
    next();
  });
  app.all("/api/auth/{*chemin}", toNodeHandler(comptes.auth));
}
