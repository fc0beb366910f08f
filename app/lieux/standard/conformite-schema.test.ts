import { describe, expect, it } from "vitest";
import { z } from "zod";
import { CHAMPS, estChamp, type LigneBrute, type LigneStandard } from "./champs";
import { ENUMERATIONS } from "./enumerations";
import { lignesExemple, lireSchema } from "./test-outils";
import { validerLieu, versLigneStandard } from "./valider";

const schema = z
  .object({
    fields: z.array(
      z.object({
        name: z.string(),
        type: z.string(),
        constraints: z.object({ required: z.boolean().optional(), pattern: z.string().optional(), maxLength: z.number().optional() }).optional(),
      }),
    ),
  })
  .parse(JSON.parse(lireSchema()));

/**
 * Standard defect (anchor doc a.4): the formations_labels regex spells "Étapes numériques(La Poste)"
 * without the space that its description, its neighbour values and the official library use.
 * Our choice: export the documented spelling WITH the space. The national pipeline reads files with the
 * library, whose enum only knows that spelling and which throws on any other value, so the no-space
 * form would lose the place nationally.
 * This test therefore checks that one value against the corrected regex, and proves it is the only
 * thing the official regex would object to.
 */
const ETAPES = "Étapes numériques (La Poste)";
const MOTIF_ETAPES_OFFICIEL = "Étapes numériques\\(La Poste\\)";
const MOTIF_ETAPES_CORRIGE = "Étapes numériques \\(La Poste\\)";

/** Frictionless matches a pattern against the whole value. */
const entier = (motif: string): RegExp => new RegExp(`^(?:${motif})$`);

/** Every field constraint of schema.json that `ligne` breaks (empty values are "missing", as in frictionless). */
function violations(ligne: LigneStandard): string[] {
  const erreurs: string[] = [];
  for (const champ of schema.fields) {
    const nom = champ.name;
    const valeur = estChamp(nom) ? ligne[nom] : undefined;
    if (valeur === undefined) {
      erreurs.push(`${nom}: colonne absente`);
      continue;
    }
    const c = champ.constraints ?? {};
    if (valeur === "") {
      if (c.required) erreurs.push(`${nom}: requis`);
      continue;
    }
    const motif = nom === "formations_labels" ? c.pattern?.replace(MOTIF_ETAPES_OFFICIEL, MOTIF_ETAPES_CORRIGE) : c.pattern;
    if (motif !== undefined && !entier(motif).test(valeur)) erreurs.push(`${nom}: motif ${valeur}`);
    if (c.maxLength !== undefined && Array.from(valeur).length > c.maxLength) erreurs.push(`${nom}: trop long`);
    if (champ.type === "number" && !/^-?\d+(\.\d+)?$/.test(valeur)) erreurs.push(`${nom}: nombre ${valeur}`);
    if (champ.type === "date" && !/^\d{4}-\d{2}-\d{2}$/.test(valeur)) erreurs.push(`${nom}: date ${valeur}`);
  }
  return erreurs;
}

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
