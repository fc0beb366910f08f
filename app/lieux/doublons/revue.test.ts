import { describe, expect, it } from "vitest";
import { versLieuStandard } from "../lignes";
import type { LieuStandard } from "../standard/lieu";
import { champsDifferents, expliquerSignaux, idPaire, lireIdPaire } from "./revue";

const base: LieuStandard = versLieuStandard({
  id: "a",
  pivot: "21350238800019",
  nom: "EPN du Blosne",
  commune: "Rennes",
  code_postal: "35200",
  code_insee: "35238",
  adresse: "7 boulevard de Yougoslavie",
  complement_adresse: null,
  latitude: 48.086,
  longitude: -1.657,
  position_approchee: false,
  typologie: [],
  telephone: null,
  courriels: [],
  site_web: [],
  horaires: null,
  presentation_resume: null,
  presentation_detail: null,
  source: null,
  itinerance: [],
  structure_parente: null,
  date_maj: "2024-05-02",
  services: ["Aide aux démarches administratives"],
  publics_specifiquement_adresses: [],
  prise_en_charge_specifique: [],
  frais_a_charge: [],
  dispositif_programmes_nationaux: [],
  formations_labels: [],
  autres_formations_labels: [],
  modalites_acces: [],
  modalites_accompagnement: [],
  fiche_acces_libre: null,
  prise_rdv: null,
  provenance: {},
  fusionne_dans: null,
  version: 1,
  cree_le: new Date(0),
  modifie_le: new Date(0),
});

describe("revue.ts", () => {
  it("a pair id goes both ways and refuses anything else", () => {
    const a = "0d0d0d0d-0000-4000-8000-000000000001";
    const b = "0d0d0d0d-0000-4000-8000-000000000002";
    expect(lireIdPaire(idPaire(a, b))).toEqual({ a, b });
    expect(lireIdPaire(`${a}_x`)).toBeNull();
    expect(lireIdPaire(a)).toBeNull();
  });

  it("only differing fields get a choice; the INSEE code rides with the commune, the longitude with the position; the fresher side is the default", () => {
    const b: LieuStandard = { ...base, id: "b", nom: "Cyberespace", commune: "Saint-Jacques-de-la-Lande", code_insee: "35281", longitude: -1.7, date_maj: "2024-06-01", services: ["Maîtrise des outils numériques du quotidien"] };
    const champs = champsDifferents(base, b);
    expect(champs.map((c) => [c.champ, c.parDefaut])).toEqual([
      ["nom", "b"],
      ["commune", "b"],
      ["latitude", "b"],
      ["services", "b"],
    ]);
    expect(champs.find((c) => c.champ === "latitude")).toMatchObject({ a: "48.086, -1.657", b: "48.086, -1.7" });
  });

  it("explains the signals in French", () => {
    const s = expliquerSignaux({ nom: 0.48, adresse: 1, distance_m: null, siret: false, telephone: true, courriel: false, domaine: false, meme_commune: true, france_services: false });
    expect(s.slice(0, 3)).toEqual([
      { libelle: "Ressemblance des noms", valeur: "48 %" },
      { libelle: "Ressemblance des adresses", valeur: "100 %" },
      { libelle: "Distance entre les deux points", valeur: "inconnue (position approchée ou absente)" },
    ]);
    expect(s.find((x) => x.libelle === "Même téléphone")?.valeur).toBe("oui");
  });
});
