import { eq } from "drizzle-orm";
import type { AppLoadContext } from "react-router";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { utilisateurs } from "~/comptes/comptes.schema";
import { comptesDeTest, dernierJeton, enCookie, entetesNavigateur, URL_TEST } from "~/comptes/test-outils";
import { creerMessagerie } from "~/platform/courriel/messagerie.server";
import type { Connexion } from "~/platform/db/connexion.server";
import { remontees } from "~/remontees/remontees.schema";
import { membres_structures, structures } from "~/structures/structures.schema";
import { baseDeTest } from "../../../test/aide/base";
import { referentiel } from "../../../test/aide/lieux";
import { serveurApi, type ServeurApi } from "../../../test/aide/serveur-api";

/** /api/v1/remontees through the real Express router (Cookie forwarded on GET, body and Cookie on POST). */
let c: Connexion;
let serveur: ServeurApi;
let base = "";
const cookies = { mediatrice: "", correspondant: "", tiers: "" };

async function connecter(context: AppLoadContext, courriel: string, ip: string): Promise<string> {
  const auth = context.comptes?.auth;
  if (!auth) throw new Error("comptes absents");
  const entetes = entetesNavigateur(ip);
  await auth.handler(new Request(`${URL_TEST}/api/auth/sign-in/magic-link`, { method: "POST", headers: { ...entetes, "content-type": "application/json" }, body: JSON.stringify({ email: courriel }) }));
  const jeton = await dernierJeton(c.db, courriel);
  return enCookie(await auth.handler(new Request(`${URL_TEST}/api/auth/magic-link/verify?token=${jeton}&callbackURL=%2Fcompte`, { headers: entetes })));
}

const idDe = async (courriel: string) => (await c.db.select({ id: utilisateurs.id }).from(utilisateurs).where(eq(utilisateurs.courriel, courriel)))[0]?.id ?? "";

async function structure(nom: string, type: string, operateur: string | null): Promise<string> {
  const [s] = await c.db.insert(structures).values({ nom, type, code_insee: "35238", operateur }).returning({ id: structures.id });
  return s?.id ?? "";
}

beforeAll(async () => {
  c = await baseDeTest();
  const { comptes, config } = comptesDeTest(c.db);
  const context: AppLoadContext = { db: c.db, moteur: c.moteur, referentiel, config, comptes, messagerie: creerMessagerie(c.db, config) };
  cookies.mediatrice = await connecter(context, "mediatrice@exemple.fr", "10.7.0.1");
  cookies.correspondant = await connecter(context, "correspondant@exemple.fr", "10.7.0.2");
  cookies.tiers = await connecter(context, "tiers@exemple.fr", "10.7.0.3");
  const epn = await structure("EPN du Blosne", "association", null);
  const caf = await structure("CAF d'Ille-et-Vilaine", "operateur_public", "caf");
  await c.db.insert(membres_structures).values([
    { structure_id: epn, utilisateur_id: await idDe("mediatrice@exemple.fr"), role: "mediateur" },
    { structure_id: caf, utilisateur_id: await idDe("correspondant@exemple.fr"), role: "prescripteur" },
  ]);
  serveur = await serveurApi(context);
  base = serveur.base;
});
afterAll(async () => {
  await serveur.fermer();
  await c.fermer();
});

const lire = (q: string, cookie?: string) => fetch(`${base}/remontees?${q}`, { headers: cookie ? { Cookie: cookie } : {} });
const poster = (corps: unknown, cookie?: string) => fetch(`${base}/remontees`, { method: "POST", headers: { "Content-Type": "application/json", ...(cookie ? { Cookie: cookie } : {}) }, body: JSON.stringify(corps) });
const CORPS = { operateur: "caf", demarche: "Demande de prime d'activité", theme: "justificatif", description: "Le téléversement du justificatif échoue au-delà de 2 Mo.", personnes_concernees: 4 };

describe("/api/v1/remontees", () => {
  it("401 sans session, en problème JSON, en lecture comme en écriture", async () => {
    const r = await lire("");
    expect(r.status).toBe(401);
    expect(r.headers.get("Content-Type")).toContain("application/problem+json");
    expect((await poster(CORPS)).status).toBe(401);
    expect(await c.db.select().from(remontees)).toEqual([]);
  });

  it("POST : 201 pour une médiatrice, 403 pour un prescripteur, 400 nommant les champs", async () => {
    const r = await poster(CORPS, cookies.mediatrice);
    expect(r.status).toBe(201);
    const corps: unknown = await r.json();
    expect(corps).toMatchObject({ statut: "ouverte", correspondants_prevenus: 1 });
    expect(r.headers.get("Location")).toMatch(/^\/remontees\/[0-9a-f-]{36}$/);
    expect((await poster(CORPS, cookies.correspondant)).status).toBe(403);
    const mauvais = await poster({ ...CORPS, theme: "meteo", description: "Dossier 1234567 bloqué" }, cookies.mediatrice);
    expect(mauvais.status).toBe(400);
    expect(await mauvais.json()).toMatchObject({ erreurs: [{ parametre: "theme" }, { parametre: "description" }] });
    expect((await poster([], cookies.mediatrice)).status).toBe(400);
  });

  it("GET : les chiffres pour tout le monde, la liste pour qui peut lire, jamais l'auteur", async () => {
    const tiers = await lire("", cookies.tiers);
    expect(tiers.status).toBe(200);
    expect(tiers.headers.get("Cache-Control")).toBe("private, no-store");
    const agregat = { operateur: "caf", theme: "justificatif", ouvertes: 1, en_cours: 0, closes: 0, personnes_concernees: 4 };
    expect(await tiers.json()).toEqual({ agregats: [agregat], data: [] });
    for (const cookie of [cookies.mediatrice, cookies.correspondant]) {
      const r: unknown = await (await lire("operateur=caf", cookie)).json();
      expect(r).toMatchObject({ agregats: [agregat], data: [{ operateur: "caf", demarche: CORPS.demarche, description: CORPS.description, personnes_concernees: 4, statut: "ouverte", territoire: { type: "commune", code: "35238", nom: "Rennes" } }] });
      const texte = JSON.stringify(r);
      for (const interdit of ["auteur", "structure", "mediatrice@"]) expect(texte).not.toContain(interdit);
    }
    expect(await (await lire("operateur=cpam", cookies.mediatrice)).json()).toEqual({ agregats: [], data: [] });
    const invalide = await lire("statut=perdue", cookies.mediatrice);
    expect(invalide.status).toBe(400);
    expect(await invalide.json()).toMatchObject({ erreurs: [{ parametre: "statut" }] });
  });
});
