import type { Polygon } from "geojson";
import { describe, expect, it } from "vitest";
import { RAPPORT_EXEMPLE } from "../vues/exemple.test-outils";
import { colonnesExport, nomFichier } from "./colonnes-export";
import { BOM, csvCommunes } from "./csv";
import { geojsonCommunes } from "./geojson";

describe("export CSV", () => {
  const csv = csvCommunes(RAPPORT_EXEMPLE);
  const lignes = csv.slice(BOM.length).split("\r\n");

  it("starts with a UTF-8 BOM and a French header, `;` separated", () => {
    expect(csv.startsWith(BOM)).toBe(true);
    expect(lignes[0]?.split(";")).toEqual([
      "Code INSEE",
      "Commune",
      "Population (habitants)",
      "Fragilité socio-numérique (% de la population)",
      "Exposition aux exigences numériques (% de la population)",
      "Indice de fragilité numérique, score global (sur 10)",
      "Lieux de médiation numérique",
      "Lieux pour 10 000 habitants",
      "Distance au lieu le plus proche, tous services (km)",
      "Distance au lieu le plus proche : Faire une démarche en ligne (km)",
      "Distance au lieu le plus proche : Utiliser un ordinateur, un téléphone, internet (km)",
      "Distance au lieu le plus proche : Utiliser un ordinateur ou internet sur place (km)",
      "Besoin parmi les communes (de 0 à 1)",
      "Offre parmi les communes (de 0 à 1)",
      "Écart besoin − offre (de −1 à 1)",
      "Rang de l'écart (1 = le plus grand)",
    ]);
  });

  it("writes one row per commune, decimal commas, percentages, empty cells for unknown values", () => {
    expect(lignes).toHaveLength(6);
    expect(lignes[5]).toBe("");
    expect(lignes[1]).toBe("56009;Bangor;994;45;;6,1;0;0;5,2;5,2;5,2;5,2;0,8;0,1;0,7;2");
    expect(lignes[2]).toBe("56152;Le Palais;2599;38;12;5,2;5;19,2;0;0;0;0;0;1;-1;3");
    expect(lignes[4]).toBe("56241;Sauzon;1036;41;;;1;9,7;0;0;0;;;0,5;;");
  });

  it("quotes a cell holding the separator and defuses formulas", () => {
    const r = { ...RAPPORT_EXEMPLE, communes: [{ ...RAPPORT_EXEMPLE.communes[0]!, nom: 'Saint-"Test"; =1+1' }, { ...RAPPORT_EXEMPLE.communes[0]!, nom: "=HYPERLINK()" }] };
    const l = csvCommunes(r).split("\r\n");
    expect(l[1]?.startsWith('56009;"Saint-""Test""; =1+1";994;')).toBe(true);
    expect(l[2]?.split(";")[1]).toBe("'=HYPERLINK()");
  });

  it("names the file after the territory, in ASCII", () => {
    expect(nomFichier(RAPPORT_EXEMPLE, "csv")).toBe("diagnostic-epci-245600465-cc-de-belle-ile-en-mer.csv");
    expect(nomFichier({ type: "departement", code: "22", nom: "Côtes-d'Armor" }, "geojson")).toBe("diagnostic-departement-22-cotes-d-armor.geojson");
  });
});

describe("export GeoJSON", () => {
  const carre: Polygon = {
    type: "Polygon",
    coordinates: [
      [
        [-3.1234567, 47.1],
        [-3.1, 47.1],
        [-3.1, 47.2],
        [-3.1234567, 47.1],
      ],
    ],
  };

  it("gives each commune its boundary (5 decimals) and the CSV's numbers, shares kept between 0 and 1", () => {
    const g = geojsonCommunes(RAPPORT_EXEMPLE, new Map([["56009", carre]]));
    expect(g.features).toHaveLength(4);
    const bangor = g.features[0];
    expect(bangor?.id).toBe("56009");
    expect(bangor?.geometry).toEqual({ ...carre, coordinates: [[[-3.12346, 47.1], [-3.1, 47.1], [-3.1, 47.2], [-3.12346, 47.1]]] });
    expect(bangor?.properties).toEqual({
      code: "56009",
      nom: "Bangor",
      population: 994,
      fragilite_taux: 0.45,
      exposition_taux: null,
      ifn_total: 6.1,
      lieux: 0,
      lieux_pour_10000: 0,
      distance_moyenne_km: 5.2,
      distance_aide_aux_demarches_administratives_km: 5.2,
      distance_maitrise_des_outils_numeriques_du_quotidien_km: 5.2,
      distance_acces_internet_et_materiel_informatique_km: 5.2,
      score_besoin: 0.8,
      score_offre: 0.1,
      ecart: 0.7,
      rang: 2,
    });
    // No shape: the row stays, with a null geometry.
    expect(g.features[1]?.geometry).toBeNull();
    expect(Object.keys(g.features[1]?.properties ?? {})).toEqual(colonnesExport(RAPPORT_EXEMPLE).map((c) => c.cle));
  });
});
