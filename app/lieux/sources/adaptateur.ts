import type { LigneBrute } from "../standard/champs";
import type { ProblemeImport } from "../standard/lieu";

/**
 * Turns one record of a known non-standard source file into standard field names.
 * Adapters only map and reshape: `validerLieu` normalises and validates every value afterwards.
 */
export interface Adaptateur {
  format: "cnfs-2022" | "france-services" | "aidants-connect";
  /** Name recorded as the source of each field ("Conseillers numériques (ANCT, 2022-12)"…) and the `source` field. */
  nomSource: string;
  fichier: "json" | "csv";
  /** Columns (CSV) or keys (JSON) without which the file is unusable. */
  colonnesRequises: readonly string[];
  /** Maps one record (CSV row as column→string, or JSON object) to standard fields. Never throws. */
  convertir(enregistrement: Record<string, unknown>, ligne: number): { brut: LigneBrute; problemes: ProblemeImport[] };
}

/** A JSON value as trimmed text: numbers and booleans are printed, objects and null give "". */
export function texte(valeur: unknown): string {
  if (typeof valeur === "string") return valeur.trim();
  if (typeof valeur === "number" && Number.isFinite(valeur)) return String(valeur);
  if (typeof valeur === "boolean") return valeur ? "true" : "false";
  return "";
}

/** Lowercase, no accents, no punctuation: to compare labels typed by hand. */
export function cle(valeur: string): string {
  return valeur
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** Builds a `LigneBrute` keeping only non-empty values, so "absent" and "empty" mean the same to the validator. */
export function ligneBrute(champs: Record<string, string | readonly string[] | undefined>): LigneBrute {
  const brut: LigneBrute = {};
  for (const [champ, valeur] of Object.entries(champs)) {
    if (valeur === undefined) continue;
    const v = typeof valeur === "string" ? valeur.trim() : [...new Set(valeur.map((x) => x.trim()).filter(Boolean))].join("|");
    if (v !== "") brut[champ] = v;
  }
  return brut;
}

export function avertissement(ligne: number, champ: string, valeur: string, message: string): ProblemeImport {
  return { line: ligne, field: champ, severity: "warning", value: valeur, message };
}

export function erreur(ligne: number, champ: string, valeur: string, message: string): ProblemeImport {
  return { line: ligne, field: champ, severity: "error", value: valeur, message };
}
