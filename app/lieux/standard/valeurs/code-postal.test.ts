import { describe, expect, it } from "vitest";
import { codePostal } from "./code-postal";

describe("codePostal", () => {
  it("accepts 5 digits, spaces removed", () => {
    expect(codePostal("35000")).toEqual({ ok: true, valeur: "35000" });
    expect(codePostal("35 000")).toEqual({ ok: true, valeur: "35000" });
  });

  it("puts back the leading zero of a 4-digit code, with a warning", () => {
    expect(codePostal("1000")).toMatchObject({ ok: true, valeur: "01000", avertissement: expect.stringMatching(/zéro initial/) });
  });

  it("rejects anything else", () => {
    for (const brut of ["350", "350000", "35OOO", "00000", "Rennes"]) expect(codePostal(brut).ok, brut).toBe(false);
    const r = codePostal("350");
    expect(!r.ok && r.message).toMatch(/5 chiffres/);
  });
});
