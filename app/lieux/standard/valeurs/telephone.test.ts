import { describe, expect, it } from "vitest";
import { telephone } from "./telephone";

const valeur = (brut: string): string | undefined => {
  const r = telephone(brut);
  return r.ok ? r.valeur : undefined;
};

describe("telephone", () => {
  it.each([
    "02 96 60 47 87",
    "02.96.60.47.87",
    "02-96-60-47-87",
    "0296604787",
    "02/96/60/47/87",
    "+33 2 96 60 47 87",
    "+33296604787",
    "+33 (0)2 96 60 47 87",
    "+33 02 96 60 47 87",
    "0033 2 96 60 47 87",
    "0033296604787",
    "02\u00a096\u00a060\u00a047\u00a087",
  ])("normalises the national format %j to +33296604787 without warning", (brut) => {
    expect(telephone(brut)).toEqual({ ok: true, valeur: "+33296604787" });
  });

  it("keeps the overseas prefixes of the standard", () => {
    expect(valeur("+590 590 12 34 56")).toBe("+590590123456");
    expect(valeur("+687 12 34 56")).toBe("+687123456");
    expect(valeur("00262 262 12 34 56")).toBe("+262262123456");
  });

  it("gives a national overseas number its own country code, not +33", () => {
    expect(valeur("0590 12 34 56")).toBe("+590590123456");
    expect(valeur("0692 12 34 56")).toBe("+262692123456");
  });

  it("restores a leading zero lost by a spreadsheet, with a warning", () => {
    expect(telephone("296604787")).toMatchObject({ ok: true, valeur: "+33296604787", avertissement: expect.stringMatching(/zéro initial/) });
  });

  it("keeps the first of several numbers, with a warning", () => {
    for (const brut of ["02 96 60 47 87 / 06 12 34 56 78", "02 96 60 47 87 ou 06 12 34 56 78", "0296604787|0612345678", "02 96 60 47 87 06 12 34 56 78"]) {
      const r = telephone(brut);
      expect(r, brut).toMatchObject({ ok: true, valeur: "+33296604787" });
      expect(r.ok && r.avertissement, brut).toMatch(/2 numéros/);
    }
  });

  it("rejects a country code the standard does not list, and numbers of the wrong length", () => {
    for (const brut of ["+32 2 123 45 67", "+44 20 7946 0958", "3949", "02 96 60 47", "02 96 60 47 87 12", "numéro à venir"]) {
      expect(telephone(brut).ok, brut).toBe(false);
    }
    const r = telephone("+32 2 123 45 67");
    expect(!r.ok && r.message).toMatch(/Indicatif/);
  });
});
