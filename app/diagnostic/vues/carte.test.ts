import type { Polygon } from "geojson";
import { describe, expect, it } from "vitest";
import { construireCarte } from "./carte";
import { cartesDiagnostic } from "./cartes.server";
import { COMMUNES_EXEMPLE, RAPPORT_EXEMPLE } from "./exemple.test-outils";
import { choisirIndicateur, servicesDe } from "./indicateurs-carte";
import { ajusterProjection, cheminSvg, emprise, simplifier } from "./projection";

const carre = (x: number, y: number, cote = 1): Polygon => ({
  type: "Polygon",
  coordinates: [
    [
      [x, y],
      [x + cote, y],
      [x + cote, y + cote],
      [x, y + cote],
      [x, y],
    ],
  ],
});

describe("projection", () => {
  it("fits the extent to the width, scaled by cos(latitude), north up", () => {
    // 2° of longitude by 1° of latitude at 60°N: cos 60° = 0.5, so the shape is as wide as high.
    const p = ajusterProjection([0, 59.5, 2, 60.5], 104, 2);
    expect(p.largeur).toBe(104);
    expect(p.hauteur).toBe(104);
    const [x0, y0] = p.projeter([0, 60.5]);
    const [x1, y1] = p.projeter([2, 59.5]);
    expect([x0, y0]).toEqual([2, 2]);
    expect(x1).toBeCloseTo(102, 0);
    expect(y1).toBeCloseTo(102, 0);
  });

  it("draws relative, rounded paths and drops repeated points", () => {
    const p = ajusterProjection([0, 0, 10, 10], 10, 0);
    // Two points round to the same place: one is dropped; the closing point becomes "z".
    const poly = [
      [
        [0, 0],
        [5, 0],
        [5.01, 0.01],
        [5, 5],
        [0, 5],
        [0, 0],
      ],
    ];
    expect(cheminSvg([poly], p)).toBe("M0 10l5 0 0-5-5 0z");
    // A ring that collapses once rounded draws nothing.
    expect(cheminSvg([[[[0, 0], [0.01, 0], [0.01, 0.01], [0, 0]]]], p)).toBe("");
  });

  it("simplifies points closer to the line than the tolerance", () => {
    expect(
      simplifier(
        [
          [0, 0],
          [5, 0.2],
          [10, 0],
          [10, 10],
        ],
        0.5,
      ),
    ).toEqual([
      [0, 0],
      [10, 0],
      [10, 10],
    ]);
  });

  it("measures the extent of polygons only", () => {
    expect(emprise([carre(1, 2), carre(3, 4, 2), { type: "Point", coordinates: [50, 50] }])).toEqual([1, 2, 5, 6]);
    expect(emprise([])).toBeNull();
  });
});

describe("construireCarte", () => {
  const indicateur = choisirIndicateur("ifn_total", servicesDe(RAPPORT_EXEMPLE));
  const formes = COMMUNES_EXEMPLE.map((l, i) => ({ code: l.code, nom: l.nom, geometrie: carre(i, 0) }));

  it("classes the shapes, titles them, and counts the legend", () => {
    const carte = construireCarte({ id: "c", titre: "T", unites: "communes", tableau: "Les communes", formes, lignes: COMMUNES_EXEMPLE, indicateur });
    expect(carte).not.toBeNull();
    if (!carte) return;
    // Bangor 6.1, Le Palais 5.2, Locmaria 6.4, Sauzon unknown: three values, three classes.
    expect(carte.formes.map((f) => [f.nom, f.classe])).toEqual([
      ["Bangor", 1],
      ["Le Palais", 0],
      ["Locmaria", 2],
      ["Sauzon", null],
    ]);
    expect(carte.formes[0]?.titre).toBe("Bangor : 6,1\u00a0/\u00a010");
    expect(carte.formes[3]?.titre).toBe("Sauzon : donnée inconnue");
    expect(carte.legende.map((e) => [e.libelle, e.nombre])).toEqual([
      ["de 5,2\u00a0/\u00a010 à 6,1\u00a0/\u00a010", 1],
      ["de 6,1\u00a0/\u00a010 à 6,4\u00a0/\u00a010", 1],
      ["6,4\u00a0/\u00a010", 1],
      ["Donnée inconnue", 1],
    ]);
    expect(carte.legende[3]?.couleur).toBeNull();
    expect(carte.resume).toBe(
      "Carte : Indice de fragilité numérique (score de 0 à 10), pour 4 communes (1 sans donnée, 3 connues). Le tableau « Les communes » donne les mêmes chiffres.",
    );
    // 4 squares side by side, 1° each near the equator (cos 0.5° ≈ 1): about 4 times as wide as high, 4 units of margin.
    expect(carte.largeur).toBe(1000);
    expect(carte.hauteur).toBe(Math.ceil(992 / (4 * Math.cos((0.5 * Math.PI) / 180)) + 8));
  });

  it("has no map without shapes", () => {
    expect(construireCarte({ id: "c", titre: "T", unites: "communes", tableau: "x", formes: [], lignes: COMMUNES_EXEMPLE, indicateur })).toBeNull();
  });
});

describe("cartesDiagnostic, sur les contours livrés", () => {
  it("maps the EPCI's 4 communes", () => {
    const cartes = cartesDiagnostic(RAPPORT_EXEMPLE, choisirIndicateur(null, servicesDe(RAPPORT_EXEMPLE)));
    expect(cartes.map((c) => c.id)).toEqual(["carte-communes"]);
    expect(cartes[0]?.formes.map((f) => f.code).sort()).toEqual(["56009", "56114", "56152", "56241"]);
    expect(cartes[0]?.formes.every((f) => /^M\d+ \d+l/.test(f.d))).toBe(true);
  });

  it("outlines a commune among those of its EPCI", () => {
    const commune = { ...RAPPORT_EXEMPLE, type: "commune" as const, code: "56152", nom: "Le Palais", communes: [COMMUNES_EXEMPLE[1]!] };
    const [carte] = cartesDiagnostic(commune, choisirIndicateur("lieux_pour_10000", servicesDe(commune)));
    expect(carte?.formes).toHaveLength(4);
    expect(carte?.contours).toHaveLength(1);
    expect(carte?.contours[0]?.accent).toBe(true);
    expect(carte?.resume).toContain("Le Palais entourée");
    expect(carte?.resume).toContain("« Comparaison des communes : besoin, offre et écart »");
  });

  it("maps a region's 1,202 communes and 61 EPCIs in well under 300 KB of SVG paths", async () => {
    const { chargerReferentiel } = await import("~/territoire/referentiel.server");
    const r = chargerReferentiel();
    const ligne = COMMUNES_EXEMPLE[0]!;
    const region = {
      ...RAPPORT_EXEMPLE,
      type: "region" as const,
      code: "53",
      nom: "Bretagne",
      communes: r.communes().map((c, i) => ({ ...ligne, code: c.code, nom: c.nom, ifn_total: (i % 97) / 10 })),
      comparaison: { niveau: "epci" as const, criteres: [], lignes: r.epcis().map((e, i) => ({ ...ligne, type: "epci" as const, code: e.code, nom: e.nom, ifn_total: i / 10 })) },
    };
    const cartes = cartesDiagnostic(region, choisirIndicateur(null, servicesDe(region)));
    expect(cartes.map((c) => [c.id, c.formes.length])).toEqual([
      ["carte-communes", 1202],
      ["carte-epci", 61],
    ]);
    // The four départements drawn over the communes to help reading.
    expect(cartes[0]?.contours).toHaveLength(4);
    const octets = cartes.reduce((s, c) => s + c.formes.reduce((t, f) => t + f.d.length + f.titre.length, 0) + c.contours.reduce((t, f) => t + f.d.length, 0), 0);
    expect(octets).toBeLessThan(200_000);
  });
});
