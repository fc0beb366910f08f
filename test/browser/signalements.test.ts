import { writeFileSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { csv, ligne } from "../aide/lieux";
import { auditerAccessibilite, lancerChromium, preparerBanc } from "./outils";

/**
 * Error reports in a real browser, without JavaScript: a visitor reports an error on a place page;
 * the médiatrice whose structure runs the place gets the ticket by mail (outbox, read by an
 * administrator in /admin/courriels), opens it, marks it corrigé with an answer; the visitor's mail
 * with the answer is in the outbox. Server built with PASSERELLE_BUILD_DIR (default build).
 */
const PORT = Number(process.env.PASSERELLE_E2E_PORT_SIGNALEMENTS ?? 3998);
const URL_SITE = `http://127.0.0.1:${PORT}`;
const banc = preparerBanc(PORT, { env: { PASSERELLE_BUILD_DIR: process.env.PASSERELLE_BUILD_DIR ?? "build" } });
const { passerelle } = banc;

let navigateur: Browser;
let admin: Page;
let mediatrice: Page;
let visiteur: Page;

beforeAll(async () => {
  const fichier = path.join(banc.dossier, "lieux.csv");
  writeFileSync(fichier, csv([ligne({ id: "blosne", nom: "Espace public numérique du Blosne" })]));
  passerelle("import", fichier, "--format", "standard-csv", "--source", "test");
  passerelle("admin", "ajouter", "admin@hub.bzh");
  const lienAdmin = passerelle("lien-connexion", "admin@hub.bzh").trim().split("\n").at(-1) ?? "";
  await banc.demarrer();
  navigateur = await lancerChromium();
  admin = await (await navigateur.newContext()).newPage();
  await admin.goto(lienAdmin);
  await admin.getByRole("button", { name: "Me connecter" }).click();
  await admin.getByText("Administrateur du hub").waitFor();
  mediatrice = await (await navigateur.newContext({ javaScriptEnabled: false })).newPage();
  visiteur = await (await navigateur.newContext({ javaScriptEnabled: false })).newPage();
});

afterAll(async () => {
  await navigateur?.close();
  await banc.arreter();
});

/** axe on the page's exact HTML; without JavaScript axe cannot run in the page itself (CSP). */
async function sansViolation(page: Page): Promise<void> {
  const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, "").replace("<head>", `<head><base href="${URL_SITE}/">`);
  const contexte = await navigateur.newContext({ viewport: { width: 1280, height: 900 } });
  const copie = await contexte.newPage();
  await copie.setContent(html, { waitUntil: "load" });
  expect(await auditerAccessibilite(copie)).toEqual([]);
  await contexte.close();
}

/** The text of the newest mail to `adresse`, read in /admin/courriels. */
async function dernierCourriel(adresse: string): Promise<string> {
  await admin.goto(`${URL_SITE}/admin/courriels`);
  return (await admin.locator("tr", { hasText: adresse }).first().locator("pre").textContent()) ?? "";
}

async function lienRecu(adresse: string, chemin: string): Promise<string> {
  const texte = await dernierCourriel(adresse);
  const lien = texte.match(new RegExp(`http://\\S+${chemin}\\S*`))?.[0];
  if (!lien) throw new Error(`Aucun lien ${chemin} pour ${adresse} :\n${texte}`);
  return lien;
}

describe("signalements : signaler une erreur, la traiter, prévenir la personne", () => {
  let adresseLieu = "";

  it("la médiatrice crée sa structure et y rattache le lieu", async () => {
    await mediatrice.goto(`${URL_SITE}/structures/nouvelle`);
    await mediatrice.getByLabel(/Adresse électronique/).fill("anne@exemple.fr");
    await mediatrice.getByRole("button", { name: "Recevoir un lien de connexion" }).click();
    await mediatrice.getByRole("heading", { name: "Vérifiez votre messagerie" }).waitFor();
    await mediatrice.goto(await lienRecu("anne@exemple.fr", "/connexion/lien"));
    await mediatrice.getByRole("button", { name: "Me connecter" }).click();
    await mediatrice.waitForURL(`${URL_SITE}/structures/nouvelle`);
    await mediatrice.getByLabel(/^Nom de la structure/).fill("Ker Numérique");
    await mediatrice.getByLabel(/^Type de structure/).selectOption("association");
    await mediatrice.getByLabel(/^Commune/).fill("Rennes");
    await mediatrice.getByRole("button", { name: "Créer la structure" }).click();
    await mediatrice.waitForURL(/\/structures\/[0-9a-f-]{36}\?message=creee$/);
    await mediatrice.getByLabel(/Nom ou commune du lieu/).fill("blosne");
    await mediatrice.getByRole("button", { name: "Chercher un lieu" }).click();
    await mediatrice.getByRole("button", { name: "Rattacher « Espace public numérique du Blosne » (Rennes)" }).click();
    await mediatrice.waitForURL(/\?message=lie#lieux$/);
    const href = await mediatrice.getByRole("region", { name: "Lieux gérés" }).getByRole("link", { name: "Espace public numérique du Blosne" }).getAttribute("href");
    adresseLieu = new URL(href ?? "", URL_SITE).href;
  });

  it("un visiteur signale une erreur depuis la fiche du lieu, en laissant son adresse", async () => {
    await visiteur.goto(adresseLieu);
    await sansViolation(visiteur);
    await visiteur.getByLabel("Les horaires").check();
    await visiteur.getByLabel(/^Précisez ce qui est faux/).fill("Fermé le lundi matin depuis septembre.");
    await visiteur.getByLabel(/^Votre adresse de courriel/).fill("visiteur@exemple.fr");
    // A person takes more than 3 s to fill the form; the anti-spam check refuses faster ones quietly.
    await new Promise((r) => setTimeout(r, 3100));
    await visiteur.getByRole("button", { name: "Envoyer le signalement" }).click();
    await visiteur.waitForURL(/\?signalement=merci#signaler$/);
    await visiteur.getByText("Merci ! Votre signalement a bien été envoyé.").waitFor();
    await sansViolation(visiteur);
  });

  it("la médiatrice reçoit le lien, voit le signalement et le marque corrigé avec une réponse", async () => {
    const mail = await dernierCourriel("anne@exemple.fr");
    expect(mail).toContain("Ce qui serait faux : Les horaires.");
    expect(mail).not.toContain("visiteur@exemple.fr");
    await mediatrice.goto(await lienRecu("anne@exemple.fr", "/signalements/"));
    await mediatrice.getByRole("heading", { name: "Signalement sur « Espace public numérique du Blosne »" }).waitFor();
    await mediatrice.getByText("Fermé le lundi matin depuis septembre.").waitFor();
    await sansViolation(mediatrice);
    await mediatrice.goto(`${URL_SITE}/compte`);
    await mediatrice.getByRole("link", { name: "Signalements à traiter" }).click();
    await mediatrice.waitForURL(`${URL_SITE}/signalements`);
    await expect(mediatrice.getByRole("row").count()).resolves.toBe(2);
    await sansViolation(mediatrice);
    await mediatrice.getByRole("row").nth(1).getByRole("link").click();
    await mediatrice.getByLabel("Corrigé").check();
    await mediatrice.getByLabel(/^Réponse/).fill("Merci, les horaires sont corrigés.");
    await mediatrice.getByRole("button", { name: "Enregistrer" }).click();
    await mediatrice.waitForURL(/\?message=statut$/);
    await mediatrice.getByText(/Statut enregistré ; la personne qui a signalé l'erreur a été prévenue/).waitFor();
    await mediatrice.getByText("Ce signalement est clos.").waitFor();
    await sansViolation(mediatrice);
  });

  it("le visiteur reçoit la réponse par courriel", async () => {
    const mail = await dernierCourriel("visiteur@exemple.fr");
    expect(mail).toContain("a été pris en compte");
    expect(mail).toContain("Leur réponse : « Merci, les horaires sont corrigés. »");
  });
});
