import { randomBytes } from "node:crypto";

/**
 * Security headers on every response (decision 008): nosniff, referrer policy, framing, and a strict
 * Content-Security-Policy whose scripts need the request's nonce (React Router's inline scripts get
 * it through the load context, app/entry.server.tsx and app/root.tsx).
 */

export interface OptionsSecurite {
  /** MAP_STYLE_URL: the map fetches its style, tiles and glyphs from that origin. */
  styleCarte?: string | undefined;
  /** `npm run dev`: Vite's hot reload talks over a WebSocket. */
  dev?: boolean | undefined;
}

/** Only what the middleware touches, so it is testable without a real server. */
interface RequeteMinimale {
  path: string;
}
interface ReponseMinimale {
  setHeader(nom: string, valeur: string): unknown;
  locals: Record<string, unknown>;
}

export function politiqueContenu(nonce: string, embed: boolean, options: OptionsSecurite = {}): string {
  const connexions = ["'self'"];
  if (options.styleCarte) connexions.push(new URL(options.styleCarte).origin);
  if (options.dev) connexions.push("ws:");
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    // Inline styles are used by the pages and the map; scripts are what matters.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    // MapLibre's worker: our own file (the bundled build), or a blob (its standalone build).
    "worker-src 'self' blob:",
    `connect-src ${connexions.join(" ")}`,
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    // The embeddable directory is meant to be framed by partners' sites.
    `frame-ancestors ${embed ? "*" : "'self'"}`,
  ].join("; ");
}

/** The nonce the middleware gave this response (server/main.ts passes it to React Router). */
export function nonceDe(res: { locals: Record<string, unknown> }): string | undefined {
  const n = res.locals.nonce;
  return typeof n === "string" ? n : undefined;
}

/** Where the build's hashed files are served (server/main.ts). */
export const PREFIXE_FICHIERS_CONSTRUITS = "/assets/";

export function entetesSecurite(options: OptionsSecurite = {}) {
  return (req: RequeteMinimale, res: ReponseMinimale, next: () => void): void => {
    res.setHeader("X-Content-Type-Options", "nosniff");
    // Built scripts, styles and fonts are not documents: a policy there governs nothing and its
    // ≈ 500 bytes on each of a page's fifteen files weighed 7 KB of the public page's 150 KB budget.
    if (req.path.startsWith(PREFIXE_FICHIERS_CONSTRUITS)) return next();
    const nonce = randomBytes(16).toString("base64");
    res.locals.nonce = nonce;
    const embed = req.path === "/embed";
    // A referral's signed link (/o/<jeton>) carries its token in the path: no Referer to any other site.
    // Not "no-referrer": its forms would then post `Origin: null`, which React Router refuses (400).
    res.setHeader("Referrer-Policy", req.path.startsWith("/o/") ? "same-origin" : "strict-origin-when-cross-origin");
    if (!embed) res.setHeader("X-Frame-Options", "SAMEORIGIN");
    res.setHeader("Content-Security-Policy", politiqueContenu(nonce, embed, options));
    next();
  };
}
