import { data, redirect, type AppLoadContext } from "react-router";
import { ErreurPasserelle } from "~/platform/erreurs";
import type { Comptes } from "./auth.server";
import { appartient } from "~/platform/listes";
import { ROLES_HUB, type RoleHub } from "./roles";

/** The signed-in person as loaders and actions see it. */
export interface SessionLue {
  utilisateur: { id: string; nom: string; courriel: string; role: RoleHub | null };
  session: { id: string; expireLe: Date };
}

export function comptesDe(context: AppLoadContext): Comptes {
  if (!context.comptes) throw new ErreurPasserelle("indisponible", "Les comptes ne sont pas disponibles sur ce serveur.");
  return context.comptes;
}

/** The session of the request's cookie, or null (no cookie, expired, revoked, account deleted). */
export async function sessionDe(request: Request, context: AppLoadContext): Promise<SessionLue | null> {
  const lue = await comptesDe(context).auth.api.getSession({ headers: request.headers });
  if (!lue) return null;
  const { user, session } = lue;
  const role = typeof user.role === "string" && appartient(ROLES_HUB, user.role) ? user.role : null;
  return { utilisateur: { id: user.id, nom: user.name, courriel: user.email, role }, session: { id: session.id, expireLe: session.expiresAt } };
}

/** For pages: the session, or a redirect to /connexion that comes back here afterwards. */
export async function exigerSession(request: Request, context: AppLoadContext): Promise<SessionLue> {
  const s = await sessionDe(request, context);
  if (s) return s;
  const url = new URL(request.url);
  throw redirect(`/connexion?retour=${encodeURIComponent(`${url.pathname}${url.search}`)}`);
}

/** For pages reserved to the hub's administrators: a 403 page for anyone else signed in. */
export async function exigerAdministrateur(request: Request, context: AppLoadContext): Promise<SessionLue> {
  const s = await exigerSession(request, context);
  if (s.utilisateur.role !== "administrateur") throw data("Cette page est réservée aux administrateurs du hub.", { status: 403 });
  return s;
}

/**
 * For `/api/v1`: the session, or `non_authentifie`, which the API's `repondre` turns into a 401
 * problem (JSON) — an API never redirects to a form.
 */
export async function exigerSessionApi(request: Request, context: AppLoadContext): Promise<SessionLue> {
  const s = await sessionDe(request, context);
  if (s) return s;
  throw new ErreurPasserelle("non_authentifie", "Connexion requise : envoyez le cookie de session de Passerelle.");
}
