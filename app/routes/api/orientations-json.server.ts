import { ErreurPasserelle } from "~/platform/erreurs";
import { probleme } from "./reponses";

/** JSON in and out for the referral routes of `/api/v1`: a body as form-like fields, snake_case answers. */

/** The JSON body as the fields the domain's validators read (strings, lists of strings); null and absent are the same. */
export async function champsDuCorps(request: Request): Promise<Record<string, string | string[]>> {
  let corps: unknown;
  try {
    corps = await request.json();
  } catch {
    throw new ErreurPasserelle("entree_invalide", "Le corps de la requête doit être un objet JSON.", [{ champ: "corps", message: "JSON invalide ou absent." }]);
  }
  if (typeof corps !== "object" || corps === null || Array.isArray(corps)) throw new ErreurPasserelle("entree_invalide", "Le corps de la requête doit être un objet JSON.", [{ champ: "corps", message: "Objet JSON attendu." }]);
  const champs: Record<string, string | string[]> = {};
  for (const [cle, v] of Object.entries(corps)) {
    if (typeof v === "string") champs[cle] = v;
    else if (typeof v === "number" || typeof v === "boolean") champs[cle] = v === true ? "oui" : v === false ? "non" : String(v);
    else if (Array.isArray(v)) champs[cle] = v.map((x) => (typeof x === "string" ? x : JSON.stringify(x)));
    else if (v !== null) throw new ErreurPasserelle("entree_invalide", `Champ invalide : ${cle}.`, [{ champ: cle, message: "Texte, nombre ou liste de textes attendu." }]);
  }
  return champs;
}

/** A 400 problem naming each field in error. */
export function problemeChamps(erreurs: Record<string, string>): Response {
  const liste = Object.entries(erreurs).map(([parametre, message]) => ({ parametre, message }));
  return probleme(400, `Champ${liste.length > 1 ? "s" : ""} invalide${liste.length > 1 ? "s" : ""} : ${liste.map((e) => e.parametre).join(", ")}.`, liste);
}

const enSnake = (cle: string) => cle.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`);

/** camelCase keys → snake_case like the rest of `/api/v1`; dates in ISO 8601. */
export function enJsonApi(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return v.map(enJsonApi);
  if (typeof v === "object" && v !== null) return Object.fromEntries(Object.entries(v).map(([k, x]) => [enSnake(k), enJsonApi(x)]));
  return v;
}

/** Referrals hold personal data: never cached by anyone. */
export function reponsePrivee(valeur: unknown, status = 200, entetes: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(enJsonApi(valeur)), { status, headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "private, no-store", ...entetes } });
}
