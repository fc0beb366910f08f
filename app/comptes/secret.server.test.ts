import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { secretDe } from "./secret.server";

const dossier = mkdtempSync(path.join(tmpdir(), "passerelle-secret-"));
afterAll(() => rmSync(dossier, { recursive: true, force: true }));

describe("secretDe", () => {
  it("sans PASSERELLE_SECRET : créé au premier appel dans <dossier>/secret (mode 600), puis relu à l'identique", () => {
    const donnees = path.join(dossier, "donnees");
    const premier = secretDe({ secret: undefined, dossierDonnees: donnees });
    expect(premier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(statSync(path.join(donnees, "secret")).mode & 0o777).toBe(0o600);
    expect(readFileSync(path.join(donnees, "secret"), "utf8").trim()).toBe(premier);
    expect(secretDe({ secret: undefined, dossierDonnees: donnees })).toBe(premier);
  });

  it("PASSERELLE_SECRET l'emporte et rien n'est écrit", () => {
    const autre = path.join(dossier, "autre");
    expect(secretDe({ secret: "s".repeat(40), dossierDonnees: autre })).toBe("s".repeat(40));
    expect(() => statSync(autre)).toThrow();
  });
});
