/**
 * Cross-site request forgery (decision 008): every unsafe request must come from Passerelle's own
 * pages. Browsers say where a request comes from (Sec-Fetch-Site, else Origin); a request that says
 * nothing is refused only when it carries a session cookie, so scripts and `curl` without cookies
 * keep working. SameSite=Lax cookies remain the second layer.
 */

const METHODES_SURES = new Set(["GET", "HEAD", "OPTIONS", "TRACE"]);

export interface RequeteCsrf {
  methode: string;
  /** The Sec-Fetch-Site header, if any. */
  secFetchSite: string | undefined;
  /** The Origin header, if any. */
  origine: string | undefined;
  /** `protocol://host` of the request as the server received it (behind a trusted proxy: as the proxy saw it). */
  origineRequete: string;
  /** The configured public origin (PASSERELLE_URL_PUBLIQUE). */
  originePublique: string;
  porteCookieSession: boolean;
}

export type DecisionCsrf = { acceptee: true } | { acceptee: false; raison: string };

export function decisionCsrf(r: RequeteCsrf): DecisionCsrf {
  if (METHODES_SURES.has(r.methode.toUpperCase())) return { acceptee: true };
  if (r.secFetchSite !== undefined) {
    // `none`: typed in the address bar or a bookmark; `same-site` (a sibling subdomain) is not us.
    if (r.secFetchSite === "same-origin" || r.secFetchSite === "none") return { acceptee: true };
    return { acceptee: false, raison: `Sec-Fetch-Site: ${r.secFetchSite}` };
  }
  if (r.origine !== undefined) {
    if (r.origine === r.originePublique || r.origine === r.origineRequete) return { acceptee: true };
    return { acceptee: false, raison: `Origin: ${r.origine}` };
  }
  if (r.porteCookieSession) return { acceptee: false, raison: "ni Sec-Fetch-Site ni Origin, avec un cookie de session" };
  return { acceptee: true };
}

/** Only what the middleware reads and writes, so it is testable with plain objects. */
export interface RequeteHttp {
  method: string;
  path: string;
  protocol: string;
  get(nom: string): string | undefined;
}
export interface ReponseHttp {
  status(code: number): ReponseHttp;
  type(type: string): ReponseHttp;
  send(corps: string): unknown;
}

const PAGE_REFUSEE = `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Requête refusée — Passerelle</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><main><h1>Requête refusée</h1>
<p>Ce formulaire n'a pas été envoyé depuis une page de Passerelle : par sécurité, il n'a pas été pris en compte.</p>
<p>Revenez sur <a href="/">Passerelle</a> et recommencez depuis la page concernée.</p></main></body></html>`;

/** The Express middleware; `nomCookie` is the session cookie's name (auth.server.ts). */
export function protectionCsrf(originePublique: string, nomCookie: string) {
  return (req: RequeteHttp, res: ReponseHttp, next: () => void): void => {
    const cookies = req.get("cookie") ?? "";
    const decision = decisionCsrf({
      methode: req.method,
      secFetchSite: req.get("sec-fetch-site"),
      origine: req.get("origin"),
      origineRequete: `${req.protocol}://${req.get("host") ?? ""}`,
      originePublique,
      porteCookieSession: cookies.split(";").some((c) => c.trim().startsWith(`${nomCookie}=`)),
    });
    if (decision.acceptee) return next();
    if (req.path.startsWith("/api/")) {
      res
        .status(403)
        .type("application/problem+json")
        .send(JSON.stringify({ type: "about:blank", title: "Requête refusée", status: 403, detail: "Requête d'un autre site refusée (protection contre la falsification de requêtes, CSRF)." }));
      return;
    }
    res.status(403).type("html").send(PAGE_REFUSEE);
  };
}
