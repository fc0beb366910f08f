import { describe, expect, it } from "vitest";
import { moyennePonderee } from "./offre";
import { distanceKm, indexProximite, type Point } from "./proximite";

// Radius of earthdistance: 3958.747 miles = 6370.986 km, so 1° of a great circle = 111.1947 km.
const KM_PAR_DEGRE = (3958.747 * 1.609344 * Math.PI) / 180;

describe("distances", () => {
  it("un écart de latitude sur un méridien, un degré de longitude à l'équateur", () => {
    expect(distanceKm({ latitude: 48.1, longitude: -1.7 }, { latitude: 48.3, longitude: -1.7 })).toBeCloseTo(0.2 * KM_PAR_DEGRE, 5);
    expect(0.2 * KM_PAR_DEGRE).toBeCloseTo(22.2389, 4);
    expect(distanceKm({ latitude: 0, longitude: 0 }, { latitude: 0, longitude: 1 })).toBeCloseTo(111.1947, 4);
    expect(distanceKm({ latitude: 48, longitude: -3 }, { latitude: 48, longitude: -3 })).toBe(0);
  });

  it("le plus proche par la grille est celui de la recherche exhaustive", () => {
    // A fixed pseudo-random set (no Math.random: the same points every run).
    let graine = 42;
    const hasard = () => ((graine = (graine * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const points = Array.from({ length: 800 }, (_, k) => ({ latitude: 47.3 + hasard() * 1.6, longitude: -5.1 + hasard() * 3.9, k }));
    const plusProche = indexProximite(points);
    const requetes: Point[] = [
      ...Array.from({ length: 200 }, () => ({ latitude: 47 + hasard() * 2.2, longitude: -5.5 + hasard() * 4.6 })),
      { latitude: 43.6, longitude: 1.44 }, // far outside the points: the rings must go all the way
    ];
    for (const q of requetes) {
      const attendu = Math.min(...points.map((p) => distanceKm(q, p)));
      expect(plusProche(q)?.km).toBeCloseTo(attendu, 9);
    }
  });

  it("des lieux groupés au même point (les positions approchées d'une commune) : le premier de la liste", () => {
    // 100 places each at the points of Rennes, Brest and Vannes, interleaved.
    const latitudes = [48.11593, 48.39, 47.6582];
    const longitudes = [-1.68844, -4.4861, -2.7608];
    const points = Array.from({ length: 300 }, (_, k) => ({ latitude: latitudes[k % 3] ?? 0, longitude: longitudes[k % 3] ?? 0, k }));
    const plusProche = indexProximite(points);
    expect(plusProche({ latitude: 48.2, longitude: -1.7 })?.element.k).toBe(0);
    expect(plusProche({ latitude: 48.4, longitude: -4.4 })?.element.k).toBe(1);
    expect(plusProche({ latitude: 47.6582, longitude: -2.7608 })).toEqual({ element: points[2], km: 0 });
  });

  it("ensemble vide : null ; ex æquo : le premier de la liste", () => {
    expect(indexProximite([])({ latitude: 48, longitude: -3 })).toBeNull();
    const a = { latitude: 48.2, longitude: -3, nom: "a" };
    const b = { latitude: 48.2, longitude: -3, nom: "b" };
    expect(indexProximite([a, b])({ latitude: 48, longitude: -3 })?.element.nom).toBe("a");
    expect(indexProximite([b, a])({ latitude: 48, longitude: -3 })?.element.nom).toBe("b");
  });

  it("moyenne pondérée par la population et maximum des communes", () => {
    // (10 × 100 + 20 × 300) / 400 = 17.5
    expect(
      moyennePonderee([
        { km: 10, population: 100 },
        { km: 20, population: 300 },
        { km: null, population: 1000 },
      ]),
    ).toEqual({ moyenne: 17.5, max: 20 });
    expect(moyennePonderee([{ km: null, population: 5 }])).toEqual({ moyenne: null, max: null });
  });
});
