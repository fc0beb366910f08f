import { describe, expect, it } from "vitest";
import { horaires } from "./horaires";

describe("horaires", () => {
  it("accepts valid OSM opening hours, returned as given (trimmed)", () => {
    const brut = "Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00; PH off";
    expect(horaires(` ${brut} `)).toEqual({ ok: true, valeur: brut });
    expect(horaires("Tu,Th 14:00-17:00; SH off")).toMatchObject({ ok: true });
    expect(horaires('Mo 10:00-12:00 "sur rendez-vous"')).toMatchObject({ ok: true });
  });

  it("rejects what the library could only read by rewriting it, and proposes the corrected form", () => {
    const r = horaires("lundi 9h-12h");
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(/Forme corrigée proposée : « Mo 09:00-12:00 »/);
    expect(horaires("Mo-Fr 9-12").ok).toBe(false);
    expect(horaires("Mo-Fr 09.00-12.00").ok).toBe(false);
  });

  it("rejects what the library cannot parse", () => {
    for (const brut of ["du lundi au vendredi", "Mo-Fr 25:00-26:00", "Fermé"]) {
      const r = horaires(brut);
      expect(r.ok, brut).toBe(false);
      expect(!r.ok && r.message, brut).toMatch(/OpenStreetMap/);
    }
  });

  it("passes on the library's other warnings while keeping the value", () => {
    const r = horaires("Mo-Fr");
    expect(r).toMatchObject({ ok: true, valeur: "Mo-Fr", avertissement: expect.stringMatching(/sélecteur de temps/) });
  });
});
