import { eq } from "drizzle-orm";
import http from "node:http";
import type { AddressInfo } from "node:net";
import Provider, { type ClientMetadata } from "oidc-provider";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Connexion } from "~/platform/db/connexion.server";
import { baseDeTest } from "../../test/aide/base";
import { identites_externes, utilisateurs } from "./comptes.schema";
import { commencerOidc, deconnecter } from "./connexion.server";
import type { Comptes } from "./auth.server";
import { comptesDeTest, dernierJeton, enCookie, entetesNavigateur, URL_TEST } from "./test-outils";

/**
 * A real OpenID Connect provider (oidc-provider) on a random local port, with two clients: one that
 * answers userinfo in JSON, one in a signed JWT as ProConnect does. The authorization code flow runs
 * end to end: Passerelle's button, the provider's login and consent (answered at once here), the
 * callback, the session.
 */
let c: Connexion;
let serveur: http.Server;
let fournisseur: Provider | undefined;
let emetteur: string;
/** The person who "logs in" at the provider in the next interaction. */
let compteIdp = "agent-1";
/** Access tokens the provider issued (opaque: their value is their id). */
const jetonsEmis: string[] = [];
const COMPTES_IDP: Record<string, Record<string, string>> = {
  "agent-1": { email: "Camille.Martin@interieur.gouv.fr", given_name: "Camille", usual_name: "Martin" },
  "agent-2": { email: "dominique.le-goff@finistere.fr", given_name: "Dominique", usual_name: "Le Goff" },
};

beforeAll(async () => {
  c = await baseDeTest();
  serveur = http.createServer((req, res) => {
    if (!fournisseur) return void res.writeHead(503).end();
    if (req.url?.startsWith("/interaction/")) return void repondreInteraction(fournisseur, req, res).catch(() => res.writeHead(500).end());
    void fournisseur.callback()(req, res);
  });
  await new Promise<void>((ok) => serveur.listen(0, "127.0.0.1", ok));
  const adresse = serveur.address();
  emetteur = `http://127.0.0.1:${typeof adresse === "object" && adresse !== null ? (adresse satisfies AddressInfo).port : 0}`;
  const client = (id: string, jwt: boolean): ClientMetadata => ({
    client_id: id,
    client_secret: `secret-${id}`,
    redirect_uris: [`${URL_TEST}/api/auth/callback/oidc`],
    post_logout_redirect_uris: [`${URL_TEST}/`],
    token_endpoint_auth_method: "client_secret_basic",
    ...(jwt ? { userinfo_signed_response_alg: "RS256" } : {}),
  });
  fournisseur = new Provider(emetteur, {
    clients: [client("passerelle-json", false), client("passerelle-jwt", true)],
    cookies: { keys: ["cle-de-test-du-fournisseur"] },
    ttl: { Session: 3600, Grant: 3600, AccessToken: 3600, IdToken: 3600, Interaction: 600, AuthorizationCode: 60 },
    claims: { openid: ["sub"], email: ["email", "email_verified"], given_name: ["given_name"], usual_name: ["usual_name"] },
    features: { devInteractions: { enabled: false }, jwtUserinfo: { enabled: true }, rpInitiatedLogout: { enabled: true } },
    async findAccount(_ctx, id) {
      return { accountId: id, claims: async () => ({ sub: id, ...COMPTES_IDP[id] }) };
    },
  });
  fournisseur.on("access_token.saved", (t) => jetonsEmis.push(t.jti));
}, 60_000);
afterAll(async () => {
  serveur.closeAllConnections();
  await new Promise<void>((ok) => serveur.close(() => ok()));
  await c.fermer();
});

/** Login with the current test account, then consent to everything asked. */
async function repondreInteraction(f: Provider, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const details = await f.interactionDetails(req, res);
  if (details.prompt.name === "login") return f.interactionFinished(req, res, { login: { accountId: compteIdp } }, { mergeWithLastSubmission: false });
  const grant = new f.Grant({ accountId: details.session?.accountId ?? compteIdp, clientId: String(details.params.client_id) });
  grant.addOIDCScope(String(details.params.scope));
  return f.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
}

function passerelle(clientId: string): Comptes {
  return comptesDeTest(c.db, { OIDC_DISCOVERY_URL: `${emetteur}/.well-known/openid-configuration`, OIDC_CLIENT_ID: clientId, OIDC_CLIENT_SECRET: `secret-${clientId}` }).comptes;
}

/** The browser's trip: Passerelle's button, the provider's redirects (with its cookies), back to Passerelle's callback. */
async function connexionOidc(comptes: Comptes, ip: string): Promise<{ vers: string | null; cookie: string }> {
  const depart = await commencerOidc(comptes, new Request(`${URL_TEST}/connexion`, { method: "POST", headers: entetesNavigateur(ip) }), "/compte");
  if (!depart) throw new Error("Le fournisseur n'a pas répondu");
  const cookiesPasserelle = [...depart.cookies.getSetCookie()].map((x) => x.split(";")[0]).join("; ");
  const bocal = new Map<string, string>();
  let url = depart.url;
  while (url.startsWith(emetteur)) {
    const r = await fetch(url, { redirect: "manual", headers: { cookie: [...bocal].map(([k, v]) => `${k}=${v}`).join("; ") } });
    for (const sc of r.headers.getSetCookie()) {
      const [paire] = sc.split(";");
      const [nom, ...valeur] = (paire ?? "").split("=");
      if (nom) bocal.set(nom, valeur.join("="));
    }
    const suivant = r.headers.get("location");
    if (!suivant) throw new Error(`Le fournisseur s'est arrêté : ${r.status} ${await r.text()}`);
    url = new URL(suivant, url).toString();
  }
  const retour = await comptes.auth.handler(new Request(url, { headers: { ...entetesNavigateur(ip), cookie: cookiesPasserelle } }));
  return { vers: retour.headers.get("location"), cookie: enCookie(retour) };
}

describe("OpenID Connect (ProConnect ou autre fournisseur configuré)", () => {
  it("première connexion : compte créé avec le nom et l'adresse du fournisseur (userinfo JSON)", async () => {
    const comptes = passerelle("passerelle-json");
    compteIdp = "agent-1";
    const { vers, cookie } = await connexionOidc(comptes, "192.0.2.50");
    expect(vers).toBe("/compte");
    const s = await comptes.auth.api.getSession({ headers: new Headers({ cookie }) });
    expect(s?.user).toMatchObject({ email: "camille.martin@interieur.gouv.fr", name: "Camille Martin", emailVerified: true });
    const [identite] = await c.db.select().from(identites_externes).where(eq(identites_externes.utilisateur_id, s?.user.id ?? ""));
    expect(identite).toMatchObject({ fournisseur: "oidc", id_chez_fournisseur: "agent-1" });
    // The provider's access token is kept encrypted (the ID token stays readable: it is the logout hint).
    expect(jetonsEmis.length).toBeGreaterThan(0);
    expect(identite?.jeton_acces).toEqual(expect.any(String));
    for (const jeton of jetonsEmis) expect(identite?.jeton_acces).not.toContain(jeton);
  });

  it("userinfo en JWT signé (comme ProConnect) ; relie le compte existant de la même adresse", async () => {
    const comptes = passerelle("passerelle-jwt");
    // Dominique first signed in with a mailed link.
    await comptes.auth.handler(
      new Request(`${URL_TEST}/api/auth/sign-in/magic-link`, {
        method: "POST",
        headers: { ...entetesNavigateur("192.0.2.51"), "content-type": "application/json" },
        body: JSON.stringify({ email: "dominique.le-goff@finistere.fr", callbackURL: "/compte" }),
      }),
    );
    await comptes.auth.handler(new Request(`${URL_TEST}/api/auth/magic-link/verify?token=${await dernierJeton(c.db, "dominique.le-goff@finistere.fr")}&callbackURL=%2Fcompte`, { headers: entetesNavigateur("192.0.2.51") }));
    const [avant] = await c.db.select().from(utilisateurs).where(eq(utilisateurs.courriel, "dominique.le-goff@finistere.fr"));
    compteIdp = "agent-2";
    const { vers, cookie } = await connexionOidc(comptes, "192.0.2.52");
    expect(vers).toBe("/compte");
    const s = await comptes.auth.api.getSession({ headers: new Headers({ cookie }) });
    expect(s?.user.id).toBe(avant?.id);
    expect(await c.db.select({ id: utilisateurs.id }).from(utilisateurs).where(eq(utilisateurs.courriel, "dominique.le-goff@finistere.fr"))).toHaveLength(1);
  });

  it("se déconnecter après une connexion OIDC mène aussi à la déconnexion chez le fournisseur", async () => {
    const comptes = passerelle("passerelle-json");
    compteIdp = "agent-1";
    const { cookie } = await connexionOidc(comptes, "192.0.2.53");
    const { vers } = await deconnecter(comptes, new Request(`${URL_TEST}/deconnexion`, { method: "POST", headers: entetesNavigateur("192.0.2.53", cookie) }));
    expect(vers.startsWith(`${emetteur}/session/end`)).toBe(true);
    expect(new URL(vers).searchParams.get("id_token_hint")).toMatch(/^eyJ/);
    expect(new URL(vers).searchParams.get("post_logout_redirect_uri")).toBe(`${URL_TEST}/`);
    expect(new URL(vers).searchParams.get("state")).toMatch(/^[0-9a-f]{32}$/);
    // The provider accepts them: its logout confirmation page, not an error.
    const fin = await fetch(vers, { redirect: "manual" });
    expect(fin.status).toBe(200);
    expect(await fin.text()).toContain("logout");
    expect(await comptes.auth.api.getSession({ headers: new Headers({ cookie }) })).toBeNull();
  });
});
