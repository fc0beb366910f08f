import path from "node:path";
import { describe, expect, it } from "vitest";
import { lireConfig } from "./config.server";
import { optionsDepuisConfig } from "./db/connexion.server";
import { corpsErreur, ErreurPasserelle, statutHttp } from "./erreurs";

describe("configuration", () => {
  it("sans rien : port 3000, PGlite dans ./data/db, chargement automatique", () => {
    const c = lireConfig({});
    expect(c).toMatchObject({ port: 3000, dossierPglite: path.resolve("data/db"), databaseUrl: undefined, seedAuto: true });
    expect(optionsDepuisConfig(c)).toEqual({ moteur: "pglite", dossier: path.resolve("data/db") });
  });

  it("DATABASE_URL choisit PostgreSQL ; vide, elle est ignorée", () => {
    const url = "postgres://u@127.0.0.1:5432/passerelle";
    expect(optionsDepuisConfig(lireConfig({ DATABASE_URL: url }))).toEqual({ moteur: "postgres", url });
    expect(lireConfig({ DATABASE_URL: "" }).databaseUrl).toBeUndefined();
  });

  it("PASSERELLE_DATA_DIR déplace les données", () => {
    expect(lireConfig({ PASSERELLE_DATA_DIR: "/srv/passerelle" }).dossierPglite).toBe("/srv/passerelle/db");
  });

  it("MAP_STYLE_URL active un fond de carte complet", () => {
    expect(lireConfig({}).styleCarte).toBeUndefined();
    expect(lireConfig({ MAP_STYLE_URL: "https://tuiles.example.fr/style.json" }).styleCarte).toBe("https://tuiles.example.fr/style.json");
    expect(() => lireConfig({ MAP_STYLE_URL: "pas une url" })).toThrow(/MAP_STYLE_URL/);
  });

  it("comptes et courriels : URL publique, secret, SMTP, proxies par défaut", () => {
    const c = lireConfig({ PORT: "4000" });
    expect(c).toMatchObject({
      urlPublique: "http://localhost:4000",
      secret: undefined,
      smtpUrl: undefined,
      expediteur: "Passerelle <ne-pas-repondre@localhost>",
      proxiesDeConfiance: undefined,
      oidc: undefined,
    });
    const d = lireConfig({
      PASSERELLE_URL_PUBLIQUE: "https://passerelle.bzh/",
      PASSERELLE_SECRET: "x".repeat(32),
      SMTP_URL: "smtps://u:p@smtp.exemple.fr:465",
      PASSERELLE_PROXIES_DE_CONFIANCE: "1",
    });
    expect(d).toMatchObject({ urlPublique: "https://passerelle.bzh", secret: "x".repeat(32), smtpUrl: "smtps://u:p@smtp.exemple.fr:465", proxiesDeConfiance: 1 });
    expect(d.expediteur).toBe("Passerelle <ne-pas-repondre@passerelle.bzh>");
    expect(lireConfig({ PASSERELLE_PROXIES_DE_CONFIANCE: "loopback, 10.0.0.1" }).proxiesDeConfiance).toBe("loopback, 10.0.0.1");
    expect(lireConfig({ SMTP_EXPEDITEUR: "Hub <hub@exemple.fr>" }).expediteur).toBe("Hub <hub@exemple.fr>");
    expect(() => lireConfig({ PASSERELLE_SECRET: "court" })).toThrow(/PASSERELLE_SECRET doit compter au moins 32 caractères/);
    expect(() => lireConfig({ PASSERELLE_URL_PUBLIQUE: "https://exemple.fr/passerelle" })).toThrow(/PASSERELLE_URL_PUBLIQUE doit être une origine seule/);
    expect(() => lireConfig({ PASSERELLE_URL_PUBLIQUE: "ftp://exemple.fr" })).toThrow(/PASSERELLE_URL_PUBLIQUE doit être une adresse http/);
    expect(() => lireConfig({ SMTP_URL: "http://smtp" })).toThrow(/SMTP_URL doit commencer par smtp/);
  });

  it("OpenID Connect : configuré entier, avec libellé et scopes par défaut ; à moitié, refusé", () => {
    const oidc = lireConfig({ OIDC_DISCOVERY_URL: "https://idp.exemple.fr/.well-known/openid-configuration", OIDC_CLIENT_ID: "id", OIDC_CLIENT_SECRET: "s" }).oidc;
    expect(oidc).toEqual({
      urlDecouverte: "https://idp.exemple.fr/.well-known/openid-configuration",
      clientId: "id",
      clientSecret: "s",
      libelle: "Se connecter avec ProConnect",
      scopes: ["openid", "email", "given_name", "usual_name"],
    });
    const autre = lireConfig({ OIDC_DISCOVERY_URL: "https://idp.exemple.fr/d", OIDC_CLIENT_ID: "id", OIDC_CLIENT_SECRET: "s", OIDC_LIBELLE: "Se connecter avec Keycloak", OIDC_SCOPES: "openid email profile" }).oidc;
    expect(autre).toMatchObject({ libelle: "Se connecter avec Keycloak", scopes: ["openid", "email", "profile"] });
    expect(() => lireConfig({ OIDC_CLIENT_ID: "id" })).toThrow(/il manque OIDC_DISCOVERY_URL, OIDC_CLIENT_SECRET/);
  });

  it("fraîcheur : 6 mois par défaut, réglable, entier positif exigé", () => {
    expect(lireConfig({}).fraicheurMois).toBe(6);
    expect(lireConfig({ PASSERELLE_FRAICHEUR_MOIS: "" }).fraicheurMois).toBe(6);
    expect(lireConfig({ PASSERELLE_FRAICHEUR_MOIS: "9" }).fraicheurMois).toBe(9);
    expect(() => lireConfig({ PASSERELLE_FRAICHEUR_MOIS: "0" })).toThrow(/PASSERELLE_FRAICHEUR_MOIS doit valoir au moins 1/);
    expect(() => lireConfig({ PASSERELLE_FRAICHEUR_MOIS: "2.5" })).toThrow(/PASSERELLE_FRAICHEUR_MOIS doit être un nombre entier/);
    expect(() => lireConfig({ PASSERELLE_FRAICHEUR_MOIS: "six" })).toThrow(/PASSERELLE_FRAICHEUR_MOIS/);
  });

  it("orientations et conservation : durées en jours par défaut, réglables, bornées", () => {
    expect(lireConfig({}).orientation).toEqual({ lienJours: 8, expirationJours: 30, relanceJours: 3, effacementJours: 90 });
    expect(lireConfig({}).conservation).toEqual({ courrielsJours: 30, journalJours: 365 });
    const c = lireConfig({ PASSERELLE_ORIENTATION_EFFACEMENT_JOURS: "30", PASSERELLE_COURRIELS_JOURS: "7", PASSERELLE_JOURNAL_JOURS: "" });
    expect([c.orientation.effacementJours, c.conservation.courrielsJours, c.conservation.journalJours]).toEqual([30, 7, 365]);
    expect(() => lireConfig({ PASSERELLE_JOURNAL_JOURS: "10" })).toThrow(/PASSERELLE_JOURNAL_JOURS doit valoir au moins 30/);
    expect(() => lireConfig({ PASSERELLE_ORIENTATION_LIEN_JOURS: "1.5" })).toThrow(/PASSERELLE_ORIENTATION_LIEN_JOURS doit être un nombre entier de jours/);
  });

  it("une valeur invalide est refusée en nommant la variable", () => {
    expect(() => lireConfig({ PORT: "quatre-vingt" })).toThrow(/PORT/);
    expect(() => lireConfig({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL doit commencer par postgres/);
  });
});

describe("vocabulaire d'erreurs", () => {
  it("associe chaque code à un statut HTTP et ne divulgue pas les erreurs internes", () => {
    expect(statutHttp(new ErreurPasserelle("introuvable", "x"))).toBe(404);
    expect(statutHttp(new ErreurPasserelle("trop_de_requetes", "x"))).toBe(429);
    expect(statutHttp(new Error("secret"))).toBe(500);
    expect(corpsErreur(new Error("secret")).erreur.message).not.toContain("secret");
    expect(corpsErreur(new ErreurPasserelle("entree_invalide", "Champ faux", [{ champ: "nom", message: "requis" }]))).toEqual({
      erreur: { code: "entree_invalide", message: "Champ faux", details: [{ champ: "nom", message: "requis" }] },
    });
  });
});
