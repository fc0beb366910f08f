import { writeFileSync } from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { csv, ligne } from "../aide/lieux";
import { auditerAccessibilite, lancerChromium, preparerBanc } from "./outils";

/**
 * Editing a place in a real browser: an administrator (who may edit every place) changes the hours
 * with the weekly grid, then two tabs edit the same place and the second one meets the conflict
 * screen, keeps its values and saves. The data folder is prepared by the CLI before the server starts.
 */
const PORT = Number(process.env.PASSERELLE_E2E_PORT_EDITION ?? 3996);
const URL_SITE = `http://127.0.0.1:${PORT}`;
const banc = preparerBanc(PORT);
const { passerelle } = banc;
const SORTIE = "test-results/edition";

let navigateur: Browser;
let contexte: BrowserContext;
let lieuId = "";

const lieuApi = z.object({ id: z.string(), horaires: z.string().nullable().optional(), telephone: z.string().nullable().optional() });
async function lireLieu(): Promise<z.infer<typeof lieuApi>> {
  const r = await fetch(`${URL_SITE}/api/v1/lieux/${lieuId}`);
  return lieuApi.parse(await r.json());
}

beforeAll(async () => {
  const fichier = path.join(banc.dossier, "lieux.csv");
  writeFileSync(fichier, csv([ligne({ id: "blosne", nom: "Espace public numérique du Blosne", horaires: "Mo-Fr 09:00-12:00" })]));
  passerelle("import", fichier, "--format", "standard-csv", "--source", "test");
  passerelle("admin", "ajouter", "admin@hub.bzh");
  const lien = passerelle("lien-connexion", "admin@hub.bzh").trim().split("\n").at(-1) ?? "";
  await banc.demarrer();
  const liste = z.object({ data: z.array(z.object({ id: z.string() })) }).parse(await (await fetch(`${URL_SITE}/api/v1/lieux?commune=35238`)).json());
  lieuId = liste.data[0]?.id ?? "";
  navigateur = await lancerChromium();
  contexte = await navigateur.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await contexte.newPage();
  await page.goto(lien);
  await page.getByRole("button", { name: "Me connecter" }).click();
  await page.waitForURL(/\/compte|\/admin/);
  await page.close();
});

afterAll(async () => {
  await navigateur?.close();
  await banc.arreter();
});

async function ouvrirFormulaire(): Promise<Page> {
  const page = await contexte.newPage();
  await page.goto(`${URL_SITE}/lieux/${lieuId}`);
  await page.getByRole("link", { name: "Modifier ce lieu" }).click();
  await page.waitForURL(`${URL_SITE}/lieux/${lieuId}/modifier`);
  return page;
}

describe("modifier un lieu", () => {
  it("les horaires par la grille : l'aperçu en mots suit la saisie, le lieu est enregistré", async () => {
    const page = await ouvrirFormulaire();
    expect(await auditerAccessibilite(page)).toEqual([]);
    await page.getByLabel("samedi, plage 1, ouverture").fill("10:00");
    await page.getByLabel("samedi, plage 1, fermeture").fill("12:00");
    await expect.poll(async () => (await page.locator(".apercu").textContent()) ?? "").toMatch(/samedi/i);
    await page.screenshot({ path: `${SORTIE}/formulaire.png`, fullPage: true });
    await page.getByRole("button", { name: "Enregistrer les modifications" }).click();
    await page.waitForURL(new RegExp(`/lieux/${lieuId}(\\?|$)`));
    expect((await lireLieu()).horaires).toContain("Sa 10:00-12:00");
    await page.close();
  });

  it("deux onglets : le second voit les deux versions, garde la sienne, rien n'est perdu", async () => {
    const a = await ouvrirFormulaire();
    const b = await ouvrirFormulaire();
    await a.locator("#telephone").fill("02 99 00 00 01");
    await a.getByRole("button", { name: "Enregistrer les modifications" }).click();
    await a.waitForURL(new RegExp(`/lieux/${lieuId}(\\?|$)`));

    await b.locator("#telephone").fill("02 99 00 00 02");
    await b.getByRole("button", { name: "Enregistrer les modifications" }).click();
    const alerte = b.locator(".conflit");
    await alerte.waitFor();
    const texte = (await alerte.textContent()) ?? "";
    expect(texte).toContain("Quelqu'un a modifié ce lieu");
    expect(texte).toMatch(/02 99 00 00 02|\+33299000002/);
    expect(texte).toMatch(/02 99 00 00 01|\+33299000001/);
    expect(await auditerAccessibilite(b)).toEqual([]);
    await b.screenshot({ path: `${SORTIE}/conflit.png`, fullPage: true });
    // The form kept this tab's value: saving again keeps it, on top of the other tab's version.
    await expect(b.locator("#telephone").inputValue()).resolves.toMatch(/02 99 00 00 02|\+33299000002/);
    await b.getByRole("button", { name: "Enregistrer les modifications" }).click();
    await b.waitForURL(new RegExp(`/lieux/${lieuId}(\\?|$)`));
    const apres = await lireLieu();
    expect(apres.telephone).toBe("+33299000002");
    expect(apres.horaires).toContain("Sa 10:00-12:00");

    const historique = await ouvrirFormulaire();
    await expect(historique.locator("#titre-historique").locator("..").textContent()).resolves.toMatch(/Restaurer cette version/);
  });
});
