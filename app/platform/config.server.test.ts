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
