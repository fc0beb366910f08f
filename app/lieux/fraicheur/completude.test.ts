import { describe, expect, it } from "vitest";
import { dateLimiteFraicheur, explicationFraicheur, fraicheur } from "../fiche/fraicheur";
import type { LieuStandard } from "../standard/lieu";
import { completude } from "./completude";

const vide: LieuStandard = {
  id: "x", pivot: "00000000000000", nom: "EPN", commune: "Rennes", code_postal: "35000", adresse: "1 rue", date_maj: "2025-01-01",
  typologie: [], courriels: [], site_web: [], itinerance: [], services: [], publics_specifiquement_adresses: [], prise_en_charge_specifique: [],
  frais_a_charge: [], dispositif_programmes_nationaux: [], formations_labels: [], autres_formations_labels: [], modalites_acces: [], modalites_accompagnement: [],
};

describe("complétude d'un lieu", () => {
  it("sans champ facultatif : 0 %, les 15 champs manquants en clair", () => {
    const c = completude(vide);
    expect(c).toMatchObject({ score: 0, remplis: 0, total: 15 });
    expect(c.manquants[0]).toBe("la position sur la carte");
    expect(c.manquants).toHaveLength(15);
  });
  it("compte les listes non vides et les textes non blancs : 4 sur 15 = 27 %", () => {
    const c = completude({ ...vide, latitude: 48.1, telephone: "+33299000000", services: ["Aide aux démarches administratives"], horaires: "Mo 09:00-12:00", presentation_resume: "  ", courriels: [] });
    expect(c).toMatchObject({ score: 27, remplis: 4, total: 15 });
    expect(c.manquants).toContain("la présentation");
    expect(c.manquants).toContain("le courriel");
    expect(c.manquants).not.toContain("le téléphone");
  });
});

describe("fraîcheur réglable", () => {
  const aujourdhui = new Date("2025-06-15T10:00:00Z");
  it("« à vérifier » à partir de N mois, « ancienne » à 24 mois ou 2 N", () => {
    expect(fraicheur("2024-12-16", aujourdhui, 6)).toBe("a_jour");
    expect(fraicheur("2024-12-15", aujourdhui, 6)).toBe("a_verifier");
    expect(fraicheur("2023-06-15", aujourdhui, 6)).toBe("ancienne");
    expect(fraicheur("2023-06-15", aujourdhui, 18)).toBe("a_verifier");
    expect(fraicheur("2022-06-15", aujourdhui, 18)).toBe("ancienne");
    expect(explicationFraicheur(6)).toContain("moins de 6 mois");
  });
  it("la date limite est le dernier jour « à vérifier », fins de mois comprises", () => {
    expect(dateLimiteFraicheur(aujourdhui, 6)).toBe("2024-12-15");
    expect(fraicheur(dateLimiteFraicheur(aujourdhui, 6), aujourdhui, 6)).toBe("a_verifier");
    const finMars = new Date("2025-03-31T08:00:00Z");
    expect(dateLimiteFraicheur(finMars, 1)).toBe("2025-02-28");
    expect(fraicheur("2025-02-28", finMars, 1)).toBe("a_verifier");
    expect(fraicheur("2025-03-01", finMars, 1)).toBe("a_jour");
  });
});
