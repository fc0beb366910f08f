import { describe, expect, it } from "vitest";
import { chargerReferentiel } from "./referentiel.server";

const r = chargerReferentiel();
const codes = (nom: string, limite?: number) => r.rechercherCommunes(nom, limite).map((c) => c.code);

describe("rechercherCommunes", () => {
  it("ignores case, accents, hyphens and Saint/St", () => {
    for (const nom of ["saint-brieuc", "ST BRIEUC", "Saint Brieuc", "St-Brieuc"]) expect(codes(nom)[0]).toBe("22278");
  });

  it("puts exact matches before prefix matches, then larger communes first", () => {
    const quimper = r.rechercherCommunes("quimper").map((c) => c.nom);
    expect(quimper.slice(0, 2)).toEqual(["Quimper", "Quimperlé"]);
    const saint = r.rechercherCommunes("saint", 5).map((c) => c.population);
    expect(saint).toEqual([...saint].sort((a, b) => b - a));
    expect(codes("saint", 5)[0]).toBe("35288"); // Saint-Malo, the largest "Saint-…"
  });

  it("finds a commune nouvelle through a commune déléguée name", () => {
    expect(codes("Collinée")[0]).toBe("22046");
    expect(codes("Lamballe")[0]).toBe("22093");
  });

  it("honours the limit and ignores empty queries", () => {
    expect(codes("plou", 3)).toHaveLength(3);
    expect(codes("  - ")).toEqual([]);
    expect(codes("Paris")).toEqual([]);
  });
});

describe("resoudreCommune", () => {
  it("resolves names as written in the source files", () => {
    expect(r.resoudreCommune("35136", "ST JACQUES DE LA LANDE")?.code).toBe("35281");
    expect(r.resoudreCommune("35740", "PACE")?.code).toBe("35210");
    expect(r.resoudreCommune("22600", "Loudeac")?.code).toBe("22136");
    expect(r.resoudreCommune("29510", "BRIEC")?.code).toBe("29020");
    expect(r.resoudreCommune("29140", "Tourc'h")?.code).toBe("29281");
    expect(r.resoudreCommune("35000", "RENNES CEDEX")?.code).toBe("35238");
    expect(r.resoudreCommune("22270", "Jugon-les-Lacs - Commune nouvelle")?.code).toBe("22084");
  });

  it("picks the commune among those sharing a postal code", () => {
    expect(r.resoudreCommune("22600", "La Motte")?.code).toBe("22155");
    expect(r.resoudreCommune("22600", "Ville inconnue")).toBeUndefined();
  });

  it("maps a commune déléguée to its commune nouvelle", () => {
    expect(r.resoudreCommune("22330", "Collinée")?.code).toBe("22046");
    expect(r.resoudreCommune("35410", "OSSE")?.code).toBe("35069");
    expect(r.resoudreCommune(undefined, "Saint-Aubin-du-Pavail")?.code).toBe("35069");
  });

  it("accepts a name without its article", () => {
    expect(r.resoudreCommune("56320", "Faouët")?.code).toBe("56057");
    expect(r.resoudreCommune("56320", "FAOUET (LE)")?.code).toBe("56057");
  });

  it("falls back on the only commune of a postal code", () => {
    expect(r.resoudreCommune("35740", undefined)?.code).toBe("35210");
    expect(r.resoudreCommune("35740", "Pacé-Centre")?.code).toBe("35210");
  });

  it("uses the name alone only when it is unique", () => {
    expect(r.resoudreCommune(undefined, "Loudéac")?.code).toBe("22136");
    expect(r.resoudreCommune("", "Plouhinec")).toBeUndefined(); // 29197 and 56169
    expect(r.resoudreCommune("29780", "Plouhinec")?.code).toBe("29197");
    expect(r.resoudreCommune(undefined, "Faouët")).toBeUndefined(); // Le Faouët, 22 and 56
    expect(r.resoudreCommune("29830", "Saint-Brieuc")).toBeUndefined(); // postal code of another département
    expect(r.resoudreCommune("35031", "Rennes")?.code).toBe("35238"); // CEDEX postal code
    expect(r.resoudreCommune(undefined, undefined)).toBeUndefined();
  });
});
