import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditerAccessibilite, lancerChromium, preparerBanc } from "./outils";

/**
 * Accounts in a real browser. The first administrator gets a link from the CLI (no SMTP here, as on
 * a new machine), then reads in /admin/courriels the link mailed to an agent who signs in without
 * JavaScript, sees their account and signs out. The data folder is prepared by the CLI before the
 * server starts (preparerBanc).
 */
const PORT = Number(process.env.PASSERELLE_E2E_PORT_COMPTES ?? 3991);
const URL_SITE = `http://127.0.0.1:${PORT}`;
const banc = preparerBanc(PORT);
const { passerelle } = banc;

let navigateur: Browser;
let lienAdmin: string;

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

/** axe on the page's exact HTML, in a blank page: without JavaScript, or under the site's CSP, it cannot run in the page itself. */
async function sansViolation(page: Page): Promise<void> {
  const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, "").replace("<head>", `<head><base href="${URL_SITE}/">`);
  const contexte = await navigateur.newContext({ viewport: { width: 1280, height: 900 } });
  const copie = await contexte.newPage();
  await copie.setContent(html, { waitUntil: "load" });
  await copie.evaluate(() => document.querySelectorAll("details").forEach((d) => d.setAttribute("open", "")));
  expect(await auditerAccessibilite(copie)).toEqual([]);
  await contexte.close();
}

describe("connexion par lien, compte, déconnexion", () => {
  let agent: Page;
  let admin: Page;

  beforeAll(async () => {
    agent = await (await navigateur.newContext({ javaScriptEnabled: false })).newPage();
    admin = await (await navigateur.newContext({ javaScriptEnabled: true })).newPage();
  });

  it("sans JavaScript, l'agent demande un lien et est invité à lire sa messagerie", async () => {
    await agent.goto(`${URL_SITE}/`);
    await agent.getByRole("link", { name: "Se connecter" }).click();
    await agent.waitForURL(`${URL_SITE}/connexion`);
    await sansViolation(agent);
    await agent.getByLabel(/Adresse électronique/).fill("agent@exemple.fr");
    await agent.getByRole("button", { name: "Recevoir un lien de connexion" }).click();
    await agent.getByRole("heading", { name: "Vérifiez votre messagerie" }).waitFor();
    await expect(agent.getByRole("status").textContent()).resolves.toContain("agent@exemple.fr");
    await sansViolation(agent);
  });

  it("l'administrateur se connecte par le lien de la ligne de commande et lit la boîte d'envoi", async () => {
    await admin.goto(lienAdmin);
    await admin.getByRole("button", { name: "Me connecter" }).click();
    await admin.waitForURL(`${URL_SITE}/compte`);
    // With JavaScript the URL changes before the new page is rendered: wait for its content.
    await admin.getByText("Administrateur du hub").waitFor();
    await admin.getByRole("link", { name: "Courriels envoyés par Passerelle" }).click();
    await admin.waitForURL(`${URL_SITE}/admin/courriels`);
    await admin.getByRole("cell", { name: "agent@exemple.fr" }).waitFor();
    await sansViolation(admin);
  });

  it("l'agent suit le lien, voit son compte et ses sessions, puis se déconnecte", async () => {
    const texte = (await admin.locator("tr", { hasText: "agent@exemple.fr" }).locator("pre").textContent()) ?? "";
    const lien = texte.match(/http:\/\/\S+\/connexion\/lien\?\S+/)?.[0] ?? "";
    expect(lien.startsWith(`${URL_SITE}/connexion/lien?jeton=`)).toBe(true);
    await agent.goto(lien);
    await sansViolation(agent);
    await agent.getByRole("button", { name: "Me connecter" }).click();
    await agent.waitForURL(`${URL_SITE}/compte`);
    await agent.getByRole("heading", { name: "Mon compte", exact: true }).waitFor();
    await expect(agent.getByText("agent@exemple.fr").count()).resolves.toBe(1);
    await expect(agent.getByRole("table", { name: "Mes sessions ouvertes" }).getByRole("row").count()).resolves.toBe(2);
    await expect(agent.getByRole("cell", { name: /\(cet appareil\)/ }).count()).resolves.toBe(1);
    await expect(agent.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Mon compte" }).count()).resolves.toBe(1);
    await sansViolation(agent);
    await agent.screenshot({ path: "test-results/compte-sans-js.png", fullPage: true });

    // A used link does not sign anyone in again.
    const autre = await (await navigateur.newContext({ javaScriptEnabled: false })).newPage();
    await autre.goto(lien);
    await autre.getByRole("button", { name: "Me connecter" }).click();
    await autre.getByRole("heading", { name: "Ce lien ne permet pas de se connecter" }).waitFor();

    await agent.getByRole("button", { name: "Se déconnecter", exact: true }).click();
    await agent.waitForURL(`${URL_SITE}/`);
    await expect(agent.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Se connecter" }).count()).resolves.toBe(1);
    await agent.goto(`${URL_SITE}/compte`);
    await agent.waitForURL(`${URL_SITE}/connexion?retour=%2Fcompte`);
  });

  it("avec JavaScript, l'administrateur se déconnecte de tous les appareils", async () => {
    await admin.goto(`${URL_SITE}/compte`);
    await admin.getByRole("button", { name: "Se déconnecter de tous les appareils" }).click();
    await admin.waitForURL(`${URL_SITE}/connexion?deconnexion=partout`);
    await admin.getByText("Vous êtes déconnecté·e de tous vos appareils.").waitFor();
    await admin.goto(`${URL_SITE}/admin/courriels`);
    await admin.waitForURL(/\/connexion\?retour=%2Fadmin%2Fcourriels$/);
  });

  it("au-delà de 5 demandes de lien en 15 minutes depuis une adresse : un message clair, même en changeant d'en-tête", async () => {
    // The agent asked once already; a script then asks again under made-up X-Passerelle-Ip headers.
    const statuts: number[] = [];
    for (let i = 0; i < 4; i++) {
      const r = await fetch(`${URL_SITE}/api/auth/sign-in/magic-link`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: URL_SITE, "x-passerelle-ip": `203.0.113.${i}` },
        body: JSON.stringify({ email: `script${i}@exemple.fr` }),
      });
      statuts.push(r.status);
    }
    expect(statuts).toEqual([200, 200, 200, 200]);
    await agent.goto(`${URL_SITE}/connexion`);
    await agent.getByLabel(/Adresse électronique/).fill("agent@exemple.fr");
    await agent.getByRole("button", { name: "Recevoir un lien de connexion" }).click();
    await agent.getByRole("alert").getByText(/Trop de demandes de lien depuis votre connexion\. Pour votre sécurité, attendez 15 minutes avant de réessayer\./).waitFor();
    await agent.screenshot({ path: "test-results/connexion-trop-de-demandes.png", fullPage: true });
    await sansViolation(agent);
  });
});
