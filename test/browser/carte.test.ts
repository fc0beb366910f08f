import { existsSync, symlinkSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditerAccessibilite, demarrerServeur, lancerChromium, type Serveur } from "./outils";

/**
 * The map of /lieux: loaded after the page, drawn (WebGL through Chromium's software renderer),
 * usable with the keyboard, and without accessibility violations.
 * Build first: PASSERELLE_BUILD_DIR=/tmp/build-carte npx react-router build, then run with the same
 * PASSERELLE_BUILD_DIR (or build into ./build and run without it).
 */

let serveur: Serveur;
let navigateur: Browser;

beforeAll(async () => {
  // A build outside the project resolves react, react-router… only through a node_modules beside it.
  const build = process.env.PASSERELLE_BUILD_DIR;
  if (build && !existsSync(path.join(build, "node_modules"))) symlinkSync(path.resolve("node_modules"), path.join(build, "node_modules"), "dir");
  serveur = await demarrerServeur(4001);
  navigateur = await lancerChromium();
});

afterAll(async () => {
  await navigateur?.close();
  await serveur?.arreter();
});

async function pageAvecCarte(): Promise<Page> {
  const page = await navigateur.newPage({ viewport: { width: 1280, height: 900 } });
  const journal: string[] = [];
  page.on("pageerror", (e) => journal.push(e.message));
  await page.goto(`${serveur.url}/lieux?commune=29019`, { waitUntil: "load" });
  await page.locator(".carte-lieux-bloc canvas.maplibregl-canvas").waitFor({ timeout: 30_000 });
  await page.locator(".carte-lieux-point, .carte-lieux-groupe").first().waitFor({ timeout: 30_000 });
  // The map announces its count once it has fitted the results and drawn its last markers; focus
  // placed before that is lost when the markers are redrawn.
  await page.waitForFunction(() => /\d+ lieux? sur la carte/.test(document.querySelector(".carte-lieux-message")?.textContent ?? ""));
  expect(journal).toEqual([]);
  return page;
}

describe("carte des lieux, dans Chromium", () => {
  it("ne charge pas maplibre avant l'événement load, puis dessine la carte et ses marqueurs", async () => {
    const page = await navigateur.newPage();
    const avantLoad: string[] = [];
    let charge = false;
    page.on("load", () => (charge = true));
    page.on("request", (r) => {
      if (!charge) avantLoad.push(r.url());
    });
    await page.goto(`${serveur.url}/lieux?commune=29019`, { waitUntil: "load" });
    expect(avantLoad.filter((u) => /carte-client|maplibre|frontieres|lieux\.geojson/.test(u))).toEqual([]);
    await page.locator(".carte-lieux-bloc canvas.maplibregl-canvas").waitFor({ timeout: 30_000 });
    await expect(page.locator(".carte-lieux-bloc").textContent()).resolves.toContain("équivalent accessible de la carte");
    await page.locator(".carte-lieux-point, .carte-lieux-groupe").first().waitFor({ timeout: 30_000 });
    expect(await page.locator(".carte-lieux-point, .carte-lieux-groupe").count()).toBeGreaterThan(1);
    await page.waitForFunction(() => /\d+ lieux? sur la carte/.test(document.querySelector(".carte-lieux-message")?.textContent ?? ""));
    await page.close();
  });

  it("un lieu s'atteint avec Tab et s'ouvre avec Entrée, Échap rend le focus", async () => {
    const page = await pageAvecCarte();
    await page.locator(".carte-lieux-bloc canvas.maplibregl-canvas").focus();
    let trouve = false;
    for (let i = 0; i < 60 && !trouve; i++) {
      await page.keyboard.press("Tab");
      trouve = await page.evaluate(() => document.activeElement?.classList.contains("carte-lieux-point") ?? false);
    }
    expect(trouve).toBe(true);
    const nom = await page.evaluate(() => document.activeElement?.getAttribute("aria-label") ?? "");
    await page.screenshot({ path: "test-results/carte-focus.png" });
    await page.keyboard.press("Enter");
    const bulle = page.locator(".maplibregl-popup[role=dialog]");
    await bulle.waitFor();
    const lien = bulle.locator("a[href^='/lieux/']");
    await expect(lien.count()).resolves.toBe(1);
    expect(nom.startsWith((await lien.textContent()) ?? "?")).toBe(true);
    // The popup takes the focus on its link, as a small dialog would.
    await expect(page.evaluate(() => document.activeElement?.tagName)).resolves.toBe("A");
    await page.screenshot({ path: "test-results/carte-lieux.png", fullPage: true });
    await page.locator(".carte-lieux-bloc").screenshot({ path: "test-results/carte-bulle.png" });
    expect(await auditerAccessibilite(page)).toEqual([]);
    await page.keyboard.press("Escape");
    await expect(bulle.count()).resolves.toBe(0);
    await expect(page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).resolves.toBe(nom);
    await page.close();
  });

  it("un groupe s'ouvre au clavier : la carte zoome et le focus va à un marqueur qui l'a remplacé", async () => {
    const page = await pageAvecCarte();
    const groupe = page.locator(".carte-lieux-zone .carte-lieux-groupe").first();
    await groupe.waitFor();
    const libelle = (await groupe.getAttribute("aria-label")) ?? "";
    await groupe.focus();
    await page.keyboard.press("Enter");
    await page.waitForFunction(
      (avant) => {
        const actif = document.activeElement;
        return actif !== null && actif.matches(".carte-lieux-point, .carte-lieux-groupe") && actif.getAttribute("aria-label") !== avant;
      },
      libelle,
      { timeout: 10_000 },
    );
    await page.close();
  });

  it("la carte est annoncée et la page reste sans violation axe avant toute interaction", async () => {
    const page = await pageAvecCarte();
    await expect(page.locator(".carte-lieux-bloc canvas").getAttribute("aria-label")).resolves.toMatch(/Carte des lieux/);
    expect(await auditerAccessibilite(page)).toEqual([]);
    await page.close();
  });

  it("sans WebGL, la carte est masquée et la liste reste", async () => {
    const sansWebgl = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-webgl", "--disable-webgl2", "--disable-background-networking"],
    });
    try {
      const page = await sansWebgl.newPage();
      const requetes: string[] = [];
      page.on("request", (r) => requetes.push(r.url()));
      await page.goto(`${serveur.url}/lieux?commune=29019`, { waitUntil: "load" });
      await page.waitForTimeout(2500);
      await expect(page.locator(".carte-lieux-bloc").isHidden()).resolves.toBe(true);
      expect(await page.locator(".liste-lieux li").count()).toBeGreaterThan(0);
      expect(requetes.filter((u) => /carte-client|maplibre/.test(u))).toEqual([]);
    } finally {
      await sansWebgl.close();
    }
  });
});
