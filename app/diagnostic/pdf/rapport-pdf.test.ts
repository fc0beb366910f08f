import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cartesDiagnostic } from "../vues/cartes.server";
import { RAPPORT_EXEMPLE } from "../vues/exemple.test-outils";
import { choisirIndicateur, servicesDe } from "../vues/indicateurs-carte";
import { rapportPdf } from "./rapport-pdf.server";

/** pdftotext (poppler-utils) reads the text as a person's viewer would; without it, the PDF's own metadata is checked. */
function texteDuPdf(chemin: string): string | null {
  try {
    return execFileSync("pdftotext", ["-enc", "UTF-8", "-layout", chemin, "-"]).toString("utf8");
  } catch {
    return null;
  }
}

describe("rapport PDF", () => {
  let dossier: string;
  let pdf: Buffer;
  let texte: string | null;

  beforeAll(async () => {
    pdf = await rapportPdf(RAPPORT_EXEMPLE, cartesDiagnostic(RAPPORT_EXEMPLE, choisirIndicateur(null, servicesDe(RAPPORT_EXEMPLE))), "https://passerelle.example/territoires/epci/245600465/diagnostic");
    dossier = mkdtempSync(path.join(tmpdir(), "diagnostic-pdf-"));
    writeFileSync(path.join(dossier, "r.pdf"), pdf);
    texte = texteDuPdf(path.join(dossier, "r.pdf"));
  });
  afterAll(() => rmSync(dossier, { recursive: true, force: true }));

  it("is a tagged PDF in French, titled after the territory", () => {
    expect(pdf.subarray(0, 8).toString("latin1")).toBe("%PDF-1.7");
    const brut = pdf.toString("latin1");
    expect(brut).toContain("/StructTreeRoot");
    expect(brut).toContain("/Lang (fr-FR)");
    // The document title (the Info dictionary holds it as a plain string object).
    expect(brut).toContain("(Diagnostic du territoire : CC de Belle Ile en Mer)");
    expect(brut).toMatch(/\/S \/Figure/);
    expect(brut).toMatch(/\/S \/Table/);
  });

  it("says what is known, what is not and why, then the offer, the gaps and the sources", () => {
    if (texte === null) {
      // Without poppler the metadata above is all that can be read independently of pdfkit.
      expect(pdf.length).toBeGreaterThan(10_000);
      return;
    }
    const t = texte.replace(/\s+/g, " ");
    expect(t).toContain("Diagnostic du territoire : CC de Belle Ile en Mer");
    expect(t).toContain("2 300 personnes, soit 41 % de la population (INSEE, recensement 2021)");
    expect(t).toContain("Inconnue : Le nombre d'allocataires du RSA n'est connu que pour 1 commune sur 4.");
    expect(t).toContain("ce qui est connu : 120 pour 1 commune sur 4");
    expect(t).toContain("Score global 5,8 / 10");
    expect(t).toContain("6 lieux de médiation numérique");
    expect(t).toMatch(/Faire une démarche en ligne 5 2,6 9,8 0 0/);
    expect(t).toMatch(/Locmaria 1 978 6,4 0 1,00 0,00 1,00/);
    expect(t).toContain("Utiliser un ordinateur ou internet sur place : 16,4 km, Médiathèque du Palais (Le Palais)");
    expect(t).toContain("Sources et méthode");
    expect(t).toMatch(/page 1 sur \d/);
  });
});
