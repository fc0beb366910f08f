import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it, vi } from "vitest";
import { dossierReference } from "./dossier.server";
import { FICHIERS_REFERENTIEL, chargerReferentiel } from "./referentiel.server";

const SOURCE = fileURLToPath(new URL("../../reference-data/referentiel/", import.meta.url));
const dossiers: string[] = [];

/** A copy of reference-data/ in a temp folder, with `modifier` applied to the communes file's lines. */
function copie(modifier: (lignes: string[]) => void = () => {}): string {
  const racine = mkdtempSync(path.join(tmpdir(), "passerelle-ref-"));
  dossiers.push(racine);
  mkdirSync(path.join(racine, "referentiel"));
  for (const f of Object.values(FICHIERS_REFERENTIEL)) copyFileSync(path.join(SOURCE, f), path.join(racine, "referentiel", f));
  const chemin = path.join(racine, "referentiel", FICHIERS_REFERENTIEL.communes);
  // The shipped CSVs end lines with CRLF (as exported upstream).
  const lignes = readFileSync(chemin, "utf8").split("\r\n");
  modifier(lignes);
  writeFileSync(chemin, lignes.join("\r\n"));
  return racine;
}

/** Replaces column `colonne` (0-based) of line `numero` (1-based, header = 1). */
function remplacer(lignes: string[], numero: number, colonne: number, valeur: string): void {
  const cellules = (lignes[numero - 1] ?? "").split(",");
  cellules[colonne] = valeur;
  lignes[numero - 1] = cellules.join(",");
}

afterEach(() => {
  vi.unstubAllEnvs();
  for (const d of dossiers.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe("chargerReferentiel", () => {
  it("is memoised per folder", () => {
    expect(chargerReferentiel()).toBe(chargerReferentiel());
    const autre = copie();
    expect(chargerReferentiel(autre)).not.toBe(chargerReferentiel());
    expect(chargerReferentiel(autre)).toBe(chargerReferentiel(autre));
  });

  it("names the file, the line and the column of a malformed value", () => {
    const dossier = copie((lignes) => remplacer(lignes, 5, 5, "mille"));
    expect(() => chargerReferentiel(dossier)).toThrow(/communes-bretagne-2026\.csv, ligne 5: colonne "population".*"mille"/);
  });

  it("names the file and the line of a row with missing cells", () => {
    const dossier = copie((lignes) => {
      lignes[7] = "22007,Binic";
    });
    expect(() => chargerReferentiel(dossier)).toThrow(/communes-bretagne-2026\.csv: .*got 2 on line 8/);
  });

  it("rejects a commune whose EPCI disagrees with the EPCI file", () => {
    // Line 2 is Allineuc (Loudéac Communauté); move it to Lamballe Terre et Mer.
    const dossier = copie((lignes) => remplacer(lignes, 2, 8, "200069391"));
    expect(() => chargerReferentiel(dossier)).toThrow(/epci-bretagne-2026\.csv: les communes de \d{9}/);
  });

  it("reads the folder named by PASSERELLE_REFERENCE_DIR", () => {
    const dossier = copie((lignes) => remplacer(lignes, 2, 5, "590"));
    vi.stubEnv("PASSERELLE_REFERENCE_DIR", dossier);
    expect(chargerReferentiel().commune("22001")?.population).toBe(590);
    expect(chargerReferentiel().region().population).toBe(3_449_371);
  });

  it("resolves the folder: argument, then PASSERELLE_REFERENCE_DIR, then next to the sources", () => {
    vi.stubEnv("PASSERELLE_REFERENCE_DIR", "");
    expect(dossierReference()).toBe(path.dirname(path.resolve(SOURCE)));
    vi.stubEnv("PASSERELLE_REFERENCE_DIR", "/srv/ref");
    expect(dossierReference()).toBe("/srv/ref");
    expect(dossierReference("/autre")).toBe("/autre");
  });
});
