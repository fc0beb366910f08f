import { describe, expect, it } from "vitest";
import type { LigneDiagnostic } from "../types";
import { comparer, rangsNormalises, type Pair } from "./ecarts";

function pair(nom: string, x: { fragilite?: number; exposition?: number; ifn?: number; densite: number; distance: number }): Pair {
  const ligne: LigneDiagnostic = {
    type: "epci",
    code: nom,
    nom,
    population: 10_000,
    fragilite_taux: x.fragilite ?? null,
    exposition_taux: x.exposition ?? null,
    ifn_total: x.ifn ?? null,
    lieux: 0,
    lieux_pour_10000: x.densite,
    distance_moyenne_km: x.distance,
    distances_km: {},
    score_besoin: null,
    score_offre: null,
    ecart: null,
    rang: null,
  };
  return { ligne, densite: x.densite, distance: x.distance, sources: { fragilite: "INSEE, recensement de la population 2021", exposition: null, ifn: "IFN, 2023" } };
}

describe("rangs normalisés", () => {
  it("de 0 à 1, les ex æquo partagent leur rang moyen, une seule valeur au milieu", () => {
    expect(rangsNormalises([30, 10, 20, 40])).toEqual([2 / 3, 0, 1 / 3, 1]);
    expect(rangsNormalises([1, 2, 2, 0.5])).toEqual([1 / 3, 2.5 / 3, 2.5 / 3, 0]);
    expect(rangsNormalises([7])).toEqual([0.5]);
  });
});

describe("écarts entre besoin et offre", () => {
  it("classement sur un petit cas calculé à la main", () => {
    // Need (fragility): D 0.10 < B 0.20 < A 0.30 < C 0.40 → 0, 1/3, 2/3, 1.
    // Density: C 0.5 < A 1 < B = D 2 → 0, 1/3, 2.5/3, 2.5/3. Nearness: C 10 km < A 5 < B 2 < D 1 → 0, 1/3, 2/3, 1.
    // Offer: A (1/3 + 1/3) / 2 = 0.333; B (0.833 + 0.667) / 2 = 0.75; C 0; D (0.833 + 1) / 2 = 0.917.
    const { lignes, criteres } = comparer(
      [
        pair("A", { fragilite: 0.3, densite: 1, distance: 5 }),
        pair("B", { fragilite: 0.2, densite: 2, distance: 2 }),
        pair("C", { fragilite: 0.4, densite: 0.5, distance: 10 }),
        pair("D", { fragilite: 0.1, densite: 2, distance: 1 }),
      ],
      "les 4 EPCI de l'exemple",
    );
    expect(lignes.map((l) => [l.nom, l.rang, l.score_besoin, l.score_offre, l.ecart])).toEqual([
      ["C", 1, 1, 0, 1],
      ["A", 2, 0.667, 0.333, 0.333],
      ["B", 3, 0.333, 0.75, -0.417],
      ["D", 4, 0, 0.917, -0.917],
    ]);
    expect(criteres[0]).toBe("Territoires comparés : les 4 EPCI de l'exemple.");
    expect(criteres[1]).toMatch(/^Besoin : le taux de fragilité socio-numérique .* Source : INSEE, recensement de la population 2021\.$/);
  });

  it("sans fragilité ni exposition pour tous : l'IFN ; un territoire sans valeur n'a pas de score et vient en dernier", () => {
    const { lignes, criteres } = comparer(
      [
        pair("Sans IFN", { fragilite: 0.5, densite: 0, distance: 30 }),
        pair("Fort", { ifn: 7, densite: 1, distance: 3 }),
        pair("Faible", { fragilite: 0.2, ifn: 4, densite: 3, distance: 1 }),
      ],
      "trois EPCI",
    );
    expect(lignes.map((l) => [l.nom, l.rang, l.score_besoin, l.score_offre, l.ecart])).toEqual([
      ["Fort", 1, 1, 0, 1],
      ["Faible", 2, 0, 1, -1],
      ["Sans IFN", null, null, null, null],
    ]);
    expect(criteres[1]).toBe(
      "Besoin : ni la fragilité socio-numérique (connue pour 2 sur 3) ni l'exposition aux exigences numériques (connue pour aucun des 3) ne sont connues pour tous les territoires comparés ; le besoin retenu est donc le score global publié de l'indice de fragilité numérique (IFN, de 0 à 10), classé de 0 (le plus faible) à 1 (le plus fort) parmi les territoires comparés. Source : IFN, 2023.",
    );
    expect(criteres[2]).toBe("Sans valeur de besoin, ce territoire n'a pas de score et est placé en fin de liste : Sans IFN.");
  });

  it("l'exposition quand la fragilité manque pour un territoire", () => {
    const { lignes, criteres } = comparer(
      [pair("X", { fragilite: 0.5, exposition: 0.1, densite: 1, distance: 1 }), pair("Y", { exposition: 0.3, densite: 1, distance: 1 })],
      "deux EPCI",
    );
    expect(lignes.map((l) => [l.nom, l.score_besoin, l.score_offre])).toEqual([
      ["Y", 1, 0.5],
      ["X", 0, 0.5],
    ]);
    expect(criteres[1]).toMatch(/^Besoin : la fragilité socio-numérique n'est pas connue pour tous les territoires comparés \(connue pour 1 sur 2\) ; le besoin retenu est donc le taux d'exposition/);
  });
});
