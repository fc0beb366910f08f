import { eq } from "drizzle-orm";
import type { AppLoadContext } from "react-router";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { utilisateurs } from "~/comptes/comptes.schema";
import { comptesDeTest, dernierJeton, enCookie, entetesNavigateur, URL_TEST } from "~/comptes/test-outils";
import { BREST, lieuDeTest, orientationInseree, RENNES, structureDeTest } from "~/orientation/suivi/tableaux-test-outils";
import { creerMessagerie } from "~/platform/courriel/messagerie.server";
import type { Connexion } from "~/platform/db/connexion.server";
import { membres_structures } from "~/structures/structures.schema";
import { baseDeTest } from "../../../test/aide/base";
import { referentiel } from "../../../test/aide/lieux";
import { serveurApi, type ServeurApi } from "../../../test/aide/serveur-api";

/** GET /api/v1/orientations through the real Express router (the Cookie header forwarded). */
let c: Connexion;
let serveur: ServeurApi;
let base = "";
let receptrice = "";
let emettrice = "";
const cookies = { recepteur: "", tiers: "" };

async function connecter(context: AppLoadContext, courriel: string, ip: string): Promise<string> {
  const auth = context.comptes?.auth;
  if (!auth) throw new Error("comptes absents");
  const entetes = entetesNavigateur(ip);
  await auth.handler(new Request(`${URL_TEST}/api/auth/sign-in/magic-link`, { method: "POST", headers: { ...entetes, "content-type": "application/json" }, body: JSON.stringify({ email: courriel }) }));
  const jeton = await dernierJeton(c.db, courriel);
  return enCookie(await auth.handler(new Request(`${URL_TEST}/api/auth/magic-link/verify?token=${jeton}&callbackURL=%2Fcompte`, { headers: entetes })));
}

const idDe = async (courriel: string) => (await c.db.select({ id: utilisateurs.id }).from(utilisateurs).where(eq(utilisateurs.courriel, courriel)))[0]?.id ?? "";

beforeAll(async () => {
  c = await baseDeTest();
  const { comptes, config } = comptesDeTest(c.db);
  const context: AppLoadContext = { db: c.db, moteur: c.moteur, referentiel, config, comptes, messagerie: creerMessagerie(c.db, config) };
  cookies.recepteur = await connecter(context, "recepteur@exemple.fr", "10.8.0.1");
  cookies.tiers = await connecter(context, "tiers@exemple.fr", "10.8.0.2");
  receptrice = await structureDeTest(c.db, "Centre social de Brest", "centre_social", BREST);
  emettrice = await structureDeTest(c.db, "Association de Rennes", "association", RENNES);
  await c.db.insert(membres_structures).values({ structure_id: receptrice, utilisateur_id: await idDe("recepteur@exemple.fr"), role: "prescripteur" });
  const lieu = await lieuDeTest(c.db, "EPN de Brest", BREST, "Brest", receptrice);
  await orientationInseree(c.db, { lieuId: lieu, emettriceId: emettrice, destinataireId: receptrice, statut: "acceptee", demarches: ["caf"], envoyeeLe: new Date("2026-02-01T10:00:00Z"), personne: { prenom: "Camille", telephone: "0600000000" }, message: "Personne à rappeler" });
  await orientationInseree(c.db, { lieuId: lieu, emettriceId: emettrice, destinataireId: receptrice, statut: "envoyee", demarches: ["ameli"], envoyeeLe: new Date("2026-02-02T10:00:00Z") });
  serveur = await serveurApi(context);
  base = serveur.base;
});
afterAll(async () => {
  await serveur.fermer();
  await c.fermer();
});

const lire = (q: string, cookie?: string) => fetch(`${base}/orientations?${q}`, { headers: cookie ? { Cookie: cookie } : {} });

describe("GET /api/v1/orientations", () => {
  it("401 sans session, en problème JSON", async () => {
    const r = await lire(`structure=${receptrice}`);
    expect(r.status).toBe(401);
    expect(r.headers.get("Content-Type")).toContain("application/problem+json");
  });

  it("la boîte de réception d'un membre : lignes sans donnée personnelle, total, compteurs, pagination", async () => {
    const r = await lire(`sens=recues&structure=${receptrice}`, cookies.recepteur);
    expect(r.status).toBe(200);
    expect(r.headers.get("Cache-Control")).toContain("no-store");
    const corps: unknown = await r.json();
    expect(corps).toMatchObject({ total: 2, page: 1, par_page: 20, compteurs: { envoyee: 1, acceptee: 1, vue: 0 } });
    expect(corps).toMatchObject({ data: [{ statut: "envoyee", demarches: ["ameli"], envoyee_le: "2026-02-02T10:00:00.000Z", structure_emettrice: "Association de Rennes", lieu: { nom: "EPN de Brest", commune: "Brest" } }, { statut: "acceptee" }] });
    const texte = JSON.stringify(corps);
    for (const personnel of ["Camille", "0600000000", "rappeler"]) expect(texte).not.toContain(personnel);
    // Filters: one status, one démarche; the default structure is the person's own.
    expect(await (await lire("statut=acceptee", cookies.recepteur)).json()).toMatchObject({ total: 1, data: [{ statut: "acceptee" }] });
    expect(await (await lire("demarche=ameli", cookies.recepteur)).json()).toMatchObject({ total: 1, data: [{ demarches: ["ameli"] }] });
  });

  it("403 pour une structure dont on n'est pas membre, 400 qui nomme le paramètre", async () => {
    expect((await lire(`structure=${emettrice}`, cookies.recepteur)).status).toBe(403);
    expect((await lire(`structure=${receptrice}`, cookies.tiers)).status).toBe(403);
    const mauvais = await lire(`structure=${receptrice}&statut=perdue&page=0`, cookies.recepteur);
    expect(mauvais.status).toBe(400);
    expect(await mauvais.json()).toMatchObject({ erreurs: [{ parametre: "statut" }, { parametre: "page" }] });
    // Someone without any structure and without `structure`: told which parameter is missing.
    expect(await (await lire("", cookies.tiers)).json()).toMatchObject({ status: 400, erreurs: [{ parametre: "structure" }] });
  });

  it("décrit dans le document OpenAPI", async () => {
    const doc: unknown = await (await fetch(`${base}/openapi.json`)).json();
    expect(doc).toHaveProperty(["paths", "/orientations", "get", "responses", "401"]);
    expect(doc).toHaveProperty(["paths", "/orientations", "get", "parameters", 0, "name"], "sens");
  });
});
