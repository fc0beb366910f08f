import { FRAICHEUR_MOIS_PAR_DEFAUT } from "~/lieux/fiche/fraicheur";
import { REGLAGES_PAR_DEFAUT, type ReglagesOrientation } from "~/orientation/suivi/vocabulaire";
import { CONSERVATION_PAR_DEFAUT, type ReglagesConservation } from "./taches/conservation";
import { z } from "zod";
import path from "node:path";
import { ErreurPasserelle } from "./erreurs";

/** An empty variable means "not set" (as shells and .env files often leave it). */
const facultatif = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema.optional());

/** A whole number of days between min and max, named in every message. */
function jours(nom: string, min: number, max: number) {
  return facultatif(z.coerce.number({ message: `${nom} doit être un nombre de jours` }).int(`${nom} doit être un nombre entier de jours`).min(min, `${nom} doit valoir au moins ${min}`).max(max, `${nom} doit valoir au plus ${max}`));
}

/** Environment variables, validated once at start-up. */
const schemaEnv = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  PASSERELLE_DATA_DIR: z.string().min(1).default("./data"),
  // An empty variable means "not set" (as shells and .env files often leave it).
  DATABASE_URL: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.string().regex(/^postgres(ql)?:\/\//, "DATABASE_URL doit commencer par postgres:// ou postgresql://").optional(),
  ),
  PASSERELLE_SEED: z.enum(["auto", "non"]).default("auto"),
  MAP_STYLE_URL: z.preprocess((v) => (v === "" ? undefined : v), z.url({ message: "MAP_STYLE_URL doit être une URL" }).optional()),
  // Accounts (app/comptes) and mail (app/platform/courriel).
  PASSERELLE_SECRET: facultatif(z.string().min(32, "PASSERELLE_SECRET doit compter au moins 32 caractères")),
  PASSERELLE_URL_PUBLIQUE: facultatif(
    z
      .url({ protocol: /^https?$/, message: "PASSERELLE_URL_PUBLIQUE doit être une adresse http:// ou https://" })
      .refine((u) => !URL.canParse(u) || (new URL(u).pathname === "/" && new URL(u).search === ""), "PASSERELLE_URL_PUBLIQUE doit être une origine seule, sans chemin (https://passerelle.exemple.fr)"),
  ),
  PASSERELLE_PROXIES_DE_CONFIANCE: facultatif(z.string()),
  SMTP_URL: facultatif(z.string().regex(/^smtps?:\/\/[^/]/, "SMTP_URL doit commencer par smtp:// ou smtps://")),
  SMTP_EXPEDITEUR: facultatif(z.string()),
  OIDC_DISCOVERY_URL: facultatif(z.url({ protocol: /^https?$/, message: "OIDC_DISCOVERY_URL doit être une URL" })),
  OIDC_CLIENT_ID: facultatif(z.string()),
  OIDC_CLIENT_SECRET: facultatif(z.string()),
  OIDC_LIBELLE: facultatif(z.string()),
  OIDC_SCOPES: facultatif(z.string()),
  // Months without a confirmed update before a place is « à vérifier » and its owners are reminded.
  PASSERELLE_FRAICHEUR_MOIS: facultatif(z.coerce.number({ message: "PASSERELLE_FRAICHEUR_MOIS doit être un nombre de mois" }).int("PASSERELLE_FRAICHEUR_MOIS doit être un nombre entier de mois").min(1, "PASSERELLE_FRAICHEUR_MOIS doit valoir au moins 1").max(60, "PASSERELLE_FRAICHEUR_MOIS doit valoir au plus 60")),
  // Tracked referrals (decision 011): signed link validity, expiry, reminders, erasure of contact details, in days.
  PASSERELLE_ORIENTATION_LIEN_JOURS: jours("PASSERELLE_ORIENTATION_LIEN_JOURS", 1, 60),
  PASSERELLE_ORIENTATION_EXPIRATION_JOURS: jours("PASSERELLE_ORIENTATION_EXPIRATION_JOURS", 1, 365),
  PASSERELLE_ORIENTATION_RELANCE_JOURS: jours("PASSERELLE_ORIENTATION_RELANCE_JOURS", 1, 60),
  PASSERELLE_ORIENTATION_EFFACEMENT_JOURS: jours("PASSERELLE_ORIENTATION_EFFACEMENT_JOURS", 1, 730),
  // Retention (decision 014): mails written (outbox and history) and audit entries, in days.
  PASSERELLE_COURRIELS_JOURS: jours("PASSERELLE_COURRIELS_JOURS", 1, 3650),
  PASSERELLE_JOURNAL_JOURS: jours("PASSERELLE_JOURNAL_JOURS", 30, 3650),
});

/** The OpenID Connect provider (ProConnect or any other) when one is configured. */
export interface ConfigOidc {
  urlDecouverte: string;
  clientId: string;
  clientSecret: string;
  /** Text of the sign-in button. */
  libelle: string;
  scopes: string[];
}

export interface Config {
  port: number;
  host: string;
  dossierDonnees: string;
  /** Where PGlite keeps its files when no DATABASE_URL is given. */
  dossierPglite: string;
  databaseUrl: string | undefined;
  /** Load the Bretagne data on the first start of an empty database. */
  seedAuto: boolean;
  /** A MapLibre style for a full base map; without it the map shows the shipped boundaries only (offline). */
  styleCarte: string | undefined;
  /** Signs session cookies; when absent, one is generated and kept in `<dossierDonnees>/secret`. */
  secret: string | undefined;
  /** The origin people reach Passerelle at (links in mails, cookies' `Secure`, OIDC redirect). */
  urlPublique: string;
  /** Express's `trust proxy` (reverse proxies whose X-Forwarded-For gives the client's address). */
  proxiesDeConfiance: string | number | undefined;
  /** `smtp://…` or `smtps://…`; without it every mail stays in the outbox, read in /admin/courriels. */
  smtpUrl: string | undefined;
  expediteur: string;
  oidc: ConfigOidc | undefined;
  /** Months after which a place's information is « à vérifier » and its owners get a reminder. */
  fraicheurMois: number;
  /** Tracked referrals: signed links, expiry, reminders and erasure delays, in days. */
  orientation: ReglagesOrientation;
  /** How long mails and audit entries are kept, in days (the daily purge). */
  conservation: ReglagesConservation;
}

export function lireConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const resultat = schemaEnv.safeParse(env);
  if (!resultat.success) {
    const details = resultat.error.issues.map((i) => `${i.path.join(".")} : ${i.message}`).join("\n");
    throw new ErreurPasserelle("entree_invalide", `Configuration invalide :\n${details}`);
  }
  const e = resultat.data;
  const dossierDonnees = path.resolve(e.PASSERELLE_DATA_DIR);
  const urlPublique = new URL(e.PASSERELLE_URL_PUBLIQUE ?? `http://localhost:${e.PORT}`).origin;
  const proxies = e.PASSERELLE_PROXIES_DE_CONFIANCE;
  return {
    port: e.PORT,
    host: e.HOST,
    dossierDonnees,
    dossierPglite: path.join(dossierDonnees, "db"),
    databaseUrl: e.DATABASE_URL,
    seedAuto: e.PASSERELLE_SEED === "auto",
    styleCarte: e.MAP_STYLE_URL,
    secret: e.PASSERELLE_SECRET,
    urlPublique,
    proxiesDeConfiance: proxies !== undefined && /^\d+$/.test(proxies) ? Number(proxies) : proxies,
    smtpUrl: e.SMTP_URL,
    expediteur: e.SMTP_EXPEDITEUR ?? `Passerelle <ne-pas-repondre@${new URL(urlPublique).hostname}>`,
    oidc: configOidc(e),
    fraicheurMois: e.PASSERELLE_FRAICHEUR_MOIS ?? FRAICHEUR_MOIS_PAR_DEFAUT,
    orientation: {
      lienJours: e.PASSERELLE_ORIENTATION_LIEN_JOURS ?? REGLAGES_PAR_DEFAUT.lienJours,
      expirationJours: e.PASSERELLE_ORIENTATION_EXPIRATION_JOURS ?? REGLAGES_PAR_DEFAUT.expirationJours,
      relanceJours: e.PASSERELLE_ORIENTATION_RELANCE_JOURS ?? REGLAGES_PAR_DEFAUT.relanceJours,
      effacementJours: e.PASSERELLE_ORIENTATION_EFFACEMENT_JOURS ?? REGLAGES_PAR_DEFAUT.effacementJours,
    },
    conservation: {
      courrielsJours: e.PASSERELLE_COURRIELS_JOURS ?? CONSERVATION_PAR_DEFAUT.courrielsJours,
      journalJours: e.PASSERELLE_JOURNAL_JOURS ?? CONSERVATION_PAR_DEFAUT.journalJours,
    },
  };
}

/** All of discovery URL, client id and secret, or none: half a configuration is refused by name. */
function configOidc(e: z.infer<typeof schemaEnv>): ConfigOidc | undefined {
  const { OIDC_DISCOVERY_URL: urlDecouverte, OIDC_CLIENT_ID: clientId, OIDC_CLIENT_SECRET: clientSecret } = e;
  if (urlDecouverte === undefined && clientId === undefined && clientSecret === undefined) return undefined;
  if (urlDecouverte === undefined || clientId === undefined || clientSecret === undefined) {
    const manquantes = [["OIDC_DISCOVERY_URL", urlDecouverte], ["OIDC_CLIENT_ID", clientId], ["OIDC_CLIENT_SECRET", clientSecret]].filter(([, v]) => v === undefined).map(([n]) => n);
    throw new ErreurPasserelle("entree_invalide", `Configuration invalide :\nOpenID Connect à moitié configuré, il manque ${manquantes.join(", ")}`);
  }
  return {
    urlDecouverte,
    clientId,
    clientSecret,
    libelle: e.OIDC_LIBELLE ?? "Se connecter avec ProConnect",
    scopes: (e.OIDC_SCOPES ?? "openid email given_name usual_name").split(/[\s,]+/).filter((s) => s !== ""),
  };
}
