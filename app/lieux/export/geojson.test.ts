import { describe, expect, it } from "vitest";
import { lieuxValides } from "../sources/sources-test-utils";
import type { LieuStandard } from "../standard/lieu";
import { versGeoJson } from "./geojson";

const base: LieuStandard = {
  id: "local-1",
  pivot: "13002603200016",
  nom: "Espace numérique",
  commune: "Brest",
  code_postal: "29200",
  adresse: "2 rue de Siam",
  typologie: ["EPN", "MUNI"],
  courriels: ["a@brest.fr", "b@brest.fr"],
  site_web: [],
  itinerance: [],
  date_maj: "2025-01-02",
  services: ["Aide aux démarches administratives"],
  publics_specifiquement_adresses: [],
  prise_en_charge_specifique: [],
  frais_a_charge: ["Gratuit"],
  dispositif_programmes_nationaux: [],
  formations_labels: [],
  autres_formations_labels: [],
  modalites_acces: [],
  modalites_accompagnement: [],
};

describe("versGeoJson", () => {
  const avecPoint = { ...base, uuid: "aaaaaaaa-0000-4000-8000-000000000001", latitude: 48.39, longitude: -4.49, telephone: "+33298000000" };
  const sansPoint = { ...base, uuid: "aaaaaaaa-0000-4000-8000-000000000002" };
  const fc = versGeoJson([avecPoint, sansPoint]);

  it("une Feature Point par lieu géolocalisé, [longitude, latitude]", () => {
    expect(fc.type).toBe("FeatureCollection");
    expect(fc.features).toHaveLength(1);
    expect(fc.features[0]).toMatchObject({ type: "Feature", id: avecPoint.uuid, geometry: { type: "Point", coordinates: [-4.49, 48.39] } });
  });

  it("propriétés : champs du standard, listes jointes par |, id = uuid, vides omis, coordonnées seulement dans la géométrie", () => {
    expect(fc.features[0]?.properties).toEqual({
      id: avecPoint.uuid,
      pivot: "13002603200016",
      nom: "Espace numérique",
      commune: "Brest",
      code_postal: "29200",
      adresse: "2 rue de Siam",
      typologie: "EPN|MUNI",
      telephone: "+33298000000",
      courriels: "a@brest.fr|b@brest.fr",
      date_maj: "2025-01-02",
      services: "Aide aux démarches administratives",
      frais_a_charge: "Gratuit",
    });
  });

  it("compte les lieux laissés de côté faute de coordonnées (membre étranger RFC 7946 §6.1)", () => {
    expect(fc.lieux_sans_coordonnees).toBe(1);
    expect(JSON.parse(JSON.stringify(versGeoJson([])))).toEqual({ type: "FeatureCollection", features: [], lieux_sans_coordonnees: 0 });
  });

  it("fichiers réels : 441 points (CNFS et France services) ; les 282 Aidants Connect sans coordonnées comptés", () => {
    const lieux = [...lieuxValides("cnfs-2022"), ...lieuxValides("france-services"), ...lieuxValides("aidants-connect")];
    const reel = versGeoJson(lieux);
    expect(reel.features).toHaveLength(441);
    expect(reel.lieux_sans_coordonnees).toBe(282);
    // Bretagne's bounding box, islands included. One upstream geocoding error is known: CNFS line 246
    // (Grand-Champ, 56) sits at 45.02, 2.46, in the Cantal; it is the importer's job to catch it.
    const dehors = reel.features.filter(({ geometry: { coordinates: [lon, lat] } }) => lon < -5.2 || lon > -1 || lat < 47.2 || lat > 49);
    expect(dehors.map((f) => [f.properties.nom, f.properties.code_postal])).toEqual([["Loch Info Services", "56390"]]);
  });
});
