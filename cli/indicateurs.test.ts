import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

/** The indicators commands as a person runs them, on a brand-new embedded database. */
const dossier = mkdtempSync(path.join(tmpdir(), "passerelle-cli-indicateurs-"));
afterAll(() => rmSync(dossier, { recursive: true, force: true }));

function passerelle(...args: string[]): { code: number | null; sortie: string; erreurs: string } {
  const r = spawnSync(process.execPath, [path.resolve("bin/passerelle.js"), ...args], {
    env: { ...process.env, PASSERELLE_DATA_DIR: path.join(dossier, "donnees"), DATABASE_URL: "" },
    encoding: "utf8",
  });
  return { code: r.status, sortie: r.stdout, erreurs: r.stderr };
}

const fixture = (nom: string) => path.resolve("test/fixtures/indicateurs", nom);

describe("npx passerelle indicateurs", () => {
  it("import : code 2 quand des lignes sont rejetées, chaque problème en français avec sa ligne, rapport JSON complet", () => {
    const rapport = path.join(dossier, "rapport.json");
    const r = passerelle("indicateurs", "import", fixture("generique.csv"), "--format", "generique", "--report", rapport);
    expect(r.code).toBe(2);
    expect(r.sortie).toContain("17 ligne(s) lue(s) : 5 acceptée(s), 10 rejetée(s), 2 hors de Bretagne (ignorée(s)).");
    expect(r.sortie).toContain("Valeurs : 5 lue(s) ; 5 ont été ajoutée(s), 0 remplacée(s), 0 déjà à jour.");
    expect(r.sortie).toMatch(/ligne 9, colonne « indicateur », ERREUR : Indicateur inconnu\. Indicateurs possibles : pop_65_plus, /);
    expect(r.sortie).toMatch(/ligne 15, ligne entière, ERREUR : Ligne en double/);
    expect(r.sortie).not.toContain("75056");
    const json = JSON.parse(readFileSync(rapport, "utf8"));
    expect(json).toMatchObject({ format: "generique", fichier: "generique.csv", lignes: 17, valeurs: 5, hors_region: 2, acceptees: 5, rejetees: 10, dry_run: false });
    expect(json.issues).toHaveLength(12);
    expect(json.issues[0]).toEqual({
      line: 3,
      field: "code_insee",
      severity: "warning",
      value: "22142",
      message: "Code d'une ancienne commune ou d'une commune déléguée : la valeur est rattachée à Lamballe-Armor (22093).",
    });
  });

  it("import : code 0 pour un fichier sans rejet ; --dry-run n'enregistre rien", () => {
    const simulation = passerelle("indicateurs", "import", fixture("ifn-epci.csv"), "--format", "ifn", "--annee", "2023", "--dry-run");
    expect(simulation.code).toBe(0);
    expect(simulation.sortie).toContain("Simulation : rien n'a été enregistré.");
    const r = passerelle("indicateurs", "import", fixture("ifn-epci.csv"), "--format", "ifn", "--annee", "2023");
    expect(r.code).toBe(0);
    // Rennes Métropole's total was imported by the generic file above: the IFN file replaces it.
    expect(r.sortie).toContain("Valeurs : 11 lue(s) ; 10 ont été ajoutée(s), 1 remplacée(s), 0 déjà à jour.");
  });

  it("import : code 1 et message clair pour un fichier inutilisable ou une année manquante", () => {
    const sansAnnee = passerelle("indicateurs", "import", fixture("caf-allocataires-iris.csv"), "--format", "cnaf");
    expect(sansAnnee.code).toBe(1);
    expect(sansAnnee.erreurs).toMatch(/Erreur : .*--annee/);
    const mauvaisesColonnes = passerelle("indicateurs", "import", fixture("ifn-epci.csv"), "--format", "france-travail", "--annee", "2024");
    expect(mauvaisesColonnes.code).toBe(1);
    expect(mauvaisesColonnes.erreurs).toMatch(/codgeo, code_commune/);
    const formatInconnu = passerelle("indicateurs", "import", fixture("ifn-epci.csv"), "--format", "insee");
    expect(formatInconnu.code).toBe(1);
  });

  it("liste : ce qui est chargé, par indicateur, niveau, année et source", () => {
    const r = passerelle("indicateurs", "liste");
    expect(r.code).toBe(0);
    const lignes = r.sortie.trim().split("\n");
    expect(lignes[0]).toBe("pop_65_plus (Personnes de 65 ans et plus) — commune, 2021, INSEE, recensement de la population 2021 : 2 valeur(s)");
    expect(lignes).toContain("ifn_no_4g (Indice de fragilité numérique : absence de couverture 4G) — EPCI, 2023, Indice de fragilité numérique (France Numérique Ensemble) : 2 valeur(s)");
    expect(lignes).toHaveLength(9);
  });
});
