import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditerAccessibilite, demarrerServeur, lancerChromium, type Serveur } from "./outils";

let serveur: Serveur;
let navigateur: Browser;

beforeAll(async () => {
  serveur = await demarrerServeur(Number(process.env.PASSERELLE_E2E_PORT ?? 3981));
  navigateur = await lancerChromium();
});

afterAll(async () => {
  await navigateur?.close();
  await serveur?.arreter();
});

/**
 * axe must find nothing, with every <details> open so that hidden filters are checked too.
 * Without JavaScript axe cannot run in the page: its exact HTML (scripts removed) is audited in a
 * JavaScript-enabled page, with the same styles.
 */
async function sansViolation(page: Page): Promise<void> {
  const html = (await page.content())
    .replace(/<script\b[\s\S]*?<\/script>/gi, "")
    .replace("<head>", `<head><base href="${serveur.url}/">`);
  const contexte = await navigateur.newContext({ viewport: page.viewportSize() ?? { width: 1280, height: 900 } });
  const copie = await contexte.newPage();
  await copie.setContent(html, { waitUntil: "load" });
  await copie.evaluate(() => document.querySelectorAll("details").forEach((d) => d.setAttribute("open", "")));
  expect(await auditerAccessibilite(copie)).toEqual([]);
  await contexte.close();
}

async function nombreTrouve(page: Page): Promise<number> {
  const titre = (await page.locator("#titre-resultats").textContent()) ?? "";
  return titre.startsWith("Aucun") ? 0 : Number(titre.replace(/\D/g, ""));
}

async function chercher(page: Page, ou: string): Promise<void> {
  await page.goto(`${serveur.url}/lieux`);
  await page.getByLabel("Où ?").fill(ou);
  await page.getByRole("button", { name: "Rechercher", exact: true }).click();
  await page.waitForURL(/ou=/);
  // With JavaScript the URL changes before the new results are rendered: wait for them.
  await page.locator(".resume-resultats", { hasText: ou }).waitFor();
}

describe.each([
  ["avec JavaScript", true],
  ["sans JavaScript", false],
])("recherche et fiche d'un lieu %s", (_nom, javaScriptEnabled) => {
  let contexte: BrowserContext;
  let page: Page;
  const suffixe = javaScriptEnabled ? "js" : "sans-js";
  beforeAll(async () => {
    contexte = await navigateur.newContext({ javaScriptEnabled, viewport: { width: 1280, height: 900 } });
    page = await contexte.newPage();
  });
  afterAll(async () => contexte?.close());

  it("cherche depuis une commune : lieux triés par distance", async () => {
    await chercher(page, "Quimper");
    expect(await nombreTrouve(page)).toBeGreaterThan(5);
    await expect(page.locator(".resume-resultats").textContent()).resolves.toContain("Quimper");
    const distances = await page.locator(".carte-lieu-adresse strong").allTextContents();
    const km = distances.map((d) => (d.includes("moins de 100 m") ? 0 : Number(d.replace(/[^\d,]/g, "").replace(",", "."))));
    expect(km.length).toBeGreaterThan(5);
    expect([...km].sort((a, b) => a - b)).toEqual(km);
    await page.screenshot({ path: `test-results/lieux-quimper-${suffixe}.png`, fullPage: true });
    await sansViolation(page);
  });

  it("applique un filtre : l'adresse garde tous les critères", async () => {
    await chercher(page, "Quimper");
    const avant = await nombreTrouve(page);
    await page.locator("summary", { hasText: "Affiner" }).click();
    await page.getByRole("checkbox", { name: /^Faire une démarche en ligne/ }).check();
    await page.getByRole("radio", { name: /^Sans rendez-vous/ }).check();
    await page.getByRole("button", { name: "Afficher les lieux" }).click();
    await page.waitForURL(/services=/);
    expect(page.url()).toContain("rendez_vous=sans");
    const apres = await nombreTrouve(page);
    expect(apres).toBeLessThanOrEqual(avant);
    expect(await page.locator(".badge-rdv").count()).toBe(0);
    // The filters are folded after a search; the ticked box is still ticked inside.
    await expect(page.locator('input[name="services"][value="Aide aux démarches administratives"]').isChecked()).resolves.toBe(true);
    await expect(page.locator("summary", { hasText: "Affiner" }).textContent()).resolves.toContain("2 critères choisis");
    await sansViolation(page);
  });

  it("ouvre la fiche d'un lieu et envoie un signalement", async () => {
    await page.goto(`${serveur.url}/lieux?commune=29019`);
    expect(await nombreTrouve(page)).toBeGreaterThan(5);
    const premier = page.locator(".carte-lieu-nom a").first();
    const nom = (await premier.textContent()) ?? "";
    await premier.click();
    await page.waitForURL(/\/lieux\/[0-9a-f-]{36}/);
    await expect(page.locator("h1").textContent()).resolves.toBe(nom);
    const texte = (await page.locator("main").textContent()) ?? "";
    expect(texte).toContain("Horaires");
    expect(texte).toContain("D'où viennent ces informations ?");
    expect(texte).toMatch(/à jour|à vérifier|ancienne/);
    await page.screenshot({ path: `test-results/fiche-${suffixe}.png`, fullPage: true });
    await sansViolation(page);

    // Nothing ticked, nothing written: the form says what is missing, on the page.
    await page.getByRole("button", { name: "Envoyer le signalement" }).click();
    await expect(page.getByRole("alert").textContent()).resolves.toContain("Cochez ce qui est faux");
    await sansViolation(page);

    // Forms sent less than 3 s after they were shown are taken for bots and quietly dropped.
    await page.waitForTimeout(3000);
    await page.getByRole("checkbox", { name: "Les horaires" }).check();
    await page.getByLabel(/Précisez ce qui est faux/).fill("Fermé le mercredi après-midi depuis septembre.");
    await page.getByRole("button", { name: "Envoyer le signalement" }).click();
    await page.waitForURL(/signalement=merci/);
    await expect(page.locator(".message-succes").textContent()).resolves.toContain("Merci");
    await sansViolation(page);
  });
});

describe("autres pages", () => {
  it("des paramètres invalides donnent un message clair, pas une erreur", async () => {
    const page = await navigateur.newPage();
    const reponse = await page.goto(`${serveur.url}/lieux?rayon_km=abc&commune=123`);
    expect(reponse?.status()).toBe(400);
    const alerte = (await page.getByRole("alert").textContent()) ?? "";
    expect(alerte).toContain("« rayon_km »");
    expect(alerte).toContain("« commune »");
    await sansViolation(page);
    await page.close();
  });

  it("aucun résultat : propose d'élargir la recherche", async () => {
    const page = await navigateur.newPage();
    await page.goto(`${serveur.url}/lieux?commune=29019&rayon_km=5&prise_en_charge=Surdit%C3%A9&week_end=1&publics=Femmes`);
    expect(await nombreTrouve(page)).toBe(0);
    await expect(page.getByRole("link", { name: /chercher plus loin, jusqu'à 10 km/ }).count()).resolves.toBe(1);
    await page.getByRole("link", { name: /enlever tous les autres critères/ }).click();
    await page.waitForURL((u) => !u.search.includes("week_end"));
    expect(await nombreTrouve(page)).toBeGreaterThan(0);
    await sansViolation(page);
    await page.close();
  });

  it("à 320 px de large, rien ne déborde", async () => {
    const contexte = await navigateur.newContext({ viewport: { width: 320, height: 640 } });
    const page = await contexte.newPage();
    await page.goto(`${serveur.url}/lieux?commune=29019`);
    await page.locator("summary", { hasText: "Affiner" }).click();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await page.screenshot({ path: "test-results/lieux-320px.png", fullPage: true });
    await sansViolation(page);
    await page.locator(".carte-lieu-nom a").first().click();
    await page.waitForURL(/\/lieux\/[0-9a-f-]{36}/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await page.screenshot({ path: "test-results/fiche-320px.png", fullPage: true });
    await contexte.close();
  });

  it("pages de territoire : département, EPCI, commune ; 404 sinon", async () => {
    const page = await navigateur.newPage();
    await page.goto(`${serveur.url}/territoires/departement/29`);
    await expect(page.locator("h1").textContent()).resolves.toContain("Finistère");
    await expect(page.getByRole("table", { name: /Lieux par besoin/ }).count()).resolves.toBe(1);
    await page.screenshot({ path: "test-results/territoire-29.png", fullPage: true });
    await sansViolation(page);
    await page.getByRole("table", { name: /Intercommunalités/ }).getByRole("link").first().click();
    await page.waitForURL(/\/territoires\/(epci|commune)\//);
    await sansViolation(page);
    expect((await page.goto(`${serveur.url}/territoires/commune/29019`))?.status()).toBe(200);
    await expect(page.getByRole("link", { name: /Chercher les lieux autour de Brest/ }).getAttribute("href")).resolves.toBe("/lieux?commune=29019");
    await sansViolation(page);
    expect((await page.goto(`${serveur.url}/territoires/epci/29`))?.status()).toBe(404);
    expect((await page.goto(`${serveur.url}/lieux/6f1c1f8e-0000-4000-8000-000000000000`))?.status()).toBe(404);
    await page.close();
  });

  it("intégration /embed : sans en-tête du site, fiches dans un nouvel onglet, cadrable", async () => {
    const page = await navigateur.newPage();
    const reponse = await page.goto(`${serveur.url}/embed?territoire=29&services=Aide%20aux%20d%C3%A9marches%20administratives`);
    expect(reponse?.headers()["x-frame-options"]).toBeUndefined();
    await expect(page.locator("header.entete").count()).resolves.toBe(0);
    await expect(page.locator("h1").textContent()).resolves.toContain("Finistère");
    expect(await nombreTrouve(page)).toBeGreaterThan(5);
    const lien = page.locator(".carte-lieu-nom a").first();
    await expect(lien.getAttribute("target")).resolves.toBe("_blank");
    await expect(lien.getAttribute("rel")).resolves.toBe("noopener");
    await expect(page.getByRole("link", { name: /Propulsé par Passerelle/ }).count()).resolves.toBe(1);
    await page.screenshot({ path: "test-results/embed-29.png", fullPage: true });
    await sansViolation(page);
    await page.close();
  });
});
