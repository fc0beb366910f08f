import type { Config } from "~/platform/config.server";

/** better-auth's session cookie as configured in auth.server.ts (`__Secure-` prefixed on https). */
export function nomCookieSession(urlPublique: string): string {
  return `${urlPublique.startsWith("https://") ? "__Secure-" : ""}passerelle.session_token`;
}

/**
 * Whether the request carries a session cookie, without reading the database: enough for the
 * header's "Mon compte" link on every page (a stale cookie leads to /compte, which asks to sign in).
 */
export function porteCookieSession(request: Request, config: Pick<Config, "urlPublique">): boolean {
  const nom = nomCookieSession(config.urlPublique);
  return (request.headers.get("cookie") ?? "").split(";").some((c) => c.trim().startsWith(`${nom}=`));
}
