import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
import { chargerReferentiel } from "~/territoire/referentiel.server";
import type { LigneBrute } from "../standard/champs";
import type { LieuStandard, ProblemeImport } from "../standard/lieu";
import { validerLieu } from "../standard/valider";
import { ADAPTATEURS } from "./index";

/** Test helper: the shipped source files, read as the importer reads them. */

export const DOSSIER_LIEUX = fileURLToPath(new URL("../../../reference-data/lieux/", import.meta.url));

export const FICHIERS = {
  "cnfs-2022": "cnfs-lieux-2022-12-bretagne.json",
  "france-services": "france-services-2024-08-01-bretagne.csv",
  "aidants-connect": "aidants-connect-structures-2024-02-bretagne.csv",
} as const;

export type FormatSource = keyof typeof FICHIERS;

function estObjet(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Records of a shipped file, each with its spreadsheet row number (header = 1, first record = 2). */
export function enregistrements(format: FormatSource): { ligne: number; valeurs: Record<string, unknown> }[] {
  const contenu = readFileSync(`${DOSSIER_LIEUX}${FICHIERS[format]}`, "utf8");
  const bruts: unknown = ADAPTATEURS[format].fichier === "json" ? JSON.parse(contenu) : parse(contenu, { columns: true, bom: true });
  if (!Array.isArray(bruts)) throw new Error(`${FICHIERS[format]} : tableau attendu`);
  return bruts.filter(estObjet).map((valeurs, i) => ({ ligne: i + 2, valeurs }));
}

export interface Converti {
  ligne: number;
  valeurs: Record<string, unknown>;
  brut: LigneBrute;
  problemes: ProblemeImport[];
}

export function convertirFichier(format: FormatSource): Converti[] {
  return enregistrements(format).map(({ ligne, valeurs }) => ({ ligne, valeurs, ...ADAPTATEURS[format].convertir(valeurs, ligne) }));
}

/** The places of a shipped file as `validerLieu` builds them (inactive Aidants Connect structures left out), with a test UUID. */
export function lieuxValides(format: FormatSource): (LieuStandard & { uuid: string; modifieLe: string })[] {
  const referentiel = chargerReferentiel();
  return convertirFichier(format).flatMap((c, i) => {
    if (c.problemes.some((p) => p.severity === "error")) return [];
    const { lieu } = validerLieu(c.brut, c.ligne, { referentiel });
    const uuid = `00000000-0000-4000-800${Object.keys(FICHIERS).indexOf(format)}-${String(i).padStart(12, "0")}`;
    return lieu ? [{ ...lieu, uuid, modifieLe: "2026-01-15T10:00:00.000Z" }] : [];
  });
}
