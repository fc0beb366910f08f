import { describe, expect, it } from "vitest";
import { coordonnee } from "./coordonnees";

describe("coordonnee", () => {
  it("reads decimal degrees, with a point or a comma", () => {
    expect(coordonnee("48.1113", "latitude")).toEqual({ ok: true, valeur: 48.1113 });
    expect(coordonnee("-1,68", "longitude")).toEqual({ ok: true, valeur: -1.68 });
    expect(coordonnee(" 48 ", "latitude")).toEqual({ ok: true, valeur: 48 });
  });

  it("enforces the WGS84 ranges, latitude ±90 and longitude ±180", () => {
    expect(coordonnee("90", "latitude").ok).toBe(true);
    expect(coordonnee("90.1", "latitude").ok).toBe(false);
    expect(coordonnee("-180", "longitude").ok).toBe(true);
    expect(coordonnee("180.5", "longitude").ok).toBe(false);
  });

  it("rejects what is not a plain number", () => {
    for (const brut of ["48°06'N", "NaN", "Infinity", "1e3", "48.1.2", "", "abc"]) {
      expect(coordonnee(brut, "latitude").ok, brut).toBe(false);
    }
  });
});
