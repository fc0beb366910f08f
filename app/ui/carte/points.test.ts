import { describe, expect, it } from "vitest";
import { BORNES_BRETAGNE, cadrage, libelleGroupe, libellePoint, lirePoints, PROCHES_CADRES, tailleGroupe, urlPoints, versGeoJson, type PointLieu } from "./points";
import { styleHorsLigne, URL_FRONTIERES } from "./style";

const point = (id: string, longitude: number, latitude: number, positionApprochee = false): PointLieu => ({
  id,
  nom: `Lieu ${id}`,
  commune: "Brest",
  longitude,
  latitude,
  positionApprochee,
  surRendezVous: false,
});

describe("urlPoints", () => {
  it("sends the page's criteria to the GeoJSON API, repeated values included", () => {
    expect(urlPoints("commune=29019&services=Prendre%20en%20main%20un%20smartphone%20ou%20une%20tablette&services=Créer%20avec%20le%20numérique")).toBe(
      "/api/v1/lieux.geojson?commune=29019&services=Prendre+en+main+un+smartphone+ou+une+tablette&services=Cr%C3%A9er+avec+le+num%C3%A9rique",
    );
    expect(urlPoints("?lat=48.39&lon=-4.49&rayon_km=10")).toBe("/api/v1/lieux.geojson?lat=48.39&lon=-4.49&rayon_km=10");
  });

  it("drops the list's pagination: the map shows every match", () => {
    expect(urlPoints("commune=29019&page=3&par_page=50")).toBe("/api/v1/lieux.geojson?commune=29019");
    expect(urlPoints("")).toBe("/api/v1/lieux.geojson");
    expect(urlPoints("?page=2")).toBe("/api/v1/lieux.geojson");
  });
});

describe("lirePoints", () => {
  it("reads the API's features and skips malformed ones", () => {
    const points = lirePoints({
      type: "FeatureCollection",
      features: [
        { type: "Feature", geometry: { type: "Point", coordinates: [-4.48, 48.39] }, properties: { id: "a", nom: "Médiathèque", commune: "Brest", position_approchee: true, sur_rendez_vous: true } },
        { type: "Feature", geometry: { type: "Point", coordinates: ["x", 48] }, properties: { id: "b", nom: "Cassé" } },
        { type: "Feature", geometry: null, properties: { id: "c", nom: "Sans position" } },
        { type: "Feature", geometry: { type: "Point", coordinates: [-3, 48] }, properties: { nom: "Sans id" } },
      ],
    });
    expect(points).toEqual([{ id: "a", nom: "Médiathèque", commune: "Brest", longitude: -4.48, latitude: 48.39, positionApprochee: true, surRendezVous: true }]);
  });

  it("refuses something that is not a FeatureCollection", () => {
    expect(() => lirePoints({ erreur: "oups" })).toThrow(/GeoJSON/);
  });

  it("round-trips through the source's GeoJSON", () => {
    const p = [point("a", -4.5, 48.4, true)];
    expect(lirePoints(versGeoJson(p))).toEqual(p);
  });
});

describe("cadrage", () => {
  it("without a centre, frames all the places", () => {
    expect(cadrage([point("a", -4.5, 48.4), point("b", -1.7, 48.1), point("c", -3, 47.7)], undefined)).toEqual([
      [-4.5, 47.7],
      [-1.7, 48.4],
    ]);
  });

  it("around a centre, frames the centre and its nearest places only", () => {
    const proches = Array.from({ length: PROCHES_CADRES }, (_, i) => point(`p${i}`, -4.49 + i * 0.001, 48.39));
    const loin = point("rennes", -1.68, 48.11);
    const [[ouest], [est]] = cadrage([loin, ...proches], { latitude: 48.39, longitude: -4.49 });
    expect(ouest).toBeCloseTo(-4.49);
    expect(est).toBeLessThan(-4.4);
  });

  it("falls back to the centre, then to Bretagne", () => {
    expect(cadrage([], { latitude: 48.39, longitude: -4.49 })).toEqual([
      [-4.49, 48.39],
      [-4.49, 48.39],
    ]);
    expect(cadrage([], undefined)).toEqual(BORNES_BRETAGNE);
  });
});

describe("libellés et style", () => {
  it("names markers for screen readers", () => {
    expect(libelleGroupe(12)).toBe("Groupe de 12 lieux : zoomer sur ce groupe");
    expect(libellePoint({ nom: "France services", commune: "Brest", positionApprochee: true })).toBe("France services, Brest (position approximative)");
    expect([tailleGroupe(3), tailleGroupe(12), tailleGroupe(300)]).toEqual(["petit", "moyen", "grand"]);
  });

  it("the offline style needs neither tiles nor glyphs", () => {
    const style = styleHorsLigne("https://passerelle.example");
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    expect(style.layers.map((l) => l.type)).not.toContain("symbol");
    expect(style.sources["frontieres"]).toMatchObject({ type: "geojson", data: `https://passerelle.example${URL_FRONTIERES}` });
  });
});
