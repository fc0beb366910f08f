import { mkdirSync } from "node:fs";
import path from "node:path";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { expect } from "vitest";
import { utilisateurs } from "~/comptes/comptes.schema";
import { lieux } from "~/lieux/lieux.schema";
import { ouvrirConnexion } from "~/platform/db/connexion.server";
import { lieux_structures, membres_structures, structures } from "~/structures/structures.schema";
import { auditerAccessibilite, lancerChromium, preparerBanc } from "./outils";

/** The setup and helpers of test/browser/orientations.test.ts: the app, its accounts and places, the pages each person uses. */
export const PORT = Number(process.env.PASSERELLE_E2E_PORT_ORIENTATIONS ?? 4013);
export const URL_SITE = `http://127.0.0.1:${PORT}`;
export const banc = preparerBanc(PORT, { env: { PASSERELLE_BUILD_DIR: process.env.PASSERELLE_BUILD_DIR ?? "build" } });
export const { passerelle } = banc;
export const ARTEFACTS = "test-results/orientations";
export const PRESCRIPTRICE = "paula@france-services.exemple.fr";
export const MEDIATRICE = "awa@ker-numerique.exemple.fr";
export const ADRESSE_LIEU = "accueil@lieu-sans-compte.exemple.fr";

export let navigateur: Browser;
export let admin: Page;
export let prescriptrice: Page;
export let mediatrice: Page;
export let lieuSansCompte: Page;
/** X1: no structure with an account, answers by signed link; X2: run by Ker Numérique. */
export const lieu1 = { id: "", nom: "", commune: "" };
export const lieu2 = { id: "", nom: "" };

export const dossierDb = () => path.join(banc.dossier, "db");

export async function connecter(lien: string, js = true): Promise<Page> {
  const page = await (await navigateur.newContext({ javaScriptEnabled: js, viewport: { width: 1280, height: 900 } })).newPage();
  await page.goto(lien);
  await page.getByRole("button", { name: "Me connecter" }).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/connexion"));
  return page;
}

export const lienConnexion = (courriel: string, retour = "/compte") => passerelle("lien-connexion", courriel, "--retour", retour).trim().split("\n").at(-1) ?? "";

export async function preparer(): Promise<void> {
  mkdirSync(ARTEFACTS, { recursive: true });
  passerelle("seed");
  // Two places of one small commune: the first without structure, the second run by a structure with an account.
  const c = await ouvrirConnexion({ moteur: "pglite", dossier: dossierDb() });
  const [commune] = await c.db
    .select({ code: lieux.code_insee, n: sql<number>`count(*)::int` })
    .from(lieux)
    .where(isNull(lieux.fusionne_dans))
    .groupBy(lieux.code_insee)
    .having(sql`count(*) between 2 and 3`)
    .orderBy(lieux.code_insee)
    .limit(1);
  const places = await c.db
    .select({ id: lieux.id, nom: lieux.nom, commune: lieux.commune })
    .from(lieux)
    .where(and(eq(lieux.code_insee, commune?.code ?? ""), isNull(lieux.fusionne_dans)))
    .orderBy(lieux.nom);
  Object.assign(lieu1, places[0]);
  Object.assign(lieu2, { id: places[1]?.id, nom: places[1]?.nom });
  const [p] = await c.db.insert(utilisateurs).values({ courriel: PRESCRIPTRICE, nom: "Paula Le Goff" }).returning({ id: utilisateurs.id });
  const [m] = await c.db.insert(utilisateurs).values({ courriel: MEDIATRICE, nom: "Awa Diallo" }).returning({ id: utilisateurs.id });
  const [fs] = await c.db.insert(structures).values({ nom: "France services du pays", type: "espace_france_services", code_insee: commune?.code ?? "35238" }).returning({ id: structures.id });
  const [ker] = await c.db.insert(structures).values({ nom: "Ker Numérique", type: "association", code_insee: commune?.code ?? "35238" }).returning({ id: structures.id });
  await c.db.insert(membres_structures).values([
    { structure_id: fs?.id ?? "", utilisateur_id: p?.id ?? "", role: "prescripteur" },
    { structure_id: ker?.id ?? "", utilisateur_id: m?.id ?? "", role: "mediateur" },
  ]);
  await c.db.insert(lieux_structures).values({ lieu_id: lieu2.id, structure_id: ker?.id ?? "" });
  await c.fermer();

  passerelle("admin", "ajouter", "admin@hub.bzh");
  const liens = { admin: lienConnexion("admin@hub.bzh"), p: lienConnexion(PRESCRIPTRICE, "/lieux"), m: lienConnexion(MEDIATRICE, "/orientations") };
  await banc.demarrer();
  navigateur = await lancerChromium();
  admin = await connecter(liens.admin);
  prescriptrice = await connecter(liens.p);
  mediatrice = await connecter(liens.m);
  lieuSansCompte = await (await navigateur.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } })).newPage();
}

export async function terminer(): Promise<void> {
  await navigateur?.close();
  await banc.arreter();
}

/** axe on the page's exact HTML (the live page's CSP refuses an injected script without JavaScript). */
export async function sansViolation(page: Page, nom?: string): Promise<void> {
  if (nom) await page.screenshot({ path: `${ARTEFACTS}/${nom}.png`, fullPage: true });
  const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, "").replace("<head>", `<head><base href="${URL_SITE}/">`);
  const contexte = await navigateur.newContext({ viewport: { width: 1280, height: 900 } });
  const copie = await contexte.newPage();
  await copie.setContent(html, { waitUntil: "load" });
  expect(await auditerAccessibilite(copie)).toEqual([]);
  await contexte.close();
}

/** At 320 px (WCAG 1.4.10), nothing scrolls sideways. */
export async function tientEn320(page: Page, nom: string): Promise<void> {
  await page.setViewportSize({ width: 320, height: 800 });
  await page.screenshot({ path: `${ARTEFACTS}/${nom}-320.png`, fullPage: true });
  await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(320);
  await page.setViewportSize({ width: 1280, height: 900 });
}

export async function dernierCourriel(adresse: string): Promise<string> {
  await admin.goto(`${URL_SITE}/admin/courriels`);
  return (await admin.locator("tr", { hasText: adresse }).first().locator("pre").textContent()) ?? "";
}

/** The code shown big after sending, "ABCD-EFGH". */
export async function codeAffiche(page: Page): Promise<string> {
  const texte = (await page.locator(".code-grand strong").textContent()) ?? "";
  expect(texte).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  return texte;
}

/** Keyboard only: Tab until the element has focus (fails if it is not reachable). */
export async function tabulerJusqua(page: Page, selecteur: string): Promise<void> {
  for (let i = 0; i < 120; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selecteur)) return;
  }
  throw new Error(`${selecteur} n'est pas atteignable au clavier`);
}
