import { describe, expect, it } from "vitest";
import { donneePersonnelle, lireFiltres, lireRemontee, lireReponse, texteRemonteeJson, type TexteRemontee } from "./saisie";

const bon: TexteRemontee = { structure: "", operateur: "caf", demarche: "Actualisation trimestrielle RSA", theme: "connexion", description: "La page reste blanche après FranceConnect.", personnes: "12", territoire: "commune" };

describe("saisie d'une remontée", () => {
  it("une saisie correcte est lue, espaces retirés", () => {
    expect(lireRemontee({ ...bon, demarche: "  Actualisation   trimestrielle RSA ", personnes: "1 200" })).toEqual({
      ok: true,
      valeur: { structureId: null, operateur: "caf", demarche: "Actualisation trimestrielle RSA", theme: "connexion", description: "La page reste blanche après FranceConnect.", personnes: 1200, portee: "commune" },
    });
  });

  it("chaque erreur est rapportée sur son champ, en français", () => {
    const r = lireRemontee({ structure: "", operateur: "banque", demarche: " ", theme: "x", description: "", personnes: "0", territoire: "region" });
    expect(r.ok ? [] : r.erreurs.map((e) => e.champ)).toEqual(["operateur", "demarche", "theme", "description", "personnes", "territoire"]);
    const trop = lireRemontee({ ...bon, description: "a".repeat(3001), personnes: "100001" });
    expect(trop.ok ? [] : trop.erreurs).toEqual([
      { champ: "description", message: "Ce texte ne doit pas dépasser 3000 caractères (il en compte 3001)." },
      { champ: "personnes", message: "Indiquez un nombre de personnes entre 1 et 100 000." },
    ]);
    expect(lireRemontee({ ...bon, personnes: "2,5" }).ok).toBe(false);
  });

  it("les données personnelles évidentes sont refusées : adresse, téléphone, numéro de dossier", () => {
    expect(donneePersonnelle("Écrire à jeanne.dupont@exemple.fr")).toMatch(/adresse électronique/);
    expect(donneePersonnelle("Rappeler au 06 12 34 56 78")).toMatch(/numéro/);
    expect(donneePersonnelle("allocataire 1234567")).toMatch(/numéro/);
    expect(donneePersonnelle("NIR 2 84 05 35 238 012 34")).toMatch(/numéro/);
    // Dates, counts and error codes stay allowed.
    expect(donneePersonnelle("Depuis le 12/03/2026, 10 000 personnes, erreur 500")).toBeNull();
    const r = lireRemontee({ ...bon, description: "Mme Le Goff, n° 1234567, bloquée" });
    expect(r.ok ? [] : r.erreurs.map((e) => e.champ)).toEqual(["description"]);
    expect(lireReponse("Appelez le 02 99 00 00 00")).toMatchObject({ ok: false, erreurs: [{ champ: "reponse" }] });
    expect(lireReponse("  Corrigé le 20 novembre. ")).toEqual({ ok: true, valeur: "Corrigé le 20 novembre." });
    expect(lireReponse(" ")).toMatchObject({ ok: false });
  });

  it("le corps JSON de l'API, nombres compris ; autre chose qu'un objet est refusé", () => {
    expect(texteRemonteeJson({ operateur: "cpam", demarche: "CSS", theme: "delai", description: "x", personnes_concernees: 3, structure_id: "abc" })).toEqual({
      structure: "abc",
      operateur: "cpam",
      demarche: "CSS",
      theme: "delai",
      description: "x",
      personnes: "3",
      territoire: "commune",
    });
    expect(texteRemonteeJson([1])).toBeNull();
    expect(texteRemonteeJson("x")).toBeNull();
  });

  it("filtres de la liste : les valeurs inconnues sont nommées", () => {
    expect(lireFiltres(new URLSearchParams("operateur=caf&statut=close"))).toEqual({ filtres: { operateur: "caf", theme: null, statut: "close" }, erreurs: [] });
    expect(lireFiltres(new URLSearchParams("theme=meteo")).erreurs.map((e) => e.champ)).toEqual(["theme"]);
  });
});
