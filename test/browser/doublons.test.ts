import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { csv, ligne } from "../aide/lieux";
import { auditerAccessibilite, lancerChromium, preparerBanc } from "./outils";

/**
 * Duplicate review in a real browser: two sources describe a place in Rennes and one in Brest under
 * other names, which the import keeps apart as uncertain pairs. An administrator merges the Rennes pair
 * keeping the second source's opening hours (the merged-away id then redirects), and says the Brest
 * pair are two different places.
 */
const PORT = Number(process.env.PASSERELLE_E2E_PORT_DOUBLONS ?? 3994);
const URL_SITE = `http://127.0.0.1:${PORT}`;
const banc = preparerBanc(PORT);
const { passerelle } = banc;
const SORTIE = "test-results/doublons";
const HORAIRES_SOURCE_2 = "Mo-Fr 10:00-17:00";

let navigateur: Browser;
let contexte: BrowserContext;

beforeAll(async () => {
  mkdirSync(SORTIE, { recursive: true });
  const brest = { code_insee: "29019", commune: "Brest", code_postal: "29200", adresse: "2 rue de Siam", latitude: "48.3900", longitude: "-4.4860" };
  const s1 = path.join(banc.dossier, "s1.csv");
  const s2 = path.join(banc.dossier, "s2.csv");
  writeFileSync(s1, csv([ligne({ id: "r1", nom: "Espace public numérique du Blosne", date_maj: "2024-05-02" }), ligne({ ...brest, id: "b1", nom: "Espace numérique de Siam" })]));
  writeFileSync(
    s2,
    csv([
      ligne({ id: "r2", nom: "Cyberespace Blosne", pivot: "00000000000000", telephone: "+33299111111", horaires: HORAIRES_SOURCE_2, date_maj: "2024-03-01" }),
      ligne({ ...brest, id: "b2", nom: "Cyberbase Siam", pivot: "00000000000000", telephone: "+33298000000" }),
    ]),
  );
  passerelle("import", s1, "--format", "standard-csv", "--source", "s1");
  passerelle("import", s2, "--format", "standard-csv", "--source", "s2");
  passerelle("admin", "ajouter", "admin@hub.bzh");
  const lien = passerelle("lien-connexion", "admin@hub.bzh").trim().split("\n").at(-1) ?? "";
  await banc.demarrer();
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

const lieuApi = z.object({ id: z.string(), nom: z.string(), horaires: z.string().nullable().optional() });

describe("revue des doublons", () => {
  it("fusionne la paire de Rennes en gardant les horaires de la seconde source ; l'autre identifiant redirige", async () => {
    const page = await contexte.newPage();
    await page.goto(`${URL_SITE}/compte`);
    await page.getByRole("link", { name: "Doublons à revoir" }).click();
    await page.waitForURL(`${URL_SITE}/doublons`);
    await expect(page.locator("caption").textContent()).resolves.toContain("2 paires à revoir");
    expect(await auditerAccessibilite(page)).toEqual([]);

    await page.getByRole("link", { name: /Blosne/ }).click();
    await page.waitForURL(/\/doublons\/[0-9a-f-]+_[0-9a-f-]+$/);
    expect(await auditerAccessibilite(page)).toEqual([]);
    await page.screenshot({ path: `${SORTIE}/comparaison.png`, fullPage: true });
    const idA = ((await page.getByRole("link", { name: "fiche du lieu A" }).getAttribute("href")) ?? "").replace("/lieux/", "");
    const idB = ((await page.getByRole("link", { name: "fiche du lieu B" }).getAttribute("href")) ?? "").replace("/lieux/", "");
    // Lieu A is kept (the default); its hours are replaced by the second source's.
    await page.getByLabel(new RegExp(HORAIRES_SOURCE_2)).check();
    await page.getByRole("button", { name: "Fusionner" }).click();
    await page.waitForURL(`${URL_SITE}/doublons?fait=fusion&lieu=${idA}`);
    await expect(page.getByRole("status").textContent()).resolves.toContain("Les deux lieux sont fusionnés");

    const survivant = lieuApi.parse(await (await fetch(`${URL_SITE}/api/v1/lieux/${idA}`)).json());
    expect(survivant.horaires).toBe(HORAIRES_SOURCE_2);
    const redirection = await fetch(`${URL_SITE}/lieux/${idB}`, { redirect: "manual" });
    expect(redirection.status).toBe(301);
    expect(redirection.headers.get("location")).toBe(`/lieux/${idA}`);
    await page.close();
  });

  it("« ce ne sont pas les mêmes lieux » retire la paire de Brest de la liste", async () => {
    const page = await contexte.newPage();
    await page.goto(`${URL_SITE}/doublons?departement=29`);
    await page.getByRole("link", { name: /Siam/ }).click();
    await page.getByRole("button", { name: "Ce ne sont pas les mêmes lieux" }).click();
    await page.waitForURL(`${URL_SITE}/doublons?fait=differents`);
    await expect(page.getByText("Aucun doublon à revoir.").count()).resolves.toBe(1);
    expect(await auditerAccessibilite(page)).toEqual([]);
    await page.close();
  });
});
