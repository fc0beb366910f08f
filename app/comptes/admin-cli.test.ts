import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

/** `npx passerelle admin …` and `lien-connexion` as an operator runs them, on a brand-new embedded database. */
const dossier = mkdtempSync(path.join(tmpdir(), "passerelle-admin-"));
afterAll(() => rmSync(dossier, { recursive: true, force: true }));

function passerelle(...args: string[]): { code: number | null; sortie: string; erreurs: string } {
  const r = spawnSync(process.execPath, [path.resolve("bin/passerelle.js"), ...args], {
    env: { ...process.env, PASSERELLE_DATA_DIR: dossier, DATABASE_URL: "", PASSERELLE_URL_PUBLIQUE: "https://passerelle.bzh" },
    encoding: "utf8",
  });
  return { code: r.status, sortie: r.stdout, erreurs: r.stderr };
}

describe("npx passerelle admin", () => {
  it("ajouter, liste ; une erreur dit quoi en français avec le code 1", () => {
    expect(passerelle("admin", "ajouter", "Chef@Hub.bzh")).toMatchObject({ code: 0, sortie: "chef@hub.bzh est administrateur (compte créé).\n" });
    expect(passerelle("admin", "liste")).toMatchObject({ code: 0, sortie: "chef@hub.bzh\n" });
    expect(passerelle("admin", "retirer", "adjointe@hub.bzh")).toMatchObject({ code: 1, erreurs: "Erreur : adjointe@hub.bzh n'est pas administrateur.\n" });
  });

  it("lien-connexion affiche un lien d'une seule fois vers la page de connexion, sans l'envoyer", () => {
    const r = passerelle("lien-connexion", "chef@hub.bzh", "--retour", "/admin/courriels");
    expect(r.code).toBe(0);
    expect(r.sortie).toMatch(/^Lien de connexion pour chef@hub\.bzh, valable 15 minutes, une seule fois :\nhttps:\/\/passerelle\.bzh\/connexion\/lien\?jeton=[A-Za-z]{32}&retour=%2Fadmin%2Fcourriels\n$/);
  });
});
