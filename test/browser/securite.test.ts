import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditerAccessibilite, lancerChromium, preparerBanc } from "./outils";

/**
 * Security in a real browser against the real server (decision 008): pages hydrate under the strict
 * CSP with no violation, forms of another site are refused, and the audit log is readable by an
 * administrator. The data folder is prepared by the CLI (first administrator), then the server
 * seeds the directory on its first start.
 */
const PORT = Number(process.env.PASSERELLE_E2E_PORT_SECURITE ?? 3993);
const URL_SITE = `http://127.0.0.1:${PORT}`;
const banc = preparerBanc(PORT, { seed: true });
const { passerelle } = banc;

let navigateur: Browser;
let lienAdmin = "";

beforeAll(async () => {
  passerelle("admin", "ajouter", "admin@hub.bzh");
  lienAdmin = passerelle("lien-connexion", "admin@hub.bzh").trim().split("\n").at(-1) ?? "";
  await banc.demarrer();
  navigateur = await lancerChromium();
});

afterAll(async () => {
  await navigateur?.close();
  await banc.arreter();
});

/** Every CSP violation, console error and uncaught exception of the context's pages. */
async function surveiller(contexte: BrowserContext): Promise<string[]> {
  const problemes: string[] = [];
  await contexte.exposeFunction("signalerViolation", (v: string) => problemes.push(`CSP : ${v}`));
  await contexte.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      const signaler: unknown = Reflect.get(window, "signalerViolation");
      if (typeof signaler === "function") signaler(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  contexte.on("console", (m) => {
    // The site has no favicon yet: Chromium's own request for it is not a page error.
    if (m.type() === "error" && !m.location().url.endsWith("/favicon.ico")) problemes.push(`console : ${m.text()} (${m.location().url})`);
  });
  contexte.on("weberror", (e) => problemes.push(`exception : ${e.error().message}`));
  contexte.on("response", (r) => {
    if (r.status() >= 400) problemes.push(`HTTP ${r.status()} : ${r.url()}`);
  });
  return problemes;
}

/** Hydrated: React Router's client router exists (its scripts ran despite the CSP). */
const hydratee = (page: Page) => page.waitForFunction(() => Reflect.get(window, "__reactRouterDataRouter") !== undefined, null, { timeout: 20_000 });

/** axe on a copy of the page: injecting axe into the page itself is (rightly) blocked by the CSP. */
async function sansViolationAxe(page: Page): Promise<void> {
  const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, "").replace("<head>", `<head><base href="${URL_SITE}/">`);
  const contexte = await navigateur.newContext({ viewport: { width: 1280, height: 900 } });
  const copie = await contexte.newPage();
  await copie.setContent(html, { waitUntil: "load" });
  expect(await auditerAccessibilite(copie)).toEqual([]);
  await contexte.close();
}

describe("CSP stricte : les pages hydratent sans aucune violation", () => {
  let contexte: BrowserContext;
  let problemes: string[];
  let page: Page;
  beforeAll(async () => {
    contexte = await navigateur.newContext({ viewport: { width: 1280, height: 900 } });
    problemes = await surveiller(contexte);
    page = await contexte.newPage();
  });
  afterAll(async () => contexte?.close());

  it("chaque script en ligne porte le nonce de l'en-tête de sa réponse", async () => {
    const r = await page.goto(`${URL_SITE}/`);
    const csp = (await r?.headerValue("content-security-policy")) ?? "";
    const nonce = csp.match(/'nonce-([^']+)'/)?.[1] ?? "";
    expect(nonce.length).toBeGreaterThan(15);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(await r?.headerValue("x-content-type-options")).toBe("nosniff");
    const html = (await r?.text()) ?? "";
    const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1] ?? "");
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.filter((a) => !a.includes(`nonce="${nonce}"`))).toEqual([]);
    await hydratee(page);
  });

  it("/, /lieux?commune=29019 avec sa carte, une fiche, /orientation, /connexion", async () => {
    await page.goto(`${URL_SITE}/`);
    await hydratee(page);
    await page.goto(`${URL_SITE}/lieux?commune=29019`);
    await hydratee(page);
    // The map is drawn by MapLibre (lazy script, blob worker, fetched data): the whole chain under the CSP.
    await page.locator(".carte-lieux-bloc canvas.maplibregl-canvas").waitFor({ timeout: 30_000 });
    await page.locator(".carte-lieux-point, .carte-lieux-groupe").first().waitFor({ timeout: 30_000 });
    const fiche = (await page.locator('a[href^="/lieux/"]').first().getAttribute("href")) ?? "";
    expect(fiche).toMatch(/^\/lieux\/[0-9a-f-]{36}$/);
    await page.goto(`${URL_SITE}${fiche}`);
    await hydratee(page);
    await page.goto(`${URL_SITE}/orientation`);
    await hydratee(page);
    await page.goto(`${URL_SITE}/connexion`);
    await hydratee(page);
    // Client-side navigation also works (the router is live).
    await page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Trouver un lieu" }).click();
    await page.waitForURL(`${URL_SITE}/lieux`);
    expect(problemes).toEqual([]);
  });
});

describe("CSRF contre le vrai serveur", () => {
  it("un formulaire posté depuis un autre site est refusé (page 403 en français), même sans cookie", async () => {
    const contexte = await navigateur.newContext();
    const page = await contexte.newPage();
    await page.setContent(`<form method="post" action="${URL_SITE}/connexion"><input name="courriel" value="cible@exemple.fr"><input name="intention" value="lien"><button>Envoyer</button></form>`);
    const [reponse] = await Promise.all([page.waitForNavigation(), page.getByRole("button", { name: "Envoyer" }).click()]);
    expect(reponse?.status()).toBe(403);
    await page.getByRole("heading", { name: "Requête refusée" }).waitFor();
    await contexte.close();
  });

  it("sans Sec-Fetch-Site ni Origin : refusé avec un cookie de session, accepté sans (clients d'API)", async () => {
    const avecCookie = await fetch(`${URL_SITE}/api/auth/sign-out`, { method: "POST", headers: { cookie: "passerelle.session_token=x.y", "content-type": "application/json" }, body: "{}" });
    expect(avecCookie.status).toBe(403);
    expect(avecCookie.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    const autreOrigine = await fetch(`${URL_SITE}/connexion`, { method: "POST", headers: { origin: "https://pirate.example" }, body: new URLSearchParams({ courriel: "x@exemple.fr" }) });
    expect(autreOrigine.status).toBe(403);
    const sansCookie = await fetch(`${URL_SITE}/lieux/00000000-0000-4000-8000-000000000000`, { method: "POST", body: new URLSearchParams({ categories: "horaires" }), redirect: "manual" });
    expect(sansCookie.status).toBe(404);
  });
});

describe("journal d'audit", () => {
  it("l'administrateur lit la boîte d'envoi, puis retrouve cette lecture dans le journal, filtrable", async () => {
    const contexte = await navigateur.newContext({ viewport: { width: 1280, height: 900 } });
    const problemes = await surveiller(contexte);
    const page = await contexte.newPage();
    await page.goto(lienAdmin);
    await page.getByRole("button", { name: "Me connecter" }).click();
    await page.waitForURL(`${URL_SITE}/compte`);
    await page.goto(`${URL_SITE}/admin/courriels`);
    await page.getByRole("heading", { name: "Courriels envoyés par Passerelle" }).waitFor();
    await page.goto(`${URL_SITE}/admin/journal`);
    await page.getByRole("heading", { name: "Journal d'audit" }).waitFor();
    await expect(page.getByRole("cell", { name: "courriels.consulter" }).count()).resolves.toBe(1);
    await expect(page.getByRole("cell", { name: "administrateur.ajouter" }).count()).resolves.toBe(1);
    await page.getByLabel("Action").selectOption("courriels.consulter");
    await page.getByRole("button", { name: "Filtrer" }).click();
    await page.waitForURL(/action=courriels.consulter/);
    await page.getByText("1 entrée, de la plus récente à la plus ancienne.").waitFor();
    await expect(page.getByRole("cell", { name: "admin@hub.bzh" }).count()).resolves.toBe(1);
    await sansViolationAxe(page);
    await page.screenshot({ path: "test-results/admin-journal.png", fullPage: true });
    expect(problemes).toEqual([]);
    await contexte.close();
  });
});
