import { describe, expect, it } from "vitest";
import { codeInsee } from "./code-insee";

describe("codeInsee", () => {
  it("accepts the standard's pattern, Corsica included", () => {
    expect(codeInsee("35238")).toEqual({ ok: true, valeur: "35238" });
    expect(codeInsee("2A004")).toEqual({ ok: true, valeur: "2A004" });
    expect(codeInsee("2b033")).toEqual({ ok: true, valeur: "2B033" });
    expect(codeInsee("97411")).toEqual({ ok: true, valeur: "97411" });
  });

  it("puts back the leading zero of a 4-digit code, with a warning", () => {
    expect(codeInsee("1053")).toMatchObject({ ok: true, valeur: "01053", avertissement: expect.stringMatching(/zéro initial/) });
  });

  it("rejects codes outside the pattern (département 20, 2C, wrong length)", () => {
    for (const brut of ["20004", "2C004", "352380", "352", "ABCDE"]) expect(codeInsee(brut).ok, brut).toBe(false);
  });
});
