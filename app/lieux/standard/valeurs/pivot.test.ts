import { describe, expect, it } from "vitest";
import { pivot } from "./pivot";

describe("pivot", () => {
  it("accepts a SIRET whose Luhn key is right, without warning", () => {
    expect(pivot("43493312300029")).toEqual({ ok: true, valeur: "43493312300029" });
  });

  it("accepts La Poste's head office, which passes Luhn", () => {
    expect(pivot("35600000000048")).toEqual({ ok: true, valeur: "35600000000048" });
  });

  it("accepts a La Poste establishment failing Luhn when its digits sum to a multiple of 5", () => {
    expect(pivot("35600000049837")).toEqual({ ok: true, valeur: "35600000049837" });
  });

  it("keeps a La Poste SIRET failing both rules, with a warning", () => {
    const r = pivot("35600000000002");
    expect(r.ok && r.avertissement).toMatch(/clé de contrôle/);
  });

  it("keeps a SIRET failing its checksum, with a warning", () => {
    const r = pivot("43493312300028");
    expect(r).toMatchObject({ ok: true, valeur: "43493312300028" });
    expect(r.ok && r.avertissement).toMatch(/Luhn/);
  });

  it("keeps the 00000000000000 placeholder, with a warning", () => {
    const r = pivot("00000000000000");
    expect(r).toMatchObject({ ok: true, valeur: "00000000000000" });
    expect(r.ok && r.avertissement).toMatch(/n'identifie aucun établissement/);
  });

  it("removes spaces and the float formatting of spreadsheets", () => {
    expect(pivot("434 933 123 00029")).toEqual({ ok: true, valeur: "43493312300029" });
    expect(pivot("13002603200016.0")).toEqual({ ok: true, valeur: "13002603200016" });
  });

  it("accepts an RNA number (W + 9 characters), upper-cased", () => {
    expect(pivot("W751234567")).toEqual({ ok: true, valeur: "W751234567" });
    expect(pivot("w9M1000001")).toEqual({ ok: true, valeur: "W9M1000001" });
  });

  it("keeps a SIREN or another identifier the standard's pattern admits, with a warning", () => {
    expect(pivot("434933123")).toMatchObject({ ok: true, valeur: "434933123", avertissement: expect.stringMatching(/SIREN/) });
    expect(pivot("1234567001")).toMatchObject({ ok: true, avertissement: expect.stringMatching(/RIDET/) });
  });

  it("rejects what the pattern ^[a-zA-Z0-9]{9,14}$ refuses", () => {
    for (const mauvais of ["1234", "434-933-123-00029", "123456789012345", "SIRET inconnu", ""]) {
      expect(pivot(mauvais).ok, mauvais).toBe(false);
    }
    const r = pivot("1234");
    expect(!r.ok && r.message).toMatch(/attendu un SIRET à 14 chiffres/);
  });
});
