import { describe, expect, it } from "vitest";
import { CHAMPS, type LigneBrute } from "./champs";
import type { LieuStandard } from "./lieu";
import { lignesExemple, referentielTest } from "./test-outils";
import { validerLieu, versLigneStandard } from "./valider";

const MINIMAL = {
  id: "epn-1",
  pivot: "21350238800019",
  nom: "Espace public numérique",
  commune: "Rennes",
  code_postal: "35000",
  adresse: "1 place de la Mairie",
  date_maj: "2024-04-02",
} satisfies LigneBrute;

function lieuDe(brut: LigneBrute): LieuStandard {
  const { lieu, problemes } = validerLieu(brut, 2);
  if (!lieu) throw new Error(JSON.stringify(problemes));
  return lieu;
}

describe("validerLieu", () => {
  it("validates the standard's example row without any problem, and versLigneStandard gives it back unchanged", () => {
    const [ligne] = lignesExemple();
    if (!ligne) throw new Error("exemple vide");
    const { lieu, problemes } = validerLieu(ligne, 2);
    expect(problemes).toEqual([]);
    if (!lieu) throw new Error("lieu rejeté");
    expect(versLigneStandard(lieu)).toEqual(ligne);
    expect(Object.keys(versLigneStandard(lieu))).toEqual([...CHAMPS]);
  });

  it("reports every problem of a row, not only the first: 5 problems, 5 reports", () => {
    const { lieu, problemes } = validerLieu(
      { ...MINIMAL, nom: "", code_postal: "Rennes", telephone: "12", horaires: "lundi 9h-12h", services: "Aide aux démarches administratives|Café" },
      7,
    );
    expect(lieu).toBeNull();
    expect(problemes.map((p) => [p.field, p.severity, p.value])).toEqual([
      ["nom", "error", ""],
      ["code_postal", "error", "Rennes"],
      ["telephone", "warning", "12"],
      ["horaires", "warning", "lundi 9h-12h"],
      ["services", "warning", "Café"],
    ]);
    expect(problemes.every((p) => p.line === 7 && p.message.length > 20)).toBe(true);
  });

  it("rejects the place when any required field is missing, naming each one", () => {
    const { lieu, problemes } = validerLieu({ autre_colonne: "ignorée" }, 3);
    expect(lieu).toBeNull();
    expect(problemes.map((p) => p.field)).toEqual(["id", "pivot", "nom", "commune", "code_postal", "adresse", "date_maj"]);
    expect(problemes.every((p) => p.severity === "error")).toBe(true);
  });

  it("keeps the place when only optional fields are wrong, dropping just the bad values", () => {
    const { lieu, problemes } = validerLieu({ ...MINIMAL, telephone: "+32 2 123 45 67", prise_rdv: "rdv en mairie", frais_a_charge: "Gratuit|Sur devis" }, 2);
    expect(lieu?.telephone).toBeUndefined();
    expect(lieu?.prise_rdv).toBeUndefined();
    expect(lieu?.frais_a_charge).toEqual(["Gratuit"]);
    expect(problemes.map((p) => p.severity)).toEqual(["warning", "warning", "warning"]);
  });

  it("makes harmless normalisations silently", () => {
    const { lieu, problemes } = validerLieu(
      {
        ...MINIMAL,
        nom: "  Médiathèque  de l’Aulne ",
        telephone: "02 96 60 47 87",
        services: " aide aux démarches administratives |  Maîtrise des outils numériques du quotidien ",
        modalites_acces: "ce lieu n’accueille pas de public",
        date_maj: "2024-04-02T08:00:00Z",
        ignoree: "colonne inconnue",
      },
      2,
    );
    expect(problemes).toEqual([]);
    expect(lieu).toMatchObject({
      nom: "Médiathèque de l'Aulne",
      telephone: "+33296604787",
      services: ["Aide aux démarches administratives", "Maîtrise des outils numériques du quotidien"],
      modalites_acces: ["Ce lieu n'accueille pas de public"],
      date_maj: "2024-04-02",
    });
  });

  it("warns about real conversions: French date, v0.1 labels, ';' separator", () => {
    const { lieu, problemes } = validerLieu({ ...MINIMAL, date_maj: "02/04/2024", services: "Prendre en main un ordinateur;Accéder à du matériel" }, 2);
    expect(lieu?.date_maj).toBe("2024-04-02");
    expect(lieu?.services).toEqual(["Maîtrise des outils numériques du quotidien", "Accès internet et matériel informatique"]);
    expect(problemes.map((p) => [p.field, p.severity])).toEqual([
      ["date_maj", "warning"],
      ["services", "warning"],
      ["services", "warning"],
      ["services", "warning"],
    ]);
  });

  it("cuts the reported raw value to 200 characters", () => {
    const { problemes } = validerLieu({ ...MINIMAL, horaires: "x".repeat(500) }, 2);
    expect(problemes[0]?.value).toHaveLength(200);
  });

  describe("coordinates", () => {
    it("keeps a valid pair, comma decimals included", () => {
      expect(lieuDe({ ...MINIMAL, latitude: "48,1113", longitude: "-1.68" })).toMatchObject({ latitude: 48.1113, longitude: -1.68 });
    });

    it("drops a coordinate without the other, with a warning", () => {
      const { lieu, problemes } = validerLieu({ ...MINIMAL, latitude: "48.11" }, 2);
      expect(lieu?.latitude).toBeUndefined();
      expect(problemes).toMatchObject([{ field: "latitude", severity: "warning" }]);
    });

    it("drops both when one is invalid, or when both are 0", () => {
      const invalide = validerLieu({ ...MINIMAL, latitude: "48.11", longitude: "200" }, 2);
      expect(invalide.lieu?.latitude).toBeUndefined();
      expect(invalide.problemes).toMatchObject([{ field: "longitude" }]);
      const zero = validerLieu({ ...MINIMAL, latitude: "0", longitude: "0" }, 2);
      expect(zero.lieu?.latitude).toBeUndefined();
      expect(zero.problemes).toHaveLength(1);
    });
  });

  describe("code_insee against the reference geography", () => {
    const avec = { referentiel: referentielTest };

    it("without a referentiel, keeps a well-formed code as given", () => {
      expect(lieuDe({ ...MINIMAL, code_insee: "99999" }).code_insee).toBe("99999");
    });

    it("deduces a missing code from postal code + commune, silently", () => {
      const { lieu, problemes } = validerLieu({ ...MINIMAL, commune: "RENNES" }, 2, avec);
      expect(lieu?.code_insee).toBe("35238");
      expect(problemes).toEqual([]);
    });

    it("replaces an unknown code by the deduced one, or drops it when nothing can be deduced", () => {
      const remplace = validerLieu({ ...MINIMAL, code_insee: "35999" }, 2, avec);
      expect(remplace.lieu?.code_insee).toBe("35238");
      expect(remplace.problemes).toMatchObject([{ field: "code_insee", severity: "warning", value: "35999" }]);
      const perdu = validerLieu({ ...MINIMAL, commune: "Inconnue", code_insee: "35999" }, 2, avec);
      expect(perdu.lieu?.code_insee).toBeUndefined();
      expect(perdu.problemes).toHaveLength(1);
    });

    it("replaces a code contradicting the postal code by the one deduced from postal code + commune", () => {
      const { lieu, problemes } = validerLieu({ ...MINIMAL, code_insee: "35051" }, 2, avec);
      expect(lieu?.code_insee).toBe("35238");
      expect(problemes[0]?.message).toMatch(/incompatible avec le code postal 35000/);
    });

    it("maps a former code of a merged commune to the current code, with a warning", () => {
      const { lieu, problemes } = validerLieu({ ...MINIMAL, commune: "Jugon-les-Lacs", code_postal: "22270", code_insee: "22051" }, 2, avec);
      expect(lieu?.code_insee).toBe("22084");
      expect(problemes).toMatchObject([{ field: "code_insee", message: expect.stringMatching(/ancienne commune/) }]);
    });

    it("when name and code agree but the postal code does not, keeps the code and flags the postal code", () => {
      const { lieu, problemes } = validerLieu({ ...MINIMAL, code_postal: "35510", code_insee: "35238" }, 2, {
        referentiel: { ...referentielTest, resoudreCommune: () => referentielTest.commune("35238") },
      });
      expect(lieu?.code_insee).toBe("35238");
      expect(problemes).toMatchObject([{ field: "code_postal", severity: "warning" }]);
    });
  });
});

describe("versLigneStandard", () => {
  it("writes every field, absent ones as empty strings, lists joined with |, numbers as plain decimals", () => {
    const lieu = lieuDe({ ...MINIMAL, latitude: "0.0000001", longitude: "-1.5", services: "Gratuit", frais_a_charge: "Gratuit|Payant" });
    const ligne = versLigneStandard(lieu);
    expect(ligne).toMatchObject({ latitude: "0.0000001", longitude: "-1.5", frais_a_charge: "Gratuit|Payant", services: "", telephone: "" });
    expect(Object.keys(ligne)).toEqual([...CHAMPS]);
  });
});
