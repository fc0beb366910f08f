import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { courriels } from "~/platform/courriel/courriels.schema";
import type { Connexion } from "~/platform/db/connexion.server";
import { baseDeTest } from "../../test/aide/base";
import type { Comptes } from "./auth.server";
import { sessions, utilisateurs } from "./comptes.schema";
import { porteCookieSession } from "./cookie-session.server";
import { comptesDeTest, dernierJeton, enCookie, entetesNavigateur, URL_TEST } from "./test-outils";

let c: Connexion;
let comptes: Comptes;

beforeAll(async () => {
  c = await baseDeTest();
  comptes = comptesDeTest(c.db).comptes;
});
afterAll(async () => c.fermer());

const demanderLien = (courriel: string, ip: string) =>
  comptes.auth.handler(
    new Request(`${URL_TEST}/api/auth/sign-in/magic-link`, {
      method: "POST",
      headers: { ...entetesNavigateur(ip), "content-type": "application/json" },
      body: JSON.stringify({ email: courriel, callbackURL: "/compte" }),
    }),
  );

const verifier = (jeton: string, ip: string) =>
  comptes.auth.handler(new Request(`${URL_TEST}/api/auth/magic-link/verify?token=${jeton}&callbackURL=%2Fcompte`, { headers: entetesNavigateur(ip) }));

describe("lien de connexion (better-auth)", () => {
  it("le lien du courriel ouvre une session en base, avec un cookie HttpOnly SameSite=Lax", async () => {
    const r = await demanderLien("agent@exemple.fr", "198.51.100.1");
    expect(r.status).toBe(200);
    const v = await verifier(await dernierJeton(c.db, "agent@exemple.fr"), "198.51.100.1");
    expect(v.status).toBe(302);
    expect(v.headers.get("location")).toBe(`${URL_TEST}/compte`);
    const cookie = v.headers.getSetCookie().find((x) => x.startsWith("passerelle.session_token="));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i);
    const s = await comptes.auth.api.getSession({ headers: new Headers({ cookie: enCookie(v) }) });
    expect(s?.user.email).toBe("agent@exemple.fr");
    const [u] = await c.db.select().from(utilisateurs).where(eq(utilisateurs.courriel, "agent@exemple.fr"));
    expect(u).toMatchObject({ courriel_verifie: true, role: null, nom: "" });
    const [ligne] = await c.db.select().from(sessions).where(eq(sessions.utilisateur_id, u?.id ?? ""));
    expect(ligne).toMatchObject({ adresse_ip: null, agent_utilisateur: expect.stringContaining("Firefox") });
  });

  it("un lien ne sert qu'une fois", async () => {
    await demanderLien("deux-fois@exemple.fr", "198.51.100.2");
    const jeton = await dernierJeton(c.db, "deux-fois@exemple.fr");
    expect((await verifier(jeton, "198.51.100.2")).headers.get("location")).toBe(`${URL_TEST}/compte`);
    const encore = await verifier(jeton, "198.51.100.2");
    expect(encore.headers.get("location")).toContain("error=INVALID_TOKEN");
    expect(encore.headers.getSetCookie().some((x) => x.startsWith("passerelle.session_token=") && !x.startsWith("passerelle.session_token=;"))).toBe(false);
  });

  it("au 6e lien demandé en 15 minutes depuis une même adresse IP : 429 ; une autre adresse IP n'est pas gênée", async () => {
    const statuts = [];
    for (let i = 0; i < 6; i++) statuts.push((await demanderLien(`limite${i}@exemple.fr`, "192.0.2.10")).status);
    expect(statuts).toEqual([200, 200, 200, 200, 200, 429]);
    expect((await demanderLien("autre@exemple.fr", "192.0.2.11")).status).toBe(200);
    const [n] = await c.db.select({ n: count() }).from(courriels).where(eq(courriels.destinataire, "limite5@exemple.fr"));
    expect(n?.n).toBe(0);
  });

  it("sur une URL publique https : cookie Secure au nom préfixé __Secure-, reconnu par l'en-tête du site", async () => {
    const https = comptesDeTest(c.db, { PASSERELLE_URL_PUBLIQUE: "https://passerelle.test" });
    const entetes = { ...entetesNavigateur("198.51.100.99"), origin: "https://passerelle.test", "content-type": "application/json" };
    const demande = await https.comptes.auth.handler(
      new Request("https://passerelle.test/api/auth/sign-in/magic-link", { method: "POST", headers: entetes, body: JSON.stringify({ email: "securise@exemple.fr", callbackURL: "/compte" }) }),
    );
    expect(demande.status).toBe(200);
    const jeton = await dernierJeton(c.db, "securise@exemple.fr");
    const v = await https.comptes.auth.handler(new Request(`https://passerelle.test/api/auth/magic-link/verify?token=${jeton}&callbackURL=%2Fcompte`, { headers: entetes }));
    const cookie = v.headers.getSetCookie().find((x) => x.startsWith("__Secure-passerelle.session_token="));
    expect(cookie).toMatch(/; Secure/i);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const requete = new Request("https://passerelle.test/", { headers: { cookie: enCookie(v) } });
    expect(porteCookieSession(requete, https.config)).toBe(true);
    expect(porteCookieSession(requete, comptesDeTest(c.db).config)).toBe(false);
  });
});
