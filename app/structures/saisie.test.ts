import { describe, expect, it } from "vitest";
import { chargerReferentiel } from "~/territoire/referentiel.server";
import { lireSiret, lireStructure, trouverCommune } from "./saisie";

const referentiel = chargerReferentiel();
const texte = { nom: "Espace numérique", type: "association", siret: "", adresse: "", commune: "Rennes", reseau: "", operateur: "" };

describe("saisie d'une structure", () => {
  it("SIRET : espaces retirés, clé de Luhn vérifiée, exception de La Poste", () => {
    expect(lireSiret("130 026 032 00016")).toEqual({ ok: true, siret: "13002603200016" });
    expect(lireSiret("")).toEqual({ ok: true, siret: null });
    expect(lireSiret("13002603200017")).toMatchObject({ ok: false });
    expect(lireSiret("1300260320001")).toMatchObject({ ok: false });
    expect(lireSiret("00000000000000")).toMatchObject({ ok: false });
    // La Poste: digits sum to a multiple of 5, Luhn fails.
    expect(lireSiret("35600000000048")).toEqual({ ok: true, siret: "35600000000048" });
  });

  it("commune par nom, code INSEE, code postal unique ou « Nom (code) »", () => {
    expect(trouverCommune("saint-brieuc", referentiel)?.code).toBe("22278");
    expect(trouverCommune("35238", referentiel)?.code).toBe("35238");
    expect(trouverCommune("Brest (29019)", referentiel)?.code).toBe("29019");
    expect(trouverCommune("Paris", referentiel)).toBeUndefined();
  });

  it("chaque erreur est rapportée sur son champ", () => {
    const r = lireStructure({ nom: " ", type: "banque", siret: "123", adresse: "", commune: "Paris", reseau: "", operateur: "" }, referentiel);
    expect(r.ok ? [] : r.erreurs.map((e) => e.champ)).toEqual(["nom", "type", "siret", "commune"]);
    expect(lireStructure(texte, referentiel)).toEqual({ ok: true, valeur: { nom: "Espace numérique", type: "association", siret: null, adresse: "", code_insee: "35238", reseau: "", operateur: null } });
  });

  it("l'opérateur est exigé pour un opérateur public, et ignoré pour les autres types", () => {
    const sans = lireStructure({ ...texte, type: "operateur_public" }, referentiel);
    expect(sans.ok ? [] : sans.erreurs.map((e) => e.champ)).toEqual(["operateur"]);
    const inconnu = lireStructure({ ...texte, type: "operateur_public", operateur: "banque" }, referentiel);
    expect(inconnu.ok ? [] : inconnu.erreurs.map((e) => e.champ)).toEqual(["operateur"]);
    expect(lireStructure({ ...texte, type: "operateur_public", operateur: "caf" }, referentiel)).toMatchObject({ ok: true, valeur: { type: "operateur_public", operateur: "caf" } });
    // Chosen then the type changed: an association is no operator's correspondent.
    expect(lireStructure({ ...texte, operateur: "caf" }, referentiel)).toMatchObject({ ok: true, valeur: { type: "association", operateur: null } });
  });
});
