import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENTETE_IP } from "~/comptes/auth.server";
import { comptesDeTest, dernierJeton, FIREFOX } from "~/comptes/test-outils";
import type { Connexion } from "~/platform/db/connexion.server";
import { baseDeTest } from "./aide/base";

/** The session cookie's attributes (decision 008, second layer under the CSRF check): the Set-Cookie of a real sign-in. */
let c: Connexion;
beforeAll(async () => {
  c = await baseDeTest();
});
afterAll(async () => c.fermer());

async function cookieDeSession(urlPublique: string, courriel: string): Promise<string> {
  const { comptes } = comptesDeTest(c.db, { PASSERELLE_URL_PUBLIQUE: urlPublique });
  const entetes = { origin: urlPublique, "user-agent": FIREFOX, [ENTETE_IP]: `192.0.2.${courriel.length}`, "sec-fetch-site": "same-origin" };
  const demande = await comptes.auth.handler(
    new Request(`${urlPublique}/api/auth/sign-in/magic-link`, { method: "POST", headers: { ...entetes, "content-type": "application/json" }, body: JSON.stringify({ email: courriel }) }),
  );
  expect(demande.status).toBe(200);
  const r = await comptes.auth.handler(new Request(`${urlPublique}/api/auth/magic-link/verify?token=${await dernierJeton(c.db, courriel)}&callbackURL=%2Fcompte`, { headers: entetes }));
  expect(r.status).toBe(302);
  const cookie = r.headers.getSetCookie().find((x) => x.includes("passerelle.session_token="));
  if (!cookie) throw new Error("pas de cookie de session");
  return cookie;
}

const attributs = (cookie: string) =>
  cookie
    .split(";")
    .slice(1)
    .map((a) => a.trim().toLowerCase())
    .filter((a) => !a.startsWith("max-age") && !a.startsWith("expires"))
    .sort();

describe("cookie de session", () => {
  it("en https : préfixe __Secure-, Secure, HttpOnly, SameSite=Lax, tout le site", async () => {
    const cookie = await cookieDeSession("https://passerelle.bzh", "https@exemple.fr");
    expect(cookie.startsWith("__Secure-passerelle.session_token=")).toBe(true);
    expect(attributs(cookie)).toEqual(["httponly", "path=/", "samesite=lax", "secure"]);
  });

  it("en http (poste local) : HttpOnly et SameSite=Lax, sans Secure que le navigateur refuserait", async () => {
    const cookie = await cookieDeSession("http://localhost:3000", "http@exemple.fr");
    expect(cookie.startsWith("passerelle.session_token=")).toBe(true);
    expect(attributs(cookie)).toEqual(["httponly", "path=/", "samesite=lax"]);
  });
});
