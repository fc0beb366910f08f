import { describe, expect, it } from "vitest";
import { normaliserNom } from "./normaliser";

describe("normaliserNom", () => {
  it("gives the same key for the usual spellings of a name", () => {
    for (const s of ["Saint-Brieuc", "saint-brieuc", "ST BRIEUC", "St-Brieuc", "St. Brieuc", "  Saint  Brieuc "]) {
      expect(normaliserNom(s)).toBe("saint brieuc");
    }
    expect(normaliserNom("STE-ANNE-D'AURAY")).toBe("sainte anne d auray");
    expect(normaliserNom("Sainte-Anne-d’Auray")).toBe("sainte anne d auray");
  });

  it("strips accents and ligatures", () => {
    expect(normaliserNom("Pacé")).toBe("pace");
    expect(normaliserNom("Île-de-Bréhat")).toBe("ile de brehat");
    expect(normaliserNom("Plœuc-L'Hermitage")).toBe("ploeuc l hermitage");
    expect(normaliserNom("HŒDIC")).toBe("hoedic");
  });

  it("reads the Breton c'h as one letter", () => {
    expect(normaliserNom("Tourc'h")).toBe(normaliserNom("Tourch"));
    expect(normaliserNom("Pont-de-Buis-lès-Quimerc’h")).toBe("pont de buis les quimerch");
  });

  it("only expands st/ste as whole words", () => {
    expect(normaliserNom("Stival")).toBe("stival");
    expect(normaliserNom("Plestan")).toBe("plestan");
    expect(normaliserNom("")).toBe("");
  });
});
