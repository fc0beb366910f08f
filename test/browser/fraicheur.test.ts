import { writeFileSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { utilisateurs } from "~/comptes/comptes.schema";
import { dateLimiteFraicheur } from "~/lieux/fiche/fraicheur";
import { lieux } from "~/lieux/lieux.schema";
import { courriels } from "~/platform/courriel/courriels.schema";
import { ouvrirConnexion } from "~/platform/db/connexion.server";
import { lieux_structures, membres_structures, structures } from "~/structures/structures.schema";
import { csv, ligne } from "../aide/lieux";
import { auditerAccessibilite, lancerChromium, preparerBanc } from "./outils";

/**
 * The freshness loop in a real browser, without JavaScript: a place not confirmed for 10 months (setting: 6) is
 * « à vérifier »; the reminder job (run once through the CLI before the server starts) leaves a mail
 * for the structure's médiatrice in the outbox; she signs in and confirms in one click.
 * There is no CLI for structures yet: the structure and its member are written in the data folder directly.
 */
const PORT = Number(process.env.PASSERELLE_E2E_PORT_FRAICHEUR ?? 3993);
const URL_SITE = `http://127.0.0.1:${PORT}`;
const banc = preparerBanc(PORT, { env: { PASSERELLE_FRAICHEUR_MOIS: "6" } });
const { passerelle } = banc;
const MEDIATRICE = "mediatrice@blosne.fr";

let navigateur: Browser;
let page: Page;
let lieuId = "";
let sortieRelance = "";
let lienAdmin = "";
let boite: { destinataire: string; sujet: string; texte: string }[] = [];

beforeAll(async () => {
  const fichier = path.join(banc.dossier, "lieux.csv");
  writeFileSync(fichier, csv([ligne({ id: "blosne", nom: "Espace public numérique du Blosne", date_maj: dateLimiteFraicheur(new Date(), 10) })]));
  passerelle("import", fichier, "--format", "standard-csv", "--source", "test");
  // The structure running the place and its médiatrice.
  const c = await ouvrirConnexion({ moteur: "pglite", dossier: path.join(banc.dossier, "db") });
  const [l] = await c.db.select({ id: lieux.id }).from(lieux);
  lieuId = l?.id ?? "";
  const [u] = await c.db.insert(utilisateurs).values({ courriel: MEDIATRICE, nom: "Awa" }).returning({ id: utilisateurs.id });
  const [s] = await c.db.insert(structures).values({ nom: "Association du Blosne", type: "association", code_insee: "35238" }).returning({ id: structures.id });
  await c.db.insert(membres_structures).values({ structure_id: s?.id ?? "", utilisateur_id: u?.id ?? "", role: "mediateur" });
  await c.db.insert(lieux_structures).values({ lieu_id: lieuId, structure_id: s?.id ?? "" });
  await c.fermer();

  sortieRelance = passerelle("fraicheur", "relancer");
  passerelle("fraicheur", "relancer"); // a second run the same day sends nothing more
  const lecture = await ouvrirConnexion({ moteur: "pglite", dossier: path.join(banc.dossier, "db") });
  boite = await lecture.db.select({ destinataire: courriels.destinataire, sujet: courriels.sujet, texte: courriels.texte }).from(courriels);
  await lecture.fermer();

  const lien = passerelle("lien-connexion", MEDIATRICE, "--retour", `/lieux/${lieuId}`).trim().split("\n").at(-1) ?? "";
  passerelle("admin", "ajouter", "admin@hub.bzh");
  lienAdmin = passerelle("lien-connexion", "admin@hub.bzh", "--retour", "/fraicheur").trim().split("\n").at(-1) ?? "";
  await banc.demarrer();
  navigateur = await lancerChromium();
  page = await (await navigateur.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } })).newPage();
  await page.goto(lien);
  await page.getByRole("button", { name: "Me connecter" }).click();
  await page.waitForURL(new RegExp(`/lieux/${lieuId}`));
});

afterAll(async () => {
  await navigateur?.close();
  await banc.arreter();
});

/** axe on the page's exact HTML; without JavaScript axe cannot run in the page itself. */
async function sansViolation(p: Page): Promise<void> {
  const html = (await p.content()).replace(/<script\b[\s\S]*?<\/script>/gi, "").replace("<head>", `<head><base href="${URL_SITE}/">`);
  const contexte = await navigateur.newContext({ viewport: { width: 1280, height: 900 } });
  const copie = await contexte.newPage();
  await copie.setContent(html, { waitUntil: "load" });
  expect(await auditerAccessibilite(copie)).toEqual([]);
  await contexte.close();
}

describe("boucle de fraîcheur", () => {
  it("la tâche de relance laisse un seul courriel pour la médiatrice, avec le lien du lieu", () => {
    expect(sortieRelance.trim()).toBe("1 rappel envoyé pour 1 lieu à vérifier.");
    expect(boite.map((m) => [m.destinataire, m.sujet])).toEqual([[MEDIATRICE, "Un lieu à vérifier sur Passerelle : Espace public numérique du Blosne"]]);
    expect(boite[0]?.texte).toContain(`${URL_SITE}/lieux/${lieuId}#fraicheur`);
  });

  it("le lieu est « à vérifier » ; la médiatrice confirme en un clic et le badge passe « à jour »", async () => {
    await page.goto(`${URL_SITE}/lieux/${lieuId}`);
    const entete = page.locator(".fiche-entete");
    await expect(entete.getByText("à vérifier", { exact: true }).count()).resolves.toBe(1);
    await expect(page.getByText(/Fiche complète à \d+ %/).count()).resolves.toBe(1);
    await sansViolation(page);
    await page.getByRole("button", { name: "Je confirme que tout est à jour" }).click();
    await page.waitForURL(/confirme=1/);
    await expect(page.getByRole("status").filter({ hasText: "confirmées à jour" }).count()).resolves.toBe(1);
    await expect(entete.getByText("à jour", { exact: true }).count()).resolves.toBe(1);
    await expect(entete.getByText("à vérifier", { exact: true }).count()).resolves.toBe(0);
    await sansViolation(page);
  });

  it("l'administrateur voit la fraîcheur de la région : plus rien à vérifier, aucun lieu sans structure", async () => {
    const admin = await (await navigateur.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } })).newPage();
    await admin.goto(lienAdmin);
    await admin.getByRole("button", { name: "Me connecter" }).click();
    await admin.waitForURL(/\/fraicheur/);
    await expect(admin.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Fraîcheur des lieux de mon territoire");
    await expect(admin.getByText("Aucun lieu à vérifier.").count()).resolves.toBe(1);
    await expect(admin.getByText("Tous les lieux ont une structure.").count()).resolves.toBe(1);
    await sansViolation(admin);
  });
});
