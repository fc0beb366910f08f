import { describe, expect, it } from "vitest";
import { CHAMPS, type LigneBrute, type LigneStandard } from "./champs";
import { ENUMERATIONS } from "./enumerations";
import { entier, ETAPES, lignesExemple, MOTIF_ETAPES_OFFICIEL, schema, violations } from "./test-outils";
import { validerLieu, versLigneStandard } from "./valider";

function exporter(brut: LigneBrute): LigneStandard {
  const { lieu, problemes } = validerLieu(brut, 2);
  if (!lieu) throw new Error(JSON.stringify(problemes));
  return versLigneStandard(lieu);
}

/** A messy but importable row: every value needs some normalisation. */
const DESORDONNEE = {
  id: "x",
  pivot: "434 933 123 00029",
  nom: "EPN",
  commune: "Rennes",
  code_postal: "5000",
  adresse: "1 rue",
  date_maj: "02/04/2024",
  telephone: "02.96.60.47.87",
  latitude: "48,11",
  longitude: "-1,68",
  code_insee: "2a004",
  presentation_resume: "Un lieu accueillant ".repeat(30),
  formations_labels: "Étapes numériques(La Poste)",
} satisfies LigneBrute;

/** The same, plus every enumeration value in a loose spelling (lower case, typographic apostrophes, spaces). */
const TOUTES_VALEURS: LigneBrute = {
  ...DESORDONNEE,
  ...Object.fromEntries(
    Object.entries(ENUMERATIONS).map(([champ, valeurs]) => [champ, valeurs.map((v) => ` ${v.toLowerCase().replace(/'/g, "’")} `).join("|")]),
  ),
};

describe("export against schema.json", () => {
  it("has the schema's 32 columns, in order", () => {
    expect(schema.fields.map((f) => f.name)).toEqual([...CHAMPS]);
  });

  it("the standard's example and messy rows, once validated, meet every required/pattern/maxLength/type constraint", () => {
    for (const brut of [...lignesExemple(), DESORDONNEE, TOUTES_VALEURS]) {
      expect(violations(exporter(brut)), String(brut.id)).toEqual([]);
    }
  });

  it("every enumeration value, exported alone, matches its field's regex", () => {
    for (const [champ, valeurs] of Object.entries(ENUMERATIONS)) {
      for (const valeur of valeurs) {
        const ligne = exporter({ id: "x", pivot: "43493312300029", nom: "n", commune: "c", code_postal: "35000", adresse: "a", date_maj: "2024-01-01", [champ]: valeur });
        expect(violations(ligne), `${champ}: ${valeur}`).toEqual([]);
      }
    }
  });

  it("the 'Étapes numériques' spacing is the only difference with the official regex (documented choice above)", () => {
    const motif = schema.fields.find((f) => f.name === "formations_labels")?.constraints?.pattern ?? "";
    expect(motif).toContain(MOTIF_ETAPES_OFFICIEL);
    const ligne = exporter({ ...DESORDONNEE, formations_labels: ENUMERATIONS.formations_labels?.join("|") ?? "" });
    expect(ligne.formations_labels).toContain(ETAPES);
    expect(entier(motif).test(ligne.formations_labels)).toBe(false);
    expect(entier(motif).test(ligne.formations_labels.replace(ETAPES, "Étapes numériques(La Poste)"))).toBe(true);
  });
});
