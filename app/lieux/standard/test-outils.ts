/** Shared fixtures of the standard's tests (not a test file itself). */
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { z } from "zod";
import type { Commune } from "~/territoire/types";
import { estChamp, type LigneStandard } from "./champs";
import type { ReferentielCommunes } from "./valider";

const DOSSIER = new URL("../../../reference-data/schemas/standard-mediation-num/", import.meta.url);

export function lireSchema(): string {
  return readFileSync(new URL("schema.json", DOSSIER), "utf8");
}

/** The standard's own example file, one record per row (csv-parse keeps every value a string). */
export function lignesExemple(): Record<string, string>[] {
  const lignes: unknown = parse(readFileSync(new URL("exemple-valide.csv", DOSSIER)), { columns: true, skip_empty_lines: true });
  return z.array(z.record(z.string(), z.string())).parse(lignes);
}

function commune(code: string, nom: string, codesPostaux: string[], anciensCodes: string[] = []): Commune {
  return { code, nom, departement: code.slice(0, 2), region: "53", population: 1, codesPostaux, anciensCodes, latitude: 48, longitude: -2 };
}

const COMMUNES = [
  commune("35238", "Rennes", ["35000", "35200", "35700"]),
  commune("35051", "Cesson-Sévigné", ["35510"]),
  commune("22084", "Jugon-les-Lacs", ["22270"], ["22051", "22125", "22301"]),
];

const cle = (s: string): string => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/[^a-z]/g, "");

/** A tiny in-memory stand-in for the territory reference (only what the validator uses). */
export const referentielTest: ReferentielCommunes = {
  commune: (code) => COMMUNES.find((c) => c.code === code || c.anciensCodes.includes(code)),
  resoudreCommune: (codePostal, nom) =>
    COMMUNES.find((c) => (codePostal === undefined || c.codesPostaux.includes(codePostal)) && nom !== undefined && cle(c.nom) === cle(nom)),
  departement: (code) => (["22", "29", "35", "56"].includes(code) ? { code, nom: `Département ${code}`, population: 1 } : undefined),
};

export const schema = z
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
export const ETAPES = "Étapes numériques (La Poste)";
export const MOTIF_ETAPES_OFFICIEL = "Étapes numériques\\(La Poste\\)";
export const MOTIF_ETAPES_CORRIGE = "Étapes numériques \\(La Poste\\)";

/** Frictionless matches a pattern against the whole value. */
export const entier = (motif: string): RegExp => new RegExp(`^(?:${motif})$`);

/** Every field constraint of schema.json that `ligne` breaks (empty values are "missing", as in frictionless). */
export function violations(ligne: LigneStandard): string[] {
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

