import { and, eq } from "drizzle-orm";
import type { AppLoadContext } from "react-router";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { comptesDeTest, dernierJeton, enCookie, entetesNavigateur, URL_TEST } from "~/comptes/test-outils";
import { compteDeTest, orientationDeTest, structureDeTest, type OrientationDeTest } from "~/orientation/suivi/test-outils";
import { journal_audit } from "~/platform/audit/audit.schema";
import { creerMessagerie } from "~/platform/courriel/messagerie.server";
import type { Connexion } from "~/platform/db/connexion.server";
import { loader as openapi } from "~/routes/api/openapi";
import { coordinations } from "~/structures/structures.schema";
import { baseDeTest } from "../../../test/aide/base";
import { referentiel } from "../../../test/aide/lieux";
import { serveurApi, type ServeurApi } from "../../../test/aide/serveur-api";

/** The referral API through the real Express router: who may send, read and move one, as JSON. */
let c: Connexion;
let serveur: ServeurApi;
let context: AppLoadContext;
let base = "";
let o: OrientationDeTest;
const cookies: Record<string, string> = {};
let ip = 0;

async function connecter(courriel: string): Promise<string> {
  const auth = context.comptes?.auth;
  if (!auth) throw new Error("comptes absents");
  const entetes = entetesNavigateur(`10.7.0.${++ip}`);
  await auth.handler(new Request(`${URL_TEST}/api/auth/sign-in/magic-link`, { method: "POST", headers: { ...entetes, "content-type": "application/json" }, body: JSON.stringify({ email: courriel }) }));
  const jeton = await dernierJeton(c.db, courriel);
  return enCookie(await auth.handler(new Request(`${URL_TEST}/api/auth/magic-link/verify?token=${jeton}&callbackURL=%2Fcompte`, { headers: entetes })));
}

beforeAll(async () => {
  c = await baseDeTest();
  const { comptes, config } = comptesDeTest(c.db);
  context = { db: c.db, moteur: c.moteur, referentiel, config, comptes, messagerie: creerMessagerie(c.db, config) };
  o = await orientationDeTest(c.db, { personne: true });
  cookies.emetteur = await connecter(o.emetteur.courriel);
  cookies.destinataire = await connecter(o.destinataire.courriel);
  const tierce = await structureDeTest(c.db, "Tiers");
  for (const role of ["mediateur", "responsable", "prescripteur"] as const) cookies[role] = await connecter((await compteDeTest(c.db, `tiers-${role}`, { structureId: tierce, role })).courriel);
  const coordinatrice = await compteDeTest(c.db, "coordinatrice");
  await c.db.insert(coordinations).values({ utilisateur_id: coordinatrice.id, type_territoire: "epci", code: "243500139" });
  cookies.coordinateur = await connecter(coordinatrice.courriel);
  cookies.administrateur = await connecter((await compteDeTest(c.db, "admin", undefined, "administrateur")).courriel);
  serveur = await serveurApi(context);
  base = serveur.base;
});
afterAll(async () => {
  await serveur.fermer();
  await c.fermer();
});

const entetes = (cookie?: string) => ({ "content-type": "application/json", ...(cookie ? { cookie } : {}) });
const lire = (id: string, cookie?: string) => fetch(`${base}/orientations/${id}`, { headers: entetes(cookie) });
const transition = (id: string, corps: unknown, cookie?: string) => fetch(`${base}/orientations/${id}/transitions`, { method: "POST", headers: entetes(cookie), body: JSON.stringify(corps) });
const envoyer = (corps: unknown, cookie?: string) => fetch(`${base}/orientations`, { method: "POST", headers: entetes(cookie), body: JSON.stringify(corps) });

describe("POST /api/v1/orientations", () => {
  it("401 sans session ; 400 nommant les champs ; 403 hors de la structure ; 201 {id, code}", async () => {
    const corps = { lieu: o.lieuId, structure: o.structureEmettriceId, demarches: ["impots"], urgence: "rapide", message: "Déclaration en ligne." };
    expect((await envoyer(corps)).status).toBe(401);
    const mauvais = await envoyer({ lieu: "x", structure: o.structureEmettriceId, partager_contact: true, telephone: "06 12 34 56 78" }, cookies.emetteur);
    expect(mauvais.status).toBe(400);
    const probleme: unknown = await mauvais.json();
    expect(probleme).toMatchObject({ status: 400, erreurs: expect.arrayContaining([expect.objectContaining({ parametre: "lieu" }), expect.objectContaining({ parametre: "services" }), expect.objectContaining({ parametre: "consentement" })]) });
    expect((await envoyer(corps, cookies.mediateur)).status).toBe(403);
    const r = await envoyer(corps, cookies.emetteur);
    expect(r.status).toBe(201);
    const cree: unknown = await r.json();
    expect(cree).toMatchObject({ id: expect.any(String), code: expect.stringMatching(/^[A-HJKMNP-Z2-9]{8}$/) });
    expect(r.headers.get("location")).toMatch(/^\/api\/v1\/orientations\//);
  });
});

describe("GET /api/v1/orientations/:id", () => {
  it("401 sans session ; 404 pour tiers, coordination et administration, sans trace de lecture", async () => {
    expect((await lire(o.id)).status).toBe(401);
    for (const qui of ["mediateur", "responsable", "prescripteur", "coordinateur", "administrateur"]) {
      const r = await lire(o.id, cookies[qui]);
      expect(r.status, qui).toBe(404);
      expect(await r.text()).not.toContain("Josiane");
    }
    expect((await lire("pas-un-uuid", cookies.emetteur)).status).toBe(404);
    expect(await c.db.select().from(journal_audit).where(and(eq(journal_audit.action, "orientation.lire_donnees"), eq(journal_audit.objet_id, o.id)))).toHaveLength(0);
  });

  it("les deux structures lisent (snake_case, jamais en cache) ; la note n'est jamais rendue à l'émetteur ; chaque lecture est journalisée", async () => {
    const r = await lire(o.id, cookies.destinataire);
    expect(r.status).toBe(200);
    expect(r.headers.get("cache-control")).toBe("private, no-store");
    expect(await r.json()).toMatchObject({ id: o.id, code: o.code, statut: "vue", cotes: ["destinataire"], note_destinataire: "", personne: { prenom: "Josiane", consentement: { mode: "oral" } }, lieu: { id: o.lieuId } });
    const e = await lire(o.id, cookies.emetteur);
    expect(await e.json()).toMatchObject({ statut: "vue", cotes: ["emetteur"], note_destinataire: null, actions: ["annuler"] });
    expect(await c.db.select().from(journal_audit).where(and(eq(journal_audit.action, "orientation.lire_donnees"), eq(journal_audit.objet_id, o.id)))).toHaveLength(2);
  });
});

describe("POST /api/v1/orientations/:id/transitions", () => {
  it("401, 404 hors des deux structures, 403 du mauvais côté, 400, 409, puis {statut}", async () => {
    expect((await transition(o.id, { action: "accepter" })).status).toBe(401);
    expect((await transition(o.id, { action: "annuler" }, cookies.administrateur)).status).toBe(404);
    expect((await transition(o.id, { action: "accepter" }, cookies.emetteur)).status).toBe(403);
    expect((await transition(o.id, { action: "voler" }, cookies.destinataire)).status).toBe(400);
    expect((await transition(o.id, { action: "prendre_en_charge" }, cookies.destinataire)).status).toBe(409);
    const r = await transition(o.id, { action: "accepter", rdv_le: "2026-12-01T14:30" }, cookies.destinataire);
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ statut: "acceptee" });
    const fin = await transition(o.id, { action: "cloturer", issue: "sans_suite" }, cookies.destinataire);
    expect(await fin.json()).toEqual({ statut: "cloturee" });
    expect((await transition(o.id, { action: "annuler" }, cookies.emetteur)).status).toBe(409);
    expect(await (await lire(o.id, cookies.emetteur)).json()).toMatchObject({ statut: "cloturee", issue: "sans_suite", rdv_le: "2026-12-01T13:30:00.000Z" });
  });
});

describe("OpenAPI", () => {
  it("décrit l'envoi, la lecture et les transitions", async () => {
    const doc: unknown = await openapi({ request: new Request(`${URL_TEST}/api/v1/openapi.json`) }).json();
    expect(doc).toMatchObject({ paths: { "/orientations": { get: {}, post: {} }, "/orientations/{id}": { get: {} }, "/orientations/{id}/transitions": { post: {} } } });
  });
});
