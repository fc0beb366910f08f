import { createHash } from "node:crypto";
import { lireCriteres, type Criteres } from "~/lieux/recherche/criteres";
import { ErreurPasserelle, statutHttp } from "~/platform/erreurs";
import { erreursParametres, type ErreurParametre } from "~/platform/validation";

/** Response helpers shared by the `/api/v1` routes: caching validators, problems, criteria parsing. */

const CACHE = "public, max-age=60";

/**
 * The ETag of a body; with a version (a place's), `"<version>-<hash>"`: If-Match reads the version
 * back, while the hash keeps 304s exact when something outside the version (its sources) changes.
 */
export function etagDe(corps: string, version?: number): string {
  const empreinte = createHash("sha1").update(corps).digest("base64url");
  return version === undefined ? `"${empreinte}"` : `"${version}-${empreinte.slice(0, 16)}"`;
}

/** The version an `If-Match` names: `"7"` or an ETag `"7-…"` (weak or not); null when absent or unreadable. */
export function versionDeIfMatch(ifMatch: string | null): number | null {
  const m = ifMatch?.trim().match(/^(?:W\/)?"(\d{1,9})(?:-[^"]*)?"$/);
  return m?.[1] === undefined ? null : Number(m[1]);
}

/** A 200 with an ETag of the body, or a 304 when the client already has it. */
export function reponseAvecEtag(request: Request, corps: string, type: string, entetes: Record<string, string> = {}, version?: number): Response {
  const etag = etagDe(corps, version);
  const communs = { ETag: etag, "Cache-Control": CACHE, Vary: "Accept-Encoding" };
  if (correspond(request.headers.get("If-None-Match"), etag)) return new Response(null, { status: 304, headers: { ...communs, ...entetes } });
  return new Response(corps, { status: 200, headers: { "Content-Type": type, ...communs, ...entetes } });
}

export function reponseJson(request: Request, valeur: unknown, version?: number): Response {
  return reponseAvecEtag(request, JSON.stringify(valeur), "application/json; charset=utf-8", {}, version);
}

/** `If-None-Match` holds `*` or a list of tags, possibly weak (W/"…"), as compression proxies make them. */
function correspond(ifNoneMatch: string | null, etag: string): boolean {
  if (ifNoneMatch === null) return false;
  return ifNoneMatch.split(",").some((t) => {
    const tag = t.trim();
    return tag === "*" || tag.replace(/^W\//, "") === etag;
  });
}

const TITRES: Record<number, string> = {
  400: "Paramètres invalides",
  401: "Connexion requise",
  403: "Action non autorisée",
  404: "Ressource introuvable",
  405: "Méthode non acceptée",
  409: "Conflit",
  412: "Version périmée",
  428: "Version requise",
  500: "Erreur interne",
};

/** An `application/problem+json` answer (RFC 9457), in French. */
export function probleme(status: number, detail: string, erreurs?: ErreurParametre[], extra: { entetes?: Record<string, string>; corps?: Record<string, unknown> } = {}): Response {
  const corps = {
    ...extra.corps,
    type: status === 400 ? "urn:passerelle:probleme:parametres-invalides" : "about:blank",
    title: TITRES[status] ?? "Erreur",
    status,
    detail,
    ...(erreurs ? { erreurs } : {}),
  };
  return new Response(JSON.stringify(corps), { status, headers: { "Content-Type": "application/problem+json; charset=utf-8", "Cache-Control": "no-store", ...extra.entetes } });
}

/** Any error of a use case as a problem: known errors keep their message, others never leak theirs. */
export function problemeDepuisErreur(erreur: unknown): Response {
  if (erreur instanceof ErreurPasserelle) {
    const erreurs = erreur.details.map((d) => ({ parametre: d.champ, message: d.message }));
    return probleme(statutHttp(erreur), erreur.message, erreurs.length > 0 ? erreurs : undefined);
  }
  console.error(erreur);
  return probleme(500, "Une erreur interne est survenue.");
}

/** The search criteria of the request's query, or a 400 problem naming each bad parameter. */
export function criteresOuProbleme(request: Request): Criteres | Response {
  const lu = lireCriteres(new URL(request.url).searchParams);
  if (lu.success) return lu.data;
  const erreurs = erreursParametres(lu.error);
  return probleme(400, `Paramètre${erreurs.length > 1 ? "s" : ""} invalide${erreurs.length > 1 ? "s" : ""} : ${[...new Set(erreurs.map((e) => e.parametre))].join(", ")}.`, erreurs);
}

/** Runs a handler, turning thrown errors into problems. */
export async function repondre(executer: () => Promise<Response>): Promise<Response> {
  try {
    return await executer();
  } catch (erreur) {
    return problemeDepuisErreur(erreur);
  }
}
