import type { Comptes } from "./auth.server";
import { ENTETE_IP } from "./auth.server";

/**
 * Our pages' actions call better-auth through its HTTP handler, as a browser would, so that its
 * rate limits and origin checks apply to forms posted without JavaScript too. The incoming
 * request's cookies, origin, fetch metadata, user agent and client address go along.
 */
const ENTETES_TRANSMISES = ["cookie", "origin", "referer", "user-agent", "sec-fetch-site", "sec-fetch-mode", "sec-fetch-dest", ENTETE_IP];

export async function appelerAuth(
  comptes: Comptes,
  entrante: Request,
  chemin: string,
  { corps, query }: { corps?: Record<string, unknown>; query?: Record<string, string> } = {},
): Promise<Response> {
  const url = new URL(`/api/auth${chemin}`, comptes.urlPublique);
  for (const [cle, valeur] of Object.entries(query ?? {})) url.searchParams.set(cle, valeur);
  const entetes = new Headers();
  for (const nom of ENTETES_TRANSMISES) {
    const valeur = entrante.headers.get(nom);
    if (valeur !== null) entetes.set(nom, valeur);
  }
  if (corps === undefined) return comptes.auth.handler(new Request(url, { method: "GET", headers: entetes }));
  entetes.set("content-type", "application/json");
  return comptes.auth.handler(new Request(url, { method: "POST", headers: entetes, body: JSON.stringify(corps) }));
}

/** The cookies better-auth set or cleared, to pass on with our own redirect. */
export function cookiesDe(reponse: Response): Headers {
  const entetes = new Headers();
  for (const c of reponse.headers.getSetCookie()) entetes.append("Set-Cookie", c);
  return entetes;
}

/** better-auth's error code in a JSON answer (`{ code, message }`), or undefined. */
export async function codeErreur(reponse: Response): Promise<string | undefined> {
  const corps: unknown = await reponse.json().catch(() => undefined);
  return typeof corps === "object" && corps !== null && "code" in corps && typeof corps.code === "string" ? corps.code : undefined;
}
