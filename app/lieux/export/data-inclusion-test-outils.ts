/** Validation of data·inclusion output against the shipped v1 JSON Schemas (test helper, not a test file). */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import Ajv2020, { type ValidateFunction } from "ajv/dist/2020";
import addFormats from "ajv-formats";
import type { versDataInclusion } from "./data-inclusion";

// The schema files declare no `$schema`: they are Pydantic v2 output, i.e. JSON Schema 2020-12 ($defs, anyOf null).
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
const schema = (nom: string): object => {
  const contenu: unknown = JSON.parse(readFileSync(fileURLToPath(new URL(`../../../reference-data/schemas/data-inclusion-v1/${nom}.json`, import.meta.url)), "utf8"));
  if (typeof contenu !== "object" || contenu === null) throw new Error(nom);
  return contenu;
};
const validerStructure = ajv.compile(schema("structure"));
export const validerService = ajv.compile(schema("service"));

/** Every record against the schema; the failures with their ajv errors, so a broken case is readable. */
export function invalides(sortie: ReturnType<typeof versDataInclusion>): { id: string; erreurs: string }[] {
  const verifier = (valider: ValidateFunction, { id, ...reste }: { id: string }) =>
    valider({ id, ...reste }) ? [] : [{ id, erreurs: ajv.errorsText(valider.errors) }];
  return [...sortie.structures.flatMap((s) => verifier(validerStructure, s)), ...sortie.services.flatMap((s) => verifier(validerService, s))];
}

