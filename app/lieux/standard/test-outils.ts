/** Shared fixtures of the standard's tests (not a test file itself). */
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { z } from "zod";
import type { Commune } from "~/territoire/types";
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
