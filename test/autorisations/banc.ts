import { and, eq } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import path from "node:path";
import type { AppLoadContext } from "react-router";
import { expect } from "vitest";
import { utilisateurs } from "~/comptes/comptes.schema";
import { comptesDeTest, dernierJeton, enCookie, entetesNavigateur, URL_TEST } from "~/comptes/test-outils";
import { doublons, lieux } from "~/lieux/lieux.schema";
import { creerMessagerie } from "~/platform/courriel/messagerie.server";
import type { Connexion } from "~/platform/db/connexion.server";
import { statutHttp } from "~/platform/erreurs";
import { coordinations, lieux_structures, membres_structures, structures } from "~/structures/structures.schema";
import { baseDeTest } from "../aide/base";
import { referentiel } from "../aide/lieux";

/**
 * What the authorisation table (test/autorisations.db.test.ts) calls its routes with: one database,
 * a place run by one structure, a session of every role, and the fixtures some rows need.
 */
export const ROLES = ["anonyme", "connecte", "mediateur", "responsable", "prescripteur", "coordinateur", "administrateur"] as const;
export type Role = (typeof ROLES)[number];
export interface Attendu {
  statut: number;
  /** Start of the Location header, for redirects. */
  vers?: string;
}
export interface Ligne {
  route: string;
  /** When a route has several rows: which use. */
  cas?: string;
  attendu: Record<Role, Attendu>;
  appeler: (cookie: string | undefined, ip: string) => Promise<Attendu>;
}

export const LIEU = "0d0d0d0d-0000-4000-8000-000000000001";

interface Etat {
  c: Connexion;
  context: AppLoadContext;
  /** The structure running LIEU; members of every role are added to it. */
  structureId: string;
}
let etat: Etat | undefined;

/** The prepared state (rows are called only after `preparer()`). */
export function b(): Etat {
  if (!etat) throw new Error("banc des autorisations non préparé");
  return etat;
}

export async function preparer(): Promise<void> {
  const c = await baseDeTest();
  const { comptes, config } = comptesDeTest(c.db);
  const context: AppLoadContext = { db: c.db, moteur: c.moteur, referentiel, config, comptes, messagerie: creerMessagerie(c.db, config) };
  await c.db.insert(lieux).values({ id: LIEU, pivot: "00000000000000", nom: "EPN", commune: "Rennes", code_postal: "35000", code_insee: "35238", adresse: "1 rue X", date_maj: "2024-01-01" });
  const [s] = await c.db.insert(structures).values({ nom: "EPN du Blosne", type: "association", code_insee: "35238" }).returning({ id: structures.id });
  // The structure runs the place: its médiateurs and responsables may edit it.
  await c.db.insert(lieux_structures).values({ lieu_id: LIEU, structure_id: s?.id ?? "" });
  await c.db.insert(utilisateurs).values({ courriel: "coordinatrice@exemple.fr" });
  etat = { c, context, structureId: s?.id ?? "" };
}

let compteur = 0;
/** A new number for unique names and addresses. */
export const prochain = () => ++compteur;
export const nouvelleIp = () => `10.9.${Math.floor(++compteur / 200)}.${(compteur % 200) + 1}`;

/** Two fresh places in Rennes and their uncertain pair, for one call of the duplicate review. */
export async function paireDeTest(): Promise<{ id: string; a: string }> {
  const ids = [randomUUID(), randomUUID()].sort();
  const [a = "", autre = ""] = ids;
  for (const id of ids) await b().c.db.insert(lieux).values({ id, pivot: "00000000000000", nom: `EPN ${id}`, commune: "Rennes", code_postal: "35000", code_insee: "35238", adresse: "1 rue X", date_maj: "2024-01-01" });
  await b().c.db.insert(doublons).values({ lieu_a: a, lieu_b: autre, score: 0.7, signaux: {} });
  return { id: `${a}_${autre}`, a };
}

/** A fresh account holding `role`, signed in through the real magic-link path; its session cookie. */
export async function sessionDe(role: Role): Promise<string | undefined> {
  if (role === "anonyme") return undefined;
  const courriel = `${role}-${prochain()}@exemple.fr`;
  const [u] = await b().c.db
    .insert(utilisateurs)
    .values({ courriel, role: role === "administrateur" ? "administrateur" : null })
    .returning({ id: utilisateurs.id });
  const id = u?.id ?? "";
  if (role === "mediateur" || role === "responsable" || role === "prescripteur") await b().c.db.insert(membres_structures).values({ structure_id: b().structureId, utilisateur_id: id, role });
  if (role === "coordinateur") await b().c.db.insert(coordinations).values({ utilisateur_id: id, type_territoire: "epci", code: "243500139" });
  const entetes = entetesNavigateur(nouvelleIp());
  const auth = b().context.comptes?.auth;
  if (!auth) throw new Error("comptes absents");
  const demande = await auth.handler(new Request(`${URL_TEST}/api/auth/sign-in/magic-link`, { method: "POST", headers: { ...entetes, "content-type": "application/json" }, body: JSON.stringify({ email: courriel }) }));
  expect(demande.status).toBe(200);
  const jeton = await dernierJeton(b().c.db, courriel);
  const verif = await auth.handler(new Request(`${URL_TEST}/api/auth/magic-link/verify?token=${jeton}&callbackURL=%2Fcompte`, { headers: entetes }));
  expect(verif.status).toBe(302);
  return enCookie(verif);
}

/** What an action answered or threw, as a status and a redirect target. */
export async function issue(p: Promise<unknown>): Promise<Attendu> {
  const r = await p.catch((e: unknown) => e);
  const vers = (h: Headers) => h.get("location") ?? undefined;
  if (r instanceof Response) return r.status >= 300 && r.status < 400 ? { statut: r.status, vers: vers(r.headers) ?? "" } : { statut: r.status };
  if (typeof r === "object" && r !== null && "data" in r && "init" in r) {
    const init = r.init;
    return { statut: typeof init === "object" && init !== null && "status" in init && typeof init.status === "number" ? init.status : 200 };
  }
  if (r instanceof Error) return { statut: statutHttp(r) };
  return { statut: 200 };
}

export function post(chemin: string, champs: Record<string, string>, ip: string, cookie: string | undefined): Request {
  return new Request(`${URL_TEST}${chemin}`, { method: "POST", headers: { ...entetesNavigateur(ip, cookie), "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(champs) });
}
export async function action(fichier: string, requete: Request, params: Record<string, string> = {}): Promise<Attendu> {
  const m: unknown = await import(path.resolve("app", fichier));
  const a = typeof m === "object" && m !== null && "action" in m && typeof m.action === "function" ? m.action : undefined;
  if (!a) throw new Error(`${fichier} n'exporte plus d'action`);
  return issue(Promise.resolve(a({ request: requete, context: b().context, params, url: new URL(requete.url), pattern: "" })));
}

/**
 * A field feedback for one call of its routes: posted by the table's structure (`auteure`), or by a third
 * structure about the CAF, whose correspondents are then the table's prescripteurs (added to a CAF structure).
 */
export async function remonteeDeTest(auteure: "structure" | "tierce"): Promise<string> {
  const { remontees } = await import("~/remontees/remontees.schema");
  let auteur = b().structureId;
  if (auteure === "tierce") {
    const [tierce] = await b().c.db.insert(structures).values({ nom: "Association tierce", type: "association", code_insee: "35238" }).returning({ id: structures.id });
    const [caf] = await b().c.db.insert(structures).values({ nom: "CAF", type: "operateur_public", code_insee: "35238", operateur: "caf" }).returning({ id: structures.id });
    const prescripteurs = await b().c.db.select({ id: membres_structures.utilisateur_id }).from(membres_structures).where(and(eq(membres_structures.structure_id, b().structureId), eq(membres_structures.role, "prescripteur")));
    for (const u of prescripteurs) await b().c.db.insert(membres_structures).values({ structure_id: caf?.id ?? "", utilisateur_id: u.id, role: "prescripteur" });
    auteur = tierce?.id ?? "";
  }
  const valeurs = { operateur: "caf", demarche: "Actualisation", theme: "connexion", description: "Page blanche.", type_territoire: "commune", code_territoire: "35238", structure_id: auteur };
  const [r] = await b().c.db.insert(remontees).values(valeurs).returning({ id: remontees.id });
  return r?.id ?? "";
}

/** A referral sent by another structure to the place `b().structureId` runs, waiting for an answer. */
export async function orientationRecue(): Promise<string> {
  const { orientations } = await import("~/orientation/suivi/orientations.schema");
  const { nouveauCodeOrientation } = await import("~/orientation/suivi/codes");
  const [emettrice] = await b().c.db.insert(structures).values({ nom: "France services", type: "espace_france_services", code_insee: "35238" }).returning({ id: structures.id });
  const [o] = await b().c.db.insert(orientations).values({ code: nouveauCodeOrientation(), lieu_id: LIEU, structure_destinataire_id: b().structureId, structure_emettrice_id: emettrice?.id ?? "", demarches: ["caf"] }).returning({ id: orientations.id });
  return o?.id ?? "";
}

export const pourTous = (a: Attendu): Record<Role, Attendu> => ({ anonyme: a, connecte: a, mediateur: a, responsable: a, prescripteur: a, coordinateur: a, administrateur: a });
export const anonymeSinon = (anonyme: Attendu, connecte: Attendu): Record<Role, Attendu> => ({ ...pourTous(connecte), anonyme });
export const versConnexion = (retour: string): Attendu => ({ statut: 302, vers: `/connexion?retour=${encodeURIComponent(retour)}` });
