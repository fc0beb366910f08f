import { writeFileSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { csv, ligne } from "../aide/lieux";
import { auditerAccessibilite, lancerChromium, preparerBanc } from "./outils";

/**
 * Structures in a real browser, without JavaScript: a mediator signs in, creates her structure,
 * invites a colleague (who accepts with another account after signing in), then links a place of
 * the directory. Mails stay in the outbox (no SMTP): an administrator reads the links there. The
 * data folder (one place, one administrator) is prepared by the CLI before the server starts.
 */
const PORT = Number(process.env.PASSERELLE_E2E_PORT_STRUCTURES ?? 3995);
const URL_SITE = `http://127.0.0.1:${PORT}`;
const banc = preparerBanc(PORT);
const { passerelle } = banc;

let navigateur: Browser;
let admin: Page;
let responsable: Page;
let collegue: Page;

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
  responsable = await (await navigateur.newContext({ javaScriptEnabled: false })).newPage();
  collegue = await (await navigateur.newContext({ javaScriptEnabled: false })).newPage();
});

afterAll(async () => {
  await navigateur?.close();
  await banc.arreter();
});

/** axe on the page's exact HTML; without JavaScript axe cannot run in the page itself. */
async function sansViolation(page: Page): Promise<void> {
  const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, "").replace("<head>", `<head><base href="${URL_SITE}/">`);
  const contexte = await navigateur.newContext({ viewport: { width: 1280, height: 900 } });
  const copie = await contexte.newPage();
  await copie.setContent(html, { waitUntil: "load" });
  expect(await auditerAccessibilite(copie)).toEqual([]);
  await contexte.close();
}

/** The first link to `chemin` in the newest mail to `adresse`, read in /admin/courriels. */
async function lienRecu(adresse: string, chemin: string): Promise<string> {
  await admin.goto(`${URL_SITE}/admin/courriels`);
  const texte = (await admin.locator("tr", { hasText: adresse }).first().locator("pre").textContent()) ?? "";
  const lien = texte.match(new RegExp(`http://\\S+${chemin}\\S+`))?.[0];
  if (!lien) throw new Error(`Aucun lien ${chemin} pour ${adresse} :\n${texte}`);
  return lien;
}

async function seConnecter(page: Page, adresse: string): Promise<void> {
  await page.getByLabel(/Adresse électronique/).fill(adresse);
  await page.getByRole("button", { name: "Recevoir un lien de connexion" }).click();
  await page.getByRole("heading", { name: "Vérifiez votre messagerie" }).waitFor();
  await page.goto(await lienRecu(adresse, "/connexion/lien"));
  await page.getByRole("button", { name: "Me connecter" }).click();
}

describe("structures : créer, inviter, accepter, rattacher un lieu", () => {
  let adresseStructure = "";

  it("la médiatrice se connecte depuis /structures, corrige une erreur de SIRET et crée sa structure", async () => {
    await responsable.goto(`${URL_SITE}/structures`);
    await responsable.waitForURL(/\/connexion\?retour=%2Fstructures$/);
    await seConnecter(responsable, "anne@exemple.fr");
    await responsable.waitForURL(`${URL_SITE}/structures`);
    await responsable.getByRole("heading", { name: "Mes structures" }).waitFor();
    await sansViolation(responsable);
    await responsable.getByRole("link", { name: "Créer une structure" }).click();
    await responsable.waitForURL(`${URL_SITE}/structures/nouvelle`);
    await sansViolation(responsable);
    await responsable.getByLabel(/^Nom de la structure/).fill("Ker Numérique");
    await responsable.getByLabel(/^Type de structure/).selectOption("association");
    await responsable.getByLabel(/^SIRET/).fill("130 026 032 00017");
    await responsable.getByLabel(/^Commune/).fill("Rennes");
    await responsable.getByRole("button", { name: "Créer la structure" }).click();
    // The error is next to the field and names it; the typed values are kept.
    await responsable.getByText(/^SIRET : Ce SIRET n'existe pas/).waitFor();
    await expect(responsable.getByLabel(/^SIRET/).getAttribute("aria-invalid")).resolves.toBe("true");
    await expect(responsable.getByLabel(/^Nom de la structure/).inputValue()).resolves.toBe("Ker Numérique");
    await sansViolation(responsable);
    await responsable.getByLabel(/^SIRET/).fill("130 026 032 00016");
    await responsable.getByRole("button", { name: "Créer la structure" }).click();
    await responsable.waitForURL(/\/structures\/[0-9a-f-]{36}\?message=creee$/);
    await responsable.getByRole("heading", { name: "Ker Numérique" }).waitFor();
    await expect(responsable.getByRole("status").first().textContent()).resolves.toContain("La structure est créée");
    adresseStructure = responsable.url().split("?")[0] ?? "";
    await sansViolation(responsable);
  });

  it("elle invite un collègue, qui accepte avec son compte après s'être connecté", async () => {
    await responsable.getByLabel(/^Adresse électronique/).fill("yann@exemple.fr");
    await responsable.getByLabel(/^Rôle \(|^Rôle$/).selectOption("mediateur");
    await responsable.getByRole("button", { name: "Envoyer l'invitation" }).click();
    await responsable.waitForURL(/\?message=invitation#membres$/);
    await responsable.getByText("yann@exemple.fr — Médiateur·rice").waitFor();

    const invitation = await lienRecu("yann@exemple.fr", "/invitations/");
    await collegue.goto(invitation);
    await collegue.getByRole("heading", { name: "Invitation à rejoindre Ker Numérique" }).waitFor();
    await sansViolation(collegue);
    await collegue.getByRole("link", { name: "Se connecter pour accepter" }).click();
    await seConnecter(collegue, "yann@exemple.fr");
    await collegue.waitForURL(new URL(invitation).href);
    await sansViolation(collegue);
    await collegue.getByRole("button", { name: "Rejoindre Ker Numérique" }).click();
    await collegue.waitForURL(/\?message=bienvenue$/);
    await collegue.getByText("Vous faites maintenant partie de la structure.").waitFor();
    await expect(collegue.locator("dd", { hasText: "Médiateur·rice" }).count()).resolves.toBe(1);
    // A médiateur sees the structure, not its management.
    await expect(collegue.getByRole("heading", { name: "Membres et rôles" }).count()).resolves.toBe(0);
    await sansViolation(collegue);

    await responsable.goto(adresseStructure);
    await expect(responsable.getByRole("table", { name: "Membres et rôles" }).getByRole("row").count()).resolves.toBe(3);
  });

  it("elle rattache un lieu de l'annuaire trouvé par son nom", async () => {
    await responsable.getByLabel(/Nom ou commune du lieu/).fill("blosne");
    await responsable.getByRole("button", { name: "Chercher un lieu" }).click();
    await responsable.getByRole("button", { name: "Rattacher « Espace public numérique du Blosne » (Rennes)" }).click();
    await responsable.waitForURL(/\?message=lie#lieux$/);
    await responsable.getByText("Le lieu est rattaché à la structure.").waitFor();
    await expect(responsable.getByRole("region", { name: "Lieux gérés" }).getByRole("link", { name: "Espace public numérique du Blosne" }).count()).resolves.toBe(1);
    await sansViolation(responsable);
    await responsable.goto(`${URL_SITE}/structures`);
    await responsable.getByRole("link", { name: "Ker Numérique" }).waitFor();
    await expect(responsable.locator("li", { hasText: "Ker Numérique" }).textContent()).resolves.toContain("Responsable de structure");
    await sansViolation(responsable);
  });

  it("l'administrateur nomme une coordinatrice d'EPCI", async () => {
    await admin.goto(`${URL_SITE}/admin/coordinations`);
    await admin.getByLabel(/^Adresse électronique/).fill("coord@exemple.fr");
    await admin.getByLabel(/^Type de territoire/).selectOption("epci");
    await admin.getByLabel(/^Code du territoire/).fill("243500139");
    await admin.getByRole("button", { name: "Nommer" }).click();
    await admin.getByText("La coordination est enregistrée.").waitFor();
    await admin.getByRole("cell", { name: /^Rennes Métropole/ }).waitFor();
    await sansViolation(admin);
  });
});
