import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditerAccessibilite, demarrerServeur, lancerChromium, type Serveur } from "./outils";

/**
 * The territorial diagnostic in a real Chromium, with and without JavaScript: maps drawn by the
 * server, tables sorted through their header links, the PDF report, the exports.
 * Build first (PASSERELLE_BUILD_DIR=build-… npx react-router build) and run with the same variable.
 */

let serveur: Serveur;
let navigateur: Browser;
const SORTIE = "test-results/diagnostic";
const EPCI = "/territoires/epci/242900645/diagnostic"; // CC Douarnenez Communauté, 5 communes
const DEPARTEMENT = "/territoires/departement/29/diagnostic";

beforeAll(async () => {
  mkdirSync(SORTIE, { recursive: true });
  serveur = await demarrerServeur(Number(process.env.PASSERELLE_E2E_PORT ?? 3987));
  navigateur = await lancerChromium();
});

afterAll(async () => {
  await navigateur?.close();
  await serveur?.arreter();
});

/** axe finds nothing; without JavaScript the page's exact HTML (scripts removed) is audited in a JavaScript-enabled copy. */
async function sansViolation(page: Page): Promise<void> {
  const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, "").replace("<head>", `<head><base href="${serveur.url}/">`);
  const contexte = await navigateur.newContext({ viewport: page.viewportSize() ?? { width: 1280, height: 900 } });
  const copie = await contexte.newPage();
  await copie.setContent(html, { waitUntil: "load" });
  expect(await auditerAccessibilite(copie)).toEqual([]);
  await contexte.close();
}

/** A French number as shown ("14 068", "6,8", "inconnu") as a number, or null. */
function nombre(texte: string): number | null {
  const propre = texte.replace(/[\s\u202f\u00a0]/g, "").replace(",", ".");
  return propre === "inconnu" || propre === "" ? null : Number(propre);
}

async function colonne(page: Page, table: string, indice: number): Promise<(number | null)[]> {
  const cellules = await page.locator(`#${table} tbody tr > :nth-child(${indice})`).allTextContents();
  return cellules.map(nombre);
}

/** Sorts a table by clicking its header link, as a person would, and waits for the new page. */
async function trierPar(page: Page, table: string, entete: RegExp): Promise<void> {
  const lien = page.locator(`#${table} thead`).getByRole("link", { name: entete });
  const cible = (await lien.getAttribute("href")) ?? "";
  await lien.click();
  await page.waitForURL((u) => `${u.pathname}${u.search}${u.hash}` === cible);
  await page.locator(`#${table}`).waitFor();
}

describe.each([
  ["avec JavaScript", true],
  ["sans JavaScript", false],
])("diagnostic %s", (_nom, javaScriptEnabled) => {
  let contexte: BrowserContext;
  let page: Page;
  const suffixe = javaScriptEnabled ? "js" : "sans-js";
  beforeAll(async () => {
    contexte = await navigateur.newContext({ javaScriptEnabled, viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    page = await contexte.newPage();
  });
  afterAll(async () => contexte?.close());

  it("montre le diagnostic d'une intercommunalité : mesures, carte, légende, tableaux", async () => {
    const reponse = await page.goto(`${serveur.url}${EPCI}`);
    expect(reponse?.status()).toBe(200);
    await expect(page.locator("h1").textContent()).resolves.toContain("CC Douarnenez Communauté");
    const texte = (await page.locator("main").textContent()) ?? "";
    expect(texte).toContain("Fragilité socio-numérique");
    expect(texte).toContain("Exposition aux exigences numériques");
    expect(texte).toMatch(/Score global : \d,\d\s\/\s10/);
    // The map: one shape per commune, an image with a summary, and its legend.
    const carte = page.locator("#carte-communes-titre").locator("xpath=..");
    expect(await carte.locator("svg.carte-svg path[d^='M']").count()).toBe(5);
    await expect(carte.locator("svg.carte-svg").getAttribute("role")).resolves.toBe("img");
    await expect(carte.locator("svg.carte-svg").getAttribute("aria-label")).resolves.toContain("donne les mêmes chiffres");
    expect(await carte.locator(".carte-legende li").count()).toBeGreaterThanOrEqual(2);
    await expect(carte.locator("svg.carte-svg path title").first().textContent()).resolves.toMatch(/ : (\d|donnée inconnue)/);
    expect(await page.locator("#tableau-communes tbody tr").count()).toBe(5);
    await page.screenshot({ path: `${SORTIE}/epci-${suffixe}.png`, fullPage: true });
    await sansViolation(page);
  });

  it("trie le tableau des communes par la population, dans un sens puis dans l'autre", async () => {
    await page.goto(`${serveur.url}${EPCI}`);
    await trierPar(page, "tableau-communes", /^Population \(habitants\)/);
    expect(page.url()).toContain("tri=population&ordre=desc");
    await expect(page.locator("#tableau-communes th[aria-sort]").textContent()).resolves.toContain("Population");
    await expect(page.locator("#tableau-communes th[aria-sort]").getAttribute("aria-sort")).resolves.toBe("descending");
    const decroissant = await colonne(page, "tableau-communes", 2);
    expect(decroissant).toEqual([14068, 1453, 1213, 805, 765]);
    await expect(page.locator("#tableau-communes tbody th").first().textContent()).resolves.toBe("Douarnenez");

    await trierPar(page, "tableau-communes", /^Population \(habitants\)/);
    expect(page.url()).toContain("tri=population&ordre=asc");
    expect(await colonne(page, "tableau-communes", 2)).toEqual([765, 805, 1213, 1453, 14068]);
    await expect(page.locator("#tableau-communes th[aria-sort]").getAttribute("aria-sort")).resolves.toBe("ascending");
  });

  it("change l'indicateur de la carte avec le formulaire, en gardant le tri", async () => {
    await page.goto(`${serveur.url}${EPCI}?tri=population&ordre=asc`);
    await page.getByLabel("Indicateur montré sur les cartes").selectOption("lieux_pour_10000");
    await page.getByRole("button", { name: "Afficher la carte" }).click();
    await page.waitForURL(/carte=lieux_pour_10000/);
    expect(page.url()).toContain("tri=population");
    await expect(page.locator("#carte-communes-titre").textContent()).resolves.toContain("Lieux de médiation numérique pour 10 000 habitants");
    // The map's values are the table's: each shape's title matches its commune's cell.
    const titres = await page.locator("svg.carte-svg path title").allTextContents();
    const noms = await page.locator("#tableau-communes tbody th").allTextContents();
    const valeurs = await colonne(page, "tableau-communes", 7);
    for (const [i, nom] of noms.entries()) {
      const titre = titres.find((t) => t.startsWith(`${nom} : `)) ?? "";
      expect(nombre(titre.slice(nom.length + 3))).toBe(valeurs[i]);
    }
  });

  it("montre un département : carte des communes et des intercommunalités, comparaison triable", async () => {
    await page.goto(`${serveur.url}${DEPARTEMENT}`);
    await expect(page.locator("h1").textContent()).resolves.toContain("Finistère");
    expect(await page.locator("#carte-communes-titre").locator("xpath=..").locator("svg path[d^='M']").count()).toBe(277);
    expect(await page.locator("#carte-epci-titre").locator("xpath=..").locator("svg.carte-svg path[d^='M']").count()).toBeGreaterThan(15);
    // Ranked by gap by default: rank 1 first.
    const rangs = await colonne(page, "tableau-comparaison", 1);
    expect(rangs[0]).toBe(1);
    await trierPar(page, "tableau-comparaison", /^Population \(habitants\)/);
    expect(page.url()).toContain("comparaison_tri=population&comparaison_ordre=desc");
    const populations = await colonne(page, "tableau-comparaison", 3);
    const nombres = populations.filter((p): p is number => p !== null);
    expect(nombres.length).toBeGreaterThan(15);
    expect(nombres).toEqual([...nombres].sort((a, b) => b - a));
    await page.screenshot({ path: `${SORTIE}/departement-${suffixe}.png`, fullPage: true });
    await sansViolation(page);
  });

  it("télécharge le rapport PDF, dont le texte nomme le territoire", async () => {
    await page.goto(`${serveur.url}${EPCI}`);
    const [telechargement] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Rapport pour les élus (PDF)" }).click()]);
    expect(telechargement.suggestedFilename()).toBe("diagnostic-epci-242900645-cc-douarnenez-communaute.pdf");
    const chemin = `${SORTIE}/rapport-${suffixe}.pdf`;
    await telechargement.saveAs(chemin);
    const pdf = readFileSync(chemin);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.toString("latin1")).toContain("/StructTreeRoot");
    const texte = execFileSync("pdftotext", ["-enc", "UTF-8", chemin, "-"]).toString("utf8");
    expect(texte).toContain("CC Douarnenez Communauté");
    expect(texte).toContain("Sources et méthode");
    if (javaScriptEnabled) execFileSync("pdftoppm", ["-png", "-r", "60", chemin, `${SORTIE}/rapport-pdf`]);
  });
});

describe("diagnostic : petit écran, impression, fichiers", () => {
  it("tient dans 320 px de large sans défilement horizontal de la page", async () => {
    const page = await navigateur.newPage({ viewport: { width: 320, height: 800 } });
    await page.goto(`${serveur.url}${EPCI}`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await page.screenshot({ path: `${SORTIE}/epci-320.png`, fullPage: true });
    await sansViolation(page);
    await page.emulateMedia({ media: "print" });
    // Printed: no navigation nor form, the map and the tables stay.
    expect(await page.locator(".formulaire-carte").isVisible()).toBe(false);
    expect(await page.locator(".entete").isVisible()).toBe(false);
    expect(await page.locator("svg.carte-svg").isVisible()).toBe(true);
    await page.pdf({ path: `${SORTIE}/epci-impression.pdf`, format: "A4" });
    await page.close();
  });

  it("exporte le CSV (BOM, `;`) et le GeoJSON des communes ; un territoire inconnu répond 404", async () => {
    const csv = await fetch(`${serveur.url}${EPCI}.csv`);
    expect(csv.headers.get("content-disposition")).toBe('attachment; filename="diagnostic-epci-242900645-cc-douarnenez-communaute.csv"');
    const octets = new Uint8Array(await csv.arrayBuffer());
    expect([...octets.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lignes = new TextDecoder().decode(octets).split("\r\n");
    expect(lignes[0]).toMatch(/^Code INSEE;Commune;Population \(habitants\);/);
    expect(lignes.filter((l) => /^\d{5};/.test(l))).toHaveLength(5);
    expect(lignes.find((l) => l.startsWith("29046;"))).toMatch(/^29046;Douarnenez;14068;/);

    const geo = await fetch(`${serveur.url}${EPCI}.geojson`);
    expect(geo.headers.get("content-type")).toContain("application/geo+json");
    const collection: { features: { geometry: { type: string } | null; properties: { code: string; population: number } }[] } = await geo.json();
    expect(collection.features).toHaveLength(5);
    expect(collection.features.every((f) => f.geometry?.type === "Polygon" || f.geometry?.type === "MultiPolygon")).toBe(true);
    expect(collection.features.find((f) => f.properties.code === "29046")?.properties.population).toBe(14068);

    for (const suffixe of ["", ".csv", ".geojson", ".pdf"]) {
      expect((await fetch(`${serveur.url}/territoires/epci/000000000/diagnostic${suffixe}`)).status).toBe(404);
    }
  });
});
