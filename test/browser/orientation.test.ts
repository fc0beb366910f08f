import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditerAccessibilite, demarrerServeur, lancerChromium, type Serveur } from "./outils";

let serveur: Serveur;
let navigateur: Browser;
const SORTIE = "test-results/orientation";

beforeAll(async () => {
  mkdirSync(SORTIE, { recursive: true });
  serveur = await demarrerServeur(3991);
  navigateur = await lancerChromium();
});

afterAll(async () => {
  await navigateur?.close();
  await serveur?.arreter();
});

/** Presses Tab until the focused element matches (keyboard only: no click, no focus() call). */
async function tabulerJusqua(page: Page, test: (e: { id: string; texte: string; nom: string; valeur: string }) => boolean, max = 120): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    const e = await page.evaluate(() => {
      const a = document.activeElement;
      const id = a?.id ?? "";
      const label = id ? document.querySelector(`label[for="${id}"]`)?.textContent : "";
      return {
        id,
        texte: (label || a?.textContent || "").trim(),
        nom: a?.getAttribute("name") ?? "",
        valeur: a instanceof HTMLInputElement || a instanceof HTMLButtonElement ? a.value : "",
      };
    });
    if (test(e)) return;
  }
  throw new Error("élément jamais atteint au clavier");
}

async function sansViolation(page: Page, nom: string): Promise<void> {
  expect(await auditerAccessibilite(page), nom).toEqual([]);
}

/**
 * axe needs JavaScript: the same URL is audited in a page where the app's scripts are blocked,
 * which shows exactly the server HTML a browser without JavaScript gets.
 */
async function sansViolationSansJs(page: Page, nom: string): Promise<void> {
  const copie = await navigateur.newPage();
  await copie.route(/\.js(\?.*)?$/, (r) => r.abort());
  await copie.goto(page.url());
  expect(await copie.getByRole("button", { name: "Mettre à jour le nombre de lieux" }).count()).toBe(await page.getByRole("button", { name: "Mettre à jour le nombre de lieux" }).count());
  await sansViolation(copie, nom);
  await copie.close();
}

const titre = (page: Page) => page.locator("h1").innerText();
const compte = (page: Page) => page.locator(".compte").innerText();
const focusSurTitre = (page: Page) => page.evaluate(() => document.activeElement?.id);

describe("questionnaire d'orientation, au clavier seulement", () => {
  it("du besoin à la fiche, puis le PDF", async () => {
    const page = await navigateur.newPage();
    await page.goto(`${serveur.url}/orientation`);
    expect(await titre(page)).toMatch(/Étape 1 sur 4\s*:?\s*De quoi avez-vous besoin/);
    await sansViolation(page, "étape 1");
    const avant = await compte(page);

    await tabulerJusqua(page, (e) => e.texte.startsWith("Faire une démarche en ligne"));
    await page.keyboard.press("Space");
    await expect.poll(() => compte(page), { timeout: 10_000 }).not.toBe(avant);
    expect(await compte(page)).toMatch(/^\d+ lieux correspondent/);
    await page.screenshot({ path: `${SORTIE}/etape-1.png`, fullPage: true });
    await tabulerJusqua(page, (e) => e.texte === "Continuer");
    await page.keyboard.press("Enter");

    await expect.poll(() => titre(page)).toMatch(/Étape 2 sur 4/);
    await expect.poll(() => focusSurTitre(page)).toBe("titre-etape");
    await sansViolation(page, "étape 2");
    await tabulerJusqua(page, (e) => e.id === "ou");
    await page.keyboard.type("Brest");
    await page.keyboard.press("Enter");

    await expect.poll(() => titre(page)).toMatch(/Étape 3 sur 4/);
    await expect.poll(() => focusSurTitre(page)).toBe("titre-etape");
    expect(page.url()).toContain("ou=Brest");
    expect(page.url()).toContain("rayon_km=30");
    await sansViolation(page, "étape 3");
    const avantRdv = await compte(page);
    await tabulerJusqua(page, (e) => e.nom === "rendez_vous");
    await page.keyboard.press("ArrowDown");
    await expect.poll(() => page.locator('input[name="rendez_vous"][value="sans"]').isChecked()).toBe(true);
    await expect.poll(() => compte(page), { timeout: 10_000 }).not.toBe(avantRdv);
    await page.screenshot({ path: `${SORTIE}/etape-3.png`, fullPage: true });
    await tabulerJusqua(page, (e) => e.texte === "Continuer");
    await page.keyboard.press("Enter");

    await expect.poll(() => titre(page)).toMatch(/Étape 4 sur 4/);
    await sansViolation(page, "étape 4");
    await tabulerJusqua(page, (e) => e.texte === "Voir les lieux");
    await page.keyboard.press("Enter");

    await expect.poll(() => titre(page)).toBe("Les lieux qui peuvent vous aider");
    await sansViolation(page, "résultats");
    await page.screenshot({ path: `${SORTIE}/resultats.png`, fullPage: true });
    await tabulerJusqua(page, (e) => e.nom === "lieux");
    await page.keyboard.press("Space");
    await tabulerJusqua(page, (e) => e.nom === "lieux");
    await page.keyboard.press("Space");
    await tabulerJusqua(page, (e) => e.texte === "Préparer la fiche d'orientation");
    await page.keyboard.press("Enter");

    await page.waitForURL(/\/orientation\/fiche\?/);
    const url = new URL(page.url());
    expect(url.searchParams.get("lieux")?.split("|")).toHaveLength(2);
    expect(url.searchParams.get("besoin")).toBe("Aide aux démarches administratives");
    await expect.poll(() => page.locator(".fiche-lieu").count()).toBe(2);
    expect(await page.locator(".fiche-code").first().innerText()).toMatch(/^[0-9A-F]{4}-[0-9A-F]{4}$/);
    expect(await page.locator(".fiche-qr img").count()).toBe(2);
    await sansViolation(page, "fiche");

    // The first name and structure, typed with the keyboard, go on the sheet only.
    await tabulerJusqua(page, (e) => e.texte.startsWith("Ajouter un prénom"));
    await page.keyboard.press("Enter");
    await tabulerJusqua(page, (e) => e.id === "prenom");
    await page.keyboard.type("Maëlys");
    await tabulerJusqua(page, (e) => e.id === "structure");
    await page.keyboard.type("CCAS de Plœmeur");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator(".fiche-entete").innerText()).toContain("Maëlys");
    await sansViolation(page, "fiche personnalisée");
    await page.screenshot({ path: `${SORTIE}/fiche-ecran.png`, fullPage: true });
    await page.emulateMedia({ media: "print" });
    await page.screenshot({ path: `${SORTIE}/fiche-impression.png`, fullPage: true });
    await page.pdf({ path: `${SORTIE}/fiche-impression-navigateur.pdf`, format: "A4" });
    await page.emulateMedia({ media: "screen" });

    await tabulerJusqua(page, (e) => e.texte === "Télécharger en PDF");
    const [telechargement] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
    expect(telechargement.suggestedFilename()).toBe("fiche-orientation.pdf");
    const chemin = `${SORTIE}/fiche-orientation.pdf`;
    await telechargement.saveAs(chemin);
    const pdf = readFileSync(chemin);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.toString("latin1")).toContain("/StructTreeRoot");
    const texte = execFileSync("pdftotext", ["-enc", "UTF-8", chemin, "-"]).toString("utf8");
    expect(texte).toContain("Maëlys");
    expect(texte).toContain(await page.locator(".fiche-code").first().innerText());
    execFileSync("pdftoppm", ["-png", "-r", "70", chemin, `${SORTIE}/fiche-pdf`]);
    execFileSync("pdftoppm", ["-png", "-r", "50", `${SORTIE}/fiche-impression-navigateur.pdf`, `${SORTIE}/fiche-impression`]);
  });

  it("une réponse manquante est signalée et liée à son champ", async () => {
    const page = await navigateur.newPage();
    await page.goto(`${serveur.url}/orientation?etape=2`);
    expect(await titre(page)).toMatch(/Étape 1 sur 4/);
    expect(await page.locator(".resume-erreurs a").getAttribute("href")).toBe("#services");
    expect(await page.locator("#services").getAttribute("aria-invalid")).toBe("true");
    await sansViolation(page, "erreur étape 1");
    await page.goto(`${serveur.url}/orientation?services=Aide+aux+d%C3%A9marches+administratives&ou=Zzyzx&etape=3`);
    expect(await titre(page)).toMatch(/Étape 2 sur 4/);
    expect(await page.locator("#erreur-ou").innerText()).toContain("Zzyzx");
    await sansViolation(page, "erreur étape 2");
  });

  it("sans lieu, dit quelle réponse retirer", async () => {
    const page = await navigateur.newPage();
    const q = "services=Aide+aux+d%C3%A9marches+administratives&ou=Brest&rayon_km=5&prise_en_charge=Surdit%C3%A9&publics=Femmes&quand=week_end&etape=resultats";
    await page.goto(`${serveur.url}/orientation?${q}`);
    expect(await compte(page)).toMatch(/Aucun lieu/);
    const suggestions = page.locator(".suggestions a");
    expect(await suggestions.count()).toBeGreaterThan(0);
    await sansViolation(page, "zéro résultat");
    await page.screenshot({ path: `${SORTIE}/zero.png`, fullPage: true });
    await suggestions.first().click();
    await expect.poll(() => compte(page)).toMatch(/correspond/);
  });
});

describe("questionnaire sans JavaScript", () => {
  it("chaque étape est un formulaire, le nombre s'affiche, « Retour » garde les réponses", async () => {
    const contexte = await navigateur.newContext({ javaScriptEnabled: false });
    const page = await contexte.newPage();
    await page.goto(`${serveur.url}/orientation`);
    await page.getByLabel("Faire une démarche en ligne").check();
    await page.getByRole("button", { name: "Mettre à jour le nombre de lieux" }).click();
    expect(await compte(page)).toMatch(/lieux correspondent/);
    expect(await titre(page)).toMatch(/Étape 1 sur 4/);
    await page.getByRole("button", { name: "Continuer" }).click();
    await page.getByLabel("Votre commune ou son code postal").fill("29200");
    await page.getByRole("button", { name: "Continuer" }).click();
    expect(await titre(page)).toMatch(/Étape 3 sur 4/);
    expect(await page.getByRole("button", { name: "Autour de moi" }).count()).toBe(0);
    await page.getByLabel("Gratuit", { exact: true }).check();
    await page.getByRole("button", { name: "Continuer" }).click();
    await page.getByRole("link", { name: "Retour à l'étape précédente" }).click();
    expect(await titre(page)).toMatch(/Étape 3 sur 4/);
    expect(await page.getByLabel("Gratuit", { exact: true }).isChecked()).toBe(true);
    await sansViolationSansJs(page, "étape 3 sans JS");
    await page.getByRole("button", { name: "Continuer" }).click();
    await page.getByLabel("Le soir, après 18 h").check();
    await page.getByLabel("N'importe quand").check();
    await page.getByRole("button", { name: "Voir les lieux" }).click();
    expect(await titre(page)).toBe("Les lieux qui peuvent vous aider");
    await page.getByRole("button", { name: "Préparer la fiche d'orientation" }).click();
    expect(await page.locator(".resume-erreurs").innerText()).toContain("Cochez au moins un lieu");
    await sansViolationSansJs(page, "erreur de choix sans JS");
    await page.locator('input[name="lieux"]').first().check();
    await page.getByRole("button", { name: "Préparer la fiche d'orientation" }).click();
    await page.waitForURL(/\/orientation\/fiche\?/);
    expect(await page.locator(".fiche-lieu").count()).toBe(1);
    expect(await page.getByRole("button", { name: "Imprimer" }).count()).toBe(0);
    await sansViolationSansJs(page, "fiche sans JS");
    const lien = await page.getByRole("link", { name: "Télécharger en PDF" }).getAttribute("href");
    const r = await fetch(`${serveur.url}${lien}`);
    expect(r.headers.get("content-type")).toBe("application/pdf");
    expect(r.headers.get("content-disposition")).toBe('attachment; filename="fiche-orientation.pdf"');
    expect(r.headers.get("cache-control")).toBe("no-store");
    const code = await page.locator(".fiche-code").innerText();
    const court = await fetch(`${serveur.url}/l/${code}`, { redirect: "manual" });
    expect(court.status).toBe(302);
    expect(court.headers.get("location")).toMatch(/\/lieux\/[0-9a-f-]{36}$/);
    expect((await fetch(`${serveur.url}/l/0000-0000`, { redirect: "manual" })).status).toBe(404);
    await contexte.close();
  });
});
