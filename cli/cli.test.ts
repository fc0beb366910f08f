import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { csv, ligne } from "../test/aide/lieux";

/** The CLI as a person runs it, on a brand-new embedded database. */
const dossier = mkdtempSync(path.join(tmpdir(), "passerelle-cli-"));
afterAll(() => rmSync(dossier, { recursive: true, force: true }));

function passerelle(...args: string[]): { code: number | null; sortie: string; erreurs: string } {
  const r = spawnSync(process.execPath, [path.resolve("bin/passerelle.js"), ...args], {
    env: { ...process.env, PASSERELLE_DATA_DIR: path.join(dossier, "donnees"), DATABASE_URL: "" },
    encoding: "utf8",
  });
  return { code: r.status, sortie: r.stdout, erreurs: r.stderr };
}

function fichier(nom: string, contenu: Uint8Array | string): string {
  const chemin = path.join(dossier, nom);
  writeFileSync(chemin, contenu);
  return chemin;
}

describe("npx passerelle", () => {
  it("import : code 0, rapport en français et rapport JSON de la forme documentée", () => {
    const r = passerelle("import", fichier("ok.csv", csv([ligne({ telephone: "02 99 00 00 00" })])), "--format", "standard-csv", "--report", path.join(dossier, "r.json"));
    expect(r.code).toBe(0);
    expect(r.sortie).toContain("1 enregistrement(s) lu(s) : 1 accepté(s), 0 rejeté(s)");
    const rapport = JSON.parse(readFileSync(path.join(dossier, "r.json"), "utf8"));
    expect(Object.keys(rapport).slice(0, 4)).toEqual(["records", "accepted", "rejected", "issues"]);
    expect(rapport).toMatchObject({ records: 1, accepted: 1, rejected: 0, source: "ok" });
  });

  it("import : code 2 quand des lignes sont rejetées, chaque problème nommé avec sa ligne et son champ", () => {
    const r = passerelle("import", fichier("ko.csv", csv([ligne({ id: "a" }), ligne({ id: "b", code_postal: "" })])), "--format", "standard-csv", "--dry-run");
    expect(r.code).toBe(2);
    expect(r.sortie).toMatch(/ligne 3, champ « code_postal », ERREUR/);
    expect(r.sortie).toContain("Simulation : rien n'a été enregistré.");
  });

  it("import : code 1 et message clair pour un fichier inutilisable", () => {
    const r = passerelle("import", fichier("pv.csv", csv([ligne()], { separateur: ";" })), "--format", "standard-csv");
    expect(r.code).toBe(1);
    expect(r.erreurs).toMatch(/Séparateur de colonnes inattendu/);
    const absent = passerelle("import", path.join(dossier, "absent.csv"), "--format", "standard-csv");
    expect(absent.code).toBe(1);
    expect(absent.erreurs).toMatch(/fichier introuvable/);
  });

  it("export : le CSV standard du territoire demandé, et une erreur pour un territoire inconnu", () => {
    const sortie = path.join(dossier, "export.csv");
    const r = passerelle("export", "--format", "standard-csv", "--territoire", "35238", "--out", sortie);
    expect(r.code).toBe(0);
    const lignes = readFileSync(sortie, "utf8").trim().split("\r\n");
    expect(lignes).toHaveLength(2);
    expect(lignes[1]).toContain("Espace public numérique du Blosne");
    const inconnu = passerelle("export", "--territoire", "12345");
    expect(inconnu.code).toBe(1);
    expect(inconnu.erreurs).toMatch(/Territoire inconnu/);
  });

  it("doublons : dit quand il n'y a rien à revoir", () => {
    const r = passerelle("doublons");
    expect(r.code).toBe(0);
    expect(r.sortie).toContain("Aucune paire à revoir.");
  });
});
