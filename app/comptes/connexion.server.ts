import { randomBytes } from "node:crypto";
import { z } from "zod";
import { appelerAuth, codeErreur, cookiesDe } from "./appel-auth.server";
import type { Comptes } from "./auth.server";
import { FOURNISSEUR_OIDC } from "./oidc.server";

/**
 * Sign-in, sign-out and deletion as our pages' actions run them: each calls better-auth's handler
 * on behalf of the incoming request and says what happened in our own terms, with the cookies to set.
 */

export type ResultatDemandeLien =
  | { type: "envoye"; courriel: string }
  | { type: "invalide"; saisie: string }
  | { type: "trop"; saisie: string; minutes: number }
  | { type: "echec"; saisie: string };

const schemaCourriel = z.email();

/**
 * Sends a sign-in link to the address, known or not: the answer is the same either way (no
 * enumeration). Five requests per 15 minutes per client address, then `trop`.
 */
export async function demanderLien(comptes: Comptes, requete: Request, saisie: string, retour: string): Promise<ResultatDemandeLien> {
  const lu = schemaCourriel.safeParse(saisie.trim().toLowerCase());
  if (!lu.success) return { type: "invalide", saisie };
  const r = await appelerAuth(comptes, requete, "/sign-in/magic-link", { corps: { email: lu.data, callbackURL: retour } });
  if (r.status === 429) return { type: "trop", saisie, minutes: minutesAvantNouvelEssai(r) };
  if (!r.ok) return { type: "echec", saisie };
  return { type: "envoye", courriel: lu.data };
}

function minutesAvantNouvelEssai(r: Response): number {
  const secondes = Number(r.headers.get("X-Retry-After"));
  return Number.isFinite(secondes) && secondes > 0 ? Math.ceil(secondes / 60) : 15;
}

export type ResultatVerification = { type: "connecte"; cookies: Headers } | { type: "invalide" } | { type: "trop"; minutes: number };

/** Uses the link's token: a session and its cookie, or `invalide` (unknown, expired or already used). */
export async function verifierLien(comptes: Comptes, requete: Request, jeton: string, retour: string): Promise<ResultatVerification> {
  if (jeton === "") return { type: "invalide" };
  const r = await appelerAuth(comptes, requete, "/magic-link/verify", { query: { token: jeton, callbackURL: retour, errorCallbackURL: "/connexion/lien" } });
  if (r.status === 429) return { type: "trop", minutes: minutesAvantNouvelEssai(r) };
  const vers = r.headers.get("location");
  if (r.status !== 302 || vers === null || new URL(vers, comptes.urlPublique).searchParams.has("error")) return { type: "invalide" };
  return { type: "connecte", cookies: cookiesDe(r) };
}

/** The provider's authorization URL to send the person to, with the state cookie; null when it does not answer. */
export async function commencerOidc(comptes: Comptes, requete: Request, retour: string): Promise<{ url: string; cookies: Headers } | null> {
  const r = await appelerAuth(comptes, requete, "/sign-in/social", {
    corps: { provider: FOURNISSEUR_OIDC, callbackURL: retour, errorCallbackURL: "/connexion?erreur=oidc", disableRedirect: true },
  });
  const corps: unknown = await r.json().catch(() => undefined);
  if (!r.ok || typeof corps !== "object" || corps === null || !("url" in corps) || typeof corps.url !== "string") return null;
  return { url: corps.url, cookies: cookiesDe(r) };
}

/**
 * Ends this device's session. After an OIDC sign-in, better-auth also gives the provider's logout
 * URL (ProConnect ends its own session there, then comes back): `vers` is where to go next.
 */
export async function deconnecter(comptes: Comptes, requete: Request): Promise<{ vers: string; cookies: Headers }> {
  // `state` comes back from the provider untouched; some providers (ProConnect) require one.
  const r = await appelerAuth(comptes, requete, "/sign-out", { corps: { state: randomBytes(16).toString("hex") } });
  const corps: unknown = await r.json().catch(() => undefined);
  const fournisseur = typeof corps === "object" && corps !== null && "url" in corps && typeof corps.url === "string" ? corps.url : undefined;
  return { vers: fournisseur ?? "/", cookies: cookiesDe(r) };
}

/** Ends every session of the account, this one included. */
export async function deconnecterPartout(comptes: Comptes, requete: Request): Promise<Headers> {
  const r = await appelerAuth(comptes, requete, "/revoke-sessions", { corps: {} });
  if (!r.ok) throw new Error(`better-auth /revoke-sessions : ${r.status}`);
  return cookiesDe(r);
}

export type ResultatSuppression = { type: "supprime"; cookies: Headers } | { type: "reconnexion" };

/** Deletes the account, its sessions, linked identities and mails; asks for a fresh sign-in after 24 hours. */
export async function supprimerCompte(comptes: Comptes, requete: Request): Promise<ResultatSuppression> {
  const r = await appelerAuth(comptes, requete, "/delete-user", { corps: {} });
  if (r.ok) return { type: "supprime", cookies: cookiesDe(r) };
  const code = await codeErreur(r);
  if (code === "SESSION_EXPIRED") return { type: "reconnexion" };
  throw new Error(`better-auth /delete-user : ${r.status} ${code ?? ""}`);
}
