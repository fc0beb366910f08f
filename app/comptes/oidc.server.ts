import type { GenericOAuthConfig } from "better-auth/plugins/generic-oauth";
import { createRemoteJWKSet, jwtVerify } from "jose";
import { z } from "zod";
import type { ConfigOidc } from "~/platform/config.server";

/** The provider's id in better-auth: the redirect URI to register is `<URL publique>/api/auth/callback/oidc`. */
export const FOURNISSEUR_OIDC = "oidc";

const schemaDecouverte = z.object({ issuer: z.string(), userinfo_endpoint: z.url(), jwks_uri: z.url() });

const schemaProfil = z.object({
  sub: z.string().min(1),
  email: z.email(),
  email_verified: z.union([z.boolean(), z.string()]).optional(),
  name: z.string().optional(),
  given_name: z.string().optional(),
  // ProConnect's family name; other providers say family_name.
  usual_name: z.string().optional(),
  family_name: z.string().optional(),
});

/**
 * The generic OAuth/OIDC plugin's configuration for the configured provider. The user's claims
 * come from the userinfo endpoint, which ProConnect answers as a signed JWT (`application/jwt`):
 * better-auth's default reader only takes JSON, so this reads both, checking the JWT's signature
 * against the provider's keys. Redirect URIs to register with the provider: `<URL publique>/api/auth/callback/oidc`
 * (sign-in) and `<URL publique>/` (after sign-out).
 */
export function configFournisseurOidc(c: ConfigOidc, urlPublique: string): GenericOAuthConfig {
  let decouverte: Promise<z.infer<typeof schemaDecouverte>> | undefined;
  const lireDecouverte = () => {
    decouverte ??= fetch(c.urlDecouverte, { signal: AbortSignal.timeout(10_000) })
      .then(async (r) => schemaDecouverte.parse(await r.json()))
      .catch((e: unknown) => {
        decouverte = undefined;
        throw e;
      });
    return decouverte;
  };
  let cles: ReturnType<typeof createRemoteJWKSet> | undefined;

  return {
    providerId: FOURNISSEUR_OIDC,
    name: c.libelle,
    discoveryUrl: c.urlDecouverte,
    clientId: c.clientId,
    clientSecret: c.clientSecret,
    scopes: c.scopes,
    pkce: true,
    requireIdTokenVerification: true,
    // Signing out of Passerelle also ends the provider's session, then comes back to the home page
    // (to register with the provider, as the redirect URI).
    postLogoutRedirectURI: `${urlPublique}/`,
    async getUserInfo(jetons) {
      if (!jetons.accessToken) return null;
      const d = await lireDecouverte();
      const r = await fetch(d.userinfo_endpoint, { headers: { Authorization: `Bearer ${jetons.accessToken}` }, signal: AbortSignal.timeout(10_000) });
      if (!r.ok) return null;
      let brut: unknown;
      if ((r.headers.get("content-type") ?? "").includes("application/jwt")) {
        cles ??= createRemoteJWKSet(new URL(d.jwks_uri));
        brut = (await jwtVerify(await r.text(), cles, { issuer: d.issuer, audience: c.clientId })).payload;
      } else brut = await r.json();
      const lu = schemaProfil.safeParse(brut);
      if (!lu.success) return null;
      const p = lu.data;
      const nom = p.name ?? [p.given_name, p.usual_name ?? p.family_name].filter((x) => x !== undefined && x !== "").join(" ");
      // The configured provider vouches for its addresses (ProConnect's are professional ones it
      // checked and it sends no email_verified); an explicit "false" is respected (decision 006).
      const verifie = p.email_verified === undefined ? true : p.email_verified === true || p.email_verified === "true";
      return { id: p.sub, sub: p.sub, email: p.email.toLowerCase(), emailVerified: verifie, name: nom };
    },
  };
}
