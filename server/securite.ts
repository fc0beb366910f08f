
/** Baseline security headers on every response (the strict CSP with nonces comes with accounts). */
/** Only what the middleware touches, so it is testable without a real server. */
interface RequeteMinimale {
  path: string;
}
interface ReponseMinimale {
  setHeader(nom: string, valeur: string): unknown;
}

export function entetesSecurite(req: RequeteMinimale, res: ReponseMinimale, next: () => void): void {
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
  if (req.path === "/embed") {
    // The embeddable directory is meant to be framed by partners' sites.
    res.setHeader("Content-Security-Policy", "frame-ancestors *");
  } else {
    res.setHeader("X-Frame-Options", "SAMEORIGIN");
    res.setHeader("Content-Security-Policy", "frame-ancestors 'self'");
  }
  next();
}
