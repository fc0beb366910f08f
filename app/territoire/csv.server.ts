import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { z } from "zod";

/** What csv-parse returns with `info: true`: the row and where it ends in the file. */
const ligneBrute = z.object({
  record: z.record(z.string(), z.string()),
  info: z.object({ lines: z.number() }),
});

/**
 * Reads a comma-separated UTF-8 file with a header line and validates every row.
 * Any problem throws an error naming the file and the line, so a bad edit of
 * `reference-data/` is caught at start-up instead of surfacing as a wrong number.
 */
export function lireCsv<T>(chemin: string, schema: z.ZodType<T>): T[] {
  let brut: unknown[];
  try {
    brut = parse<unknown>(readFileSync(chemin), { columns: true, info: true, bom: true });
  } catch (erreur) {
    // csv-parse already says "on line N" (wrong column count, bad quoting…).
    const message = erreur instanceof Error ? erreur.message : String(erreur);
    throw new Error(`${chemin}: ${message}`, { cause: erreur });
  }
  return brut.map((element) => {
    const { record, info } = ligneBrute.parse(element);
    const resultat = schema.safeParse(record);
    if (resultat.success) return resultat.data;
    const details = resultat.error.issues
      .map((issue) => {
        const colonne = issue.path.map(String).join(".");
        const valeur = record[colonne];
        return `colonne "${colonne}": ${issue.message}${valeur === undefined ? "" : ` (valeur "${valeur}")`}`;
      })
      .join("; ");
    throw new Error(`${chemin}, ligne ${info.lines}: ${details}`);
  });
}

// Column types shared by the reference CSVs.

export const entier = z
  .string()
  .regex(/^\d+$/, "entier attendu")
  .transform((s) => Number(s));

export const decimal = z
  .string()
  .regex(/^-?\d+(\.\d+)?$/, "nombre décimal attendu")
  .transform((s) => Number(s));

/** Empty cell or codes separated by "|"; each code must match `motif`. */
export function liste(motif: RegExp, libelle: string) {
  return z
    .string()
    .transform((s) => (s === "" ? [] : s.split("|")))
    .pipe(z.array(z.string().regex(motif, `${libelle} attendu`)));
}

export const codeInsee = z.string().regex(/^\d[\dAB]\d{3}$/, "code INSEE à 5 caractères attendu");
export const siren = z.string().regex(/^\d{9}$/, "SIREN à 9 chiffres attendu");
