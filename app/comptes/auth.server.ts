import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { genericOAuth, magicLink } from "better-auth/plugins";
import type { Config } from "~/platform/config.server";
import { journaliser } from "~/platform/audit/journal.server";
import { effacerCourrielsDe } from "~/platform/courriel/boite-envoi.server";
import type { Messagerie } from "~/platform/courriel/messagerie.server";
import type { BaseDeDonnees } from "~/platform/db/connexion.server";
import { libelleAppareil } from "./appareil";
import { identites_externes, limites_requetes, sessions, utilisateurs, verifications } from "./comptes.schema";
import { courrielLienConnexion, type DemandeLien } from "./courriel-connexion";
import { configFournisseurOidc, FOURNISSEUR_OIDC } from "./oidc.server";
import { LIMITE_LIENS, VALIDITE_LIEN_MINUTES } from "./reglages";
import { cheminDeRetour, RETOUR_PAR_DEFAUT } from "./retour";
import { secretDe } from "./secret.server";

/** Set by our Express middleware from `req.ip` (never the client's own header): the rate limits' key. */
export const ENTETE_IP = "x-passerelle-ip";
const JOUR = 24 * 60 * 60;

export interface OptionsComptes {
  /** Where a sign-in link goes; by default a mail. The CLI's `lien-connexion` prints it instead. */
  distribuerLien?: ((demande: DemandeLien) => Promise<void>) | undefined;
}

/**
 * better-auth (decision 006): magic links, the configured OpenID Connect provider, sessions and
 * rate limits in the database under French table names, no password.
 */
function construireAuth(db: BaseDeDonnees, config: Config, messagerie: Messagerie, options: OptionsComptes) {
  const distribuer = options.distribuerLien ?? ((d: DemandeLien) => messagerie.envoyer(courrielLienConnexion(d)));
  return betterAuth({
    appName: "Passerelle",
    baseURL: config.urlPublique,
    basePath: "/api/auth",
    secret: secretDe(config),
    telemetry: { enabled: false },
    logger: { level: "error" },
    database: drizzleAdapter(db, { provider: "pg", schema: { utilisateurs, sessions, identites_externes, verifications, limites_requetes } }),
    advanced: {
      database: { generateId: "uuid" },
      // Session cookie `passerelle.session_token` (nomCookieSession, read by the site header).
      cookiePrefix: "passerelle",
      // Secure (and `__Secure-` prefixed) when the public URL is https; always HttpOnly, SameSite=Lax.
      useSecureCookies: config.urlPublique.startsWith("https://"),
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
      ipAddress: { ipAddressHeaders: [ENTETE_IP] },
      // Origin and cross-site checks on, also under test (better-auth skips them there by default).
      disableOriginCheck: false,
      disableCSRFCheck: false,
    },
    user: {
      modelName: "utilisateurs",
      fields: { name: "nom", email: "courriel", emailVerified: "courriel_verifie", createdAt: "cree_le", updatedAt: "modifie_le" },
      // `input: false`: nobody sets their own role through the API; the CLI does.
      additionalFields: { role: { type: "string", required: false, input: false } },
      deleteUser: {
        enabled: true,
        // Their mails (sign-in links) go with the account.
        afterDelete: async (u) => effacerCourrielsDe(db, u.email),
      },
    },
    session: {
      modelName: "sessions",
      fields: { token: "jeton", userId: "utilisateur_id", expiresAt: "expire_le", ipAddress: "adresse_ip", userAgent: "agent_utilisateur", createdAt: "cree_le", updatedAt: "modifie_le" },
      // A session lasts 30 days from sign-in, like its cookie (pages read it without refreshing the cookie).
      expiresIn: 30 * JOUR,
      disableSessionRefresh: true,
      // Deleting the account asks for a sign-in of the last 24 hours.
      freshAge: JOUR,
    },
    account: {
      modelName: "identites_externes",
      fields: {
        accountId: "id_chez_fournisseur",
        providerId: "fournisseur",
        userId: "utilisateur_id",
        accessToken: "jeton_acces",
        refreshToken: "jeton_rafraichissement",
        idToken: "jeton_identite",
        accessTokenExpiresAt: "jeton_acces_expire_le",
        refreshTokenExpiresAt: "jeton_rafraichissement_expire_le",
        scope: "portee",
        password: "mot_de_passe",
        createdAt: "cree_le",
        updatedAt: "modifie_le",
      },
      encryptOAuthTokens: true,
      // The configured provider's addresses are trusted: signing in with it reaches the account of the same address.
      accountLinking: { enabled: true, trustedProviders: [FOURNISSEUR_OIDC] },
    },
    verification: {
      modelName: "verifications",
      fields: { identifier: "identifiant", value: "valeur", expiresAt: "expire_le", createdAt: "cree_le", updatedAt: "modifie_le" },
    },
    rateLimit: {
      // Also under test (better-auth only enables it in production by default).
      enabled: true,
      storage: "database",
      modelName: "limites_requetes",
      fields: { key: "cle", count: "nombre", lastRequest: "derniere_requete" },
      customRules: { "/sign-in/magic-link": { window: LIMITE_LIENS.fenetreSecondes, max: LIMITE_LIENS.max } },
    },
    databaseHooks: {
      // Minimal personal data: the address is used for rate limits, never stored with the session.
      session: {
        create: {
          before: async (s) => ({ data: { ...s, ipAddress: null } }),
          // Every sign-in (magic link or OIDC) in the audit log: account and session ids only.
          after: async (s) => journaliser(db, { action: "session.ouvrir", utilisateurId: s.userId, objetType: "session", objetId: s.id }),
        },
      },
    },
    plugins: [
      magicLink({
        expiresIn: VALIDITE_LIEN_MINUTES * 60,
        // A stolen database gives no usable link.
        storeToken: "hashed",
        async sendMagicLink({ email, url, token }, ctx) {
          // Our landing page, not better-auth's GET endpoint: mail scanners that open links must not use them up.
          const lien = new URL("/connexion/lien", config.urlPublique);
          lien.searchParams.set("jeton", token);
          const retour = cheminDeRetour(new URL(url).searchParams.get("callbackURL"));
          if (retour !== RETOUR_PAR_DEFAUT) lien.searchParams.set("retour", retour);
          await distribuer({
            destinataire: email.toLowerCase(),
            lien: lien.toString(),
            validiteMinutes: VALIDITE_LIEN_MINUTES,
            demandeLe: new Date(),
            appareil: libelleAppareil(ctx?.request?.headers.get("user-agent")),
          });
        },
      }),
      genericOAuth({ config: config.oidc ? [configFournisseurOidc(config.oidc, config.urlPublique)] : [] }),
    ],
  });
}

export type Auth = ReturnType<typeof construireAuth>;

/** What the rest of Passerelle knows of accounts: created once per process, given to loaders in the context. */
export interface Comptes {
  auth: Auth;
  urlPublique: string;
  /** The OIDC button's text when a provider is configured. */
  oidc: { libelle: string } | undefined;
}

export function creerComptes(db: BaseDeDonnees, config: Config, messagerie: Messagerie, options: OptionsComptes = {}): Comptes {
  return {
    auth: construireAuth(db, config, messagerie, options),
    urlPublique: config.urlPublique,
    oidc: config.oidc ? { libelle: config.oidc.libelle } : undefined,
  };
}
