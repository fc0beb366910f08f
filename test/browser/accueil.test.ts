import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditerAccessibilite, demarrerServeur, lancerChromium, type Serveur } from "./outils";

let serveur: Serveur;
let navigateur: Browser;

beforeAll(async () => {
  serveur = await demarrerServeur(3971);
  navigateur = await lancerChromium();
});

afterAll(async () => {
  await navigateur?.close();
  await serveur?.arreter();
});

describe("premier démarrage, dans Chromium", () => {
  it("la page d'accueil montre l'annuaire chargé depuis les données de Bretagne", async () => {
    const page = await navigateur.newPage();
    await page.goto(serveur.url);
    await expect(page.locator("h1").textContent()).resolves.toContain("lieux de médiation numérique de Bretagne");
    const total = Number((await page.locator(".chiffres li strong").first().textContent())?.replace(/\s/g, ""));
    expect(total).toBeGreaterThan(500);
    const departements = page.locator("table").first().locator("tbody tr");
    await expect(departements.count()).resolves.toBe(4);
    await expect(page.getByRole("row", { name: /Finistère/ }).textContent()).resolves.toMatch(/\d/);
    await expect(page.getByRole("row", { name: /France services \(ANCT/ }).count()).resolves.toBe(1);
    expect(await auditerAccessibilite(page)).toEqual([]);
    await page.screenshot({ path: "test-results/accueil.png", fullPage: true });
  });

  it("la page « À propos des données » cite les sources et leurs licences", async () => {
    const page = await navigateur.newPage();
    await page.goto(`${serveur.url}/a-propos-des-donnees`);
    const texte = (await page.locator("main").textContent()) ?? "";
    expect(texte).toContain("Licence Ouverte");
    expect(texte).toContain("France services");
    expect(texte).toContain("Aidants Connect");
    expect(texte).toMatch(/IGN|Admin Express/);
    expect(await auditerAccessibilite(page)).toEqual([]);
  });

  it("le contrôle de santé répond en JSON", async () => {
    const r = await fetch(`${serveur.url}/healthz`);
    expect(r.status).toBe(200);
    expect(await r.json()).toMatchObject({ statut: "ok", base: "pglite" });
  });

  it("les pages principales tiennent à 320 px de large et à 200 % de zoom, sans défilement horizontal", async () => {
    const pages = ["/", "/lieux?commune=29019", "/orientation", "/orientation?etape=2&services=Aide%20aux%20d%C3%A9marches%20administratives", "/territoires/departement/29", "/a-propos-des-donnees"];
    // 200 % zoom on a 1280 px screen leaves 640 CSS pixels, as WCAG 1.4.4/1.4.10 consider.
    for (const largeur of [320, 640]) {
      const contexte = await navigateur.newContext({ viewport: { width: largeur, height: 800 }, deviceScaleFactor: 1280 / largeur });
      const page = await contexte.newPage();
      for (const chemin of pages) {
        await page.goto(`${serveur.url}${chemin}`);
        const debord = await page.evaluate(() => document.documentElement.scrollWidth);
        expect({ chemin, largeur, debord: debord > largeur }).toEqual({ chemin, largeur, debord: false });
      }
      await contexte.close();
    }
  });
});
