import { describe, expect, it } from "vitest";
import { texte } from "./texte";

describe("texte", () => {
  it("trims, collapses whitespace and straightens typographic apostrophes, silently", () => {
    expect(texte("  Espace  public\u00a0numérique\tde l’Aulne ")).toEqual({ ok: true, valeur: "Espace public numérique de l'Aulne" });
  });

  it("keeps paragraphs only in multi-line mode", () => {
    expect(texte("Ligne 1\r\n\r\n\r\nLigne  2", { multiligne: true })).toEqual({ ok: true, valeur: "Ligne 1\n\nLigne 2" });
    expect(texte("Ligne 1\nLigne 2")).toEqual({ ok: true, valeur: "Ligne 1 Ligne 2" });
  });

  it("refuses an empty text", () => {
    expect(texte("   ").ok).toBe(false);
  });

  it("cuts a text over the limit at a word boundary, ends it with … and warns", () => {
    const long = "Accompagnement numérique pour tous ".repeat(10);
    const r = texte(long, { longueurMax: 280 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(Array.from(r.valeur).length).toBeLessThanOrEqual(280);
    expect(r.valeur.endsWith("…")).toBe(true);
    expect(long.startsWith(r.valeur.slice(0, -1))).toBe(true);
    expect(long.charAt(r.valeur.length - 1)).toBe(" ");
    expect(r.avertissement).toMatch(/280/);
  });

  it("counts characters, not UTF-16 units, and leaves a text at the limit alone", () => {
    const juste = "é".repeat(279) + "😀";
    expect(texte(juste, { longueurMax: 280 })).toEqual({ ok: true, valeur: juste });
  });
});
