import { describe, expect, it } from "vitest";
import { fraicheur, moisDepuis } from "./fraicheur";

describe("fraîcheur d'une date de mise à jour", () => {
  const aujourdhui = new Date("2025-06-15T10:00:00Z");
  it("compte les mois entiers écoulés", () => {
    expect(moisDepuis("2025-06-15", aujourdhui)).toBe(0);
    expect(moisDepuis("2025-05-16", aujourdhui)).toBe(0);
    expect(moisDepuis("2025-05-15", aujourdhui)).toBe(1);
    expect(moisDepuis("2024-06-15", aujourdhui)).toBe(12);
    expect(moisDepuis("2026-01-01", aujourdhui)).toBe(0);
    expect(moisDepuis("pas une date", aujourdhui)).toBe(Number.POSITIVE_INFINITY);
  });
  it("réglé à 12 mois : « à jour » avant 12 mois, « à vérifier » jusqu'à 24, « ancienne » au-delà", () => {
    expect(fraicheur("2024-06-16", aujourdhui, 12)).toBe("a_jour");
    expect(fraicheur("2024-06-15", aujourdhui, 12)).toBe("a_verifier");
    expect(fraicheur("2023-06-16", aujourdhui, 12)).toBe("a_verifier");
    expect(fraicheur("2023-06-15", aujourdhui, 12)).toBe("ancienne");
  });

  it("par défaut (6 mois, comme PASSERELLE_FRAICHEUR_MOIS) : « à vérifier » dès 6 mois, « ancienne » dès 24", () => {
    expect(fraicheur("2024-12-16", aujourdhui)).toBe("a_jour");
    expect(fraicheur("2024-12-15", aujourdhui)).toBe("a_verifier");
    expect(fraicheur("2023-06-16", aujourdhui)).toBe("a_verifier");
    expect(fraicheur("2023-06-15", aujourdhui)).toBe("ancienne");
  });
});
