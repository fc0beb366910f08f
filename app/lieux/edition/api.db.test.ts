import type { AppLoadContext } from "react-router";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { comptesDeTest, dernierJeton, enCookie, entetesNavigateur, URL_TEST } from "~/comptes/test-outils";
import { creerMessagerie } from "~/platform/courriel/messagerie.server";
import type { Connexion } from "~/platform/db/connexion.server";
import { baseDeTest } from "../../../test/aide/base";
import { referentiel } from "../../../test/aide/lieux";
import { monterEdition, type RoleEdition } from "./test-outils";
import { serveurApi, type ServeurApi } from "../../../test/aide/serveur-api";

/** PATCH /api/v1/lieux/<id> through the real Express router (method, body, Cookie and If-Match forwarded). */
const LIEU = "0f0f0f0f-0000-4000-8000-000000000001";
let c: Connexion;
let serveur: ServeurApi;
let base = "";
const cookies: Partial<Record<RoleEdition, string>> = {};

async function connecter(context: AppLoadContext, courriel: string, ip: string): Promise<string> {
  const auth = context.comptes?.auth;
  if (!auth) throw new Error("comptes absents");
  const entetes = entetesNavigateur(ip);
  await auth.handler(new Request(`${URL_TEST}/api/auth/sign-in/magic-link`, { method: "POST", headers: { ...entetes, "content-type": "application/json" }, body: JSON.stringify({ email: courriel }) }));
  const jeton = await dernierJeton(c.db, courriel);
  return enCookie(await auth.handler(new Request(`${URL_TEST}/api/auth/magic-link/verify?token=${jeton}&callbackURL=%2Fcompte`, { headers: entetes })));
}

beforeAll(async () => {
  c = await baseDeTest();
  const { comptes, config } = comptesDeTest(c.db);
  const context: AppLoadContext = { db: c.db, moteur: c.moteur, referentiel, config, comptes, messagerie: creerMessagerie(c.db, config) };
  await monterEdition(c.db, LIEU);
  let n = 0;
  for (const role of ["mediateur", "connecte"] as const) cookies[role] = await connecter(context, `${role}-${LIEU.slice(0, 8)}@exemple.fr`, `10.7.0.${++n}`);
  serveur = await serveurApi(context);
  base = serveur.base;
});
afterAll(async () => {
  await serveur.fermer();
  await c.fermer();
});

const patch = (id: string, corps: unknown, entetes: Record<string, string>) =>
  fetch(`${base}/lieux/${id}`, { method: "PATCH", headers: { "Content-Type": "application/json", ...entetes }, body: typeof corps === "string" ? corps : JSON.stringify(corps) });
const probleme = async (r: Response) => {
  const corps: unknown = await r.json();
  return typeof corps === "object" && corps !== null ? corps : {};
};

describe("PATCH /api/v1/lieux/<id>", () => {
  it("GET donne un ETag qui porte la version, et 304 avec If-None-Match", async () => {
    const r = await fetch(`${base}/lieux/${LIEU}`);
    expect(r.status).toBe(200);
    const etag = r.headers.get("ETag") ?? "";
    expect(etag).toMatch(/^"1-[\w-]{16}"$/);
    expect((await fetch(`${base}/lieux/${LIEU}`, { headers: { "If-None-Match": etag } })).status).toBe(304);
  });

  it("401 sans session, 403 sans droits sur ce lieu, 404 pour un lieu inconnu", async () => {
    const sans = await patch(LIEU, { nom: "X" }, { "If-Match": '"1"' });
    expect(sans.status).toBe(401);
    expect(await probleme(sans)).toMatchObject({ status: 401, title: "Connexion requise" });
    const interdit = await patch(LIEU, { nom: "X" }, { "If-Match": '"1"', Cookie: cookies.connecte ?? "" });
    expect(interdit.status).toBe(403);
    expect(await probleme(interdit)).toMatchObject({ status: 403, title: "Action non autorisée" });
    expect((await patch("0f0f0f0f-0000-4000-8000-000000000999", { nom: "X" }, { "If-Match": '"1"', Cookie: cookies.mediateur ?? "" })).status).toBe(404);
  });

  it("428 sans If-Match ; 400 qui nomme les champs", async () => {
    const cookie = cookies.mediateur ?? "";
    const sansVersion = await patch(LIEU, { nom: "X" }, { Cookie: cookie });
    expect(sansVersion.status).toBe(428);
    const invalide = await patch(LIEU, { nom: "", telephone: "12", couleur: "bleu" }, { Cookie: cookie, "If-Match": '"1"' });
    expect(invalide.status).toBe(400);
    expect(await probleme(invalide)).toMatchObject({ detail: "Champ invalide : couleur.", erreurs: [{ parametre: "couleur", message: "« couleur » n'est pas un champ modifiable du standard." }] });
    const valeurs = await patch(LIEU, { nom: "", services: ["Réparer des vélos"] }, { Cookie: cookie, "If-Match": '"1"' });
    expect(valeurs.status).toBe(400);
    expect(await probleme(valeurs)).toMatchObject({ detail: "Champs invalides : nom, services." });
    expect((await patch(LIEU, "{pas du json", { Cookie: cookie, "If-Match": '"1"' })).status).toBe(400);
  });

  it("200 avec le lieu et son nouvel ETag ; 412 avec la version actuelle quand la copie est périmée", async () => {
    const cookie = cookies.mediateur ?? "";
    const lu = await fetch(`${base}/lieux/${LIEU}`);
    const etag = lu.headers.get("ETag") ?? "";
    const ok = await patch(LIEU, { horaires: "Mo-Sa 10:00-18:00", telephone: "02 99 00 00 01" }, { Cookie: cookie, "If-Match": etag });
    expect(ok.status).toBe(200);
    const nouvelEtag = ok.headers.get("ETag") ?? "";
    expect(nouvelEtag).toMatch(/^"2-/);
    expect(await ok.json()).toMatchObject({ id: LIEU, horaires: "Mo-Sa 10:00-18:00", telephone: "+33299000001" });
    // The same ETag as a GET of the new version: a client can keep it.
    expect((await fetch(`${base}/lieux/${LIEU}`)).headers.get("ETag")).toBe(nouvelEtag);

    const perime = await patch(LIEU, { nom: "Autre nom" }, { Cookie: cookie, "If-Match": etag });
    expect(perime.status).toBe(412);
    expect(perime.headers.get("ETag")).toBe(nouvelEtag);
    expect(await probleme(perime)).toMatchObject({ status: 412, title: "Version périmée", version: 2, lieu: { nom: "EPN du Blosne", horaires: "Mo-Sa 10:00-18:00" } });
  });
});
