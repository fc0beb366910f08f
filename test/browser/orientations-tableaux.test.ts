import ExcelJS from "exceljs";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { utilisateurs } from "~/comptes/comptes.schema";
import { lieux } from "~/lieux/lieux.schema";
import { orientations } from "~/orientation/suivi/orientations.schema";
import { ouvrirConnexion } from "~/platform/db/connexion.server";
import { lieux_structures, membres_structures, structures } from "~/structures/structures.schema";
import { csv, ligne } from "../aide/lieux";
import { auditerAccessibilite, lancerChromium, preparerBanc } from "./outils";

/**
 * Dashboards, exports and the coordinators' view in a real browser, without JavaScript. There is no
 * CLI for structures or referrals: they are written in the data folder before the server starts
 * (three referrals received by the place's structure, one with the person's details and a message).
 */
const PORT = Number(process.env.PASSERELLE_E2E_PORT_ORIENTATIONS_TABLEAUX ?? 3989);
const URL_SITE = `http://127.0.0.1:${PORT}`;
const banc = preparerBanc(PORT);
const { passerelle } = banc;
const MEDIATRICE = "mediatrice@blosne.fr";
const COORDINATION = "coordination@rennes-metropole.fr";
const PERSONNEL = ["Camille", "0611223344", "Message confidentiel"];
const CAPTURES = path.resolve("test-results/orientations-tableaux");

let navigateur: Browser;
let mediatrice: Page;
let coordination: Page;
let structureId = "";

/** Sign-in links come from the CLI, which needs the data folder to itself: made before the server starts. */
const lienDe = (adresse: string, retour: string) => passerelle("lien-connexion", adresse, "--retour", retour).trim().split("\n").at(-1) ?? "";

async function connecter(lien: string, retour: string): Promise<Page> {
  const page = await (await navigateur.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 }, acceptDownloads: true })).newPage();
  await page.goto(lien);
  await page.getByRole("button", { name: "Me connecter" }).click();
  await page.waitForURL(`${URL_SITE}${retour}`);
  return page;
}

beforeAll(async () => {
  mkdirSync(CAPTURES, { recursive: true });
  const fichier = path.join(banc.dossier, "lieux.csv");
  writeFileSync(fichier, csv([ligne({ id: "blosne", nom: "Espace public numérique du Blosne" })]));
  passerelle("import", fichier, "--format", "standard-csv", "--source", "test");
  passerelle("coordination", "ajouter", COORDINATION, "--epci", "243500139");
  const c = await ouvrirConnexion({ moteur: "pglite", dossier: path.join(banc.dossier, "db") });
  const [l] = await c.db.select({ id: lieux.id }).from(lieux);
  const [u] = await c.db.insert(utilisateurs).values({ courriel: MEDIATRICE, nom: "Awa" }).returning({ id: utilisateurs.id });
  const [s] = await c.db.insert(structures).values({ nom: "Association du Blosne", type: "association", code_insee: "35238" }).returning({ id: structures.id });
  const [brest] = await c.db.insert(structures).values({ nom: "France services de Brest", type: "espace_france_services", code_insee: "29019" }).returning({ id: structures.id });
  structureId = s?.id ?? "";
  await c.db.insert(membres_structures).values({ structure_id: structureId, utilisateur_id: u?.id ?? "", role: "mediateur" });
  await c.db.insert(lieux_structures).values({ lieu_id: l?.id ?? "", structure_id: structureId });
  const il_y_a = (jours: number, heures = 0) => new Date(Date.now() - jours * 86_400_000 + heures * 3_600_000);
  const commun = { lieu_id: l?.id ?? "", structure_destinataire_id: structureId, structure_emettrice_id: brest?.id ?? "" };
  await c.db.insert(orientations).values([
    { ...commun, code: "K7P3Q9XM", statut: "refusee", motif_refus: "complet", envoyee_le: il_y_a(20), repondue_le: il_y_a(20, 5), terminee_le: il_y_a(20, 5), demarches: ["caf"] },
    { ...commun, code: "H4R8T2WN", statut: "cloturee", issue: "autonome", envoyee_le: il_y_a(10), repondue_le: il_y_a(10, 2), terminee_le: il_y_a(3), demarches: ["impots"] },
    { ...commun, code: "Z9X3C6VB", statut: "envoyee", envoyee_le: il_y_a(1), message: "Message confidentiel", personne_prenom: "Camille", personne_telephone: "0611223344", consentement_mode: "oral", consentement_le: il_y_a(1) },
  ]);
  await c.fermer();
  const liens = [lienDe(MEDIATRICE, "/orientations/tableau-de-bord"), lienDe(COORDINATION, "/coordination/orientations")];
  await banc.demarrer();
  navigateur = await lancerChromium();
  mediatrice = await connecter(liens[0] ?? "", "/orientations/tableau-de-bord");
  coordination = await connecter(liens[1] ?? "", "/coordination/orientations");
});

afterAll(async () => {
  await navigateur?.close();
  await banc.arreter();
});

/** axe on the page's exact HTML; without JavaScript axe cannot run in the page itself. */
async function sansViolation(p: Page, nom: string): Promise<void> {
  await p.screenshot({ path: path.join(CAPTURES, `${nom}.png`), fullPage: true });
  const html = (await p.content()).replace(/<script\b[\s\S]*?<\/script>/gi, "").replace("<head>", `<head><base href="${URL_SITE}/">`);
  const contexte = await navigateur.newContext({ viewport: { width: 1280, height: 900 } });
  const copie = await contexte.newPage();
  await copie.setContent(html, { waitUntil: "load" });
  expect(await auditerAccessibilite(copie)).toEqual([]);
  await contexte.close();
}

describe("tableaux de bord, exports et vue des coordinations", () => {
  it("la médiatrice voit le tableau de bord des orientations reçues par sa structure", async () => {
    // Reached from the inbox, for the tab being shown.
    await mediatrice.goto(`${URL_SITE}/orientations`);
    await mediatrice.getByRole("link", { name: /Tableau de bord et exports .* reçues/ }).click();
    await mediatrice.waitForURL(/\/orientations\/tableau-de-bord\?structure=.*&sens=recues/);
    await mediatrice.getByRole("heading", { level: 1, name: "Tableau de bord des orientations" }).waitFor();
    const ligneStatut = (statut: string) => mediatrice.getByRole("row").filter({ has: mediatrice.getByRole("rowheader", { name: statut, exact: true }) }).first();
    await expect(ligneStatut("Refusée").getByRole("cell").first().textContent()).resolves.toBe("1");
    await expect(ligneStatut("Clôturée").getByRole("cell").first().textContent()).resolves.toBe("1");
    await expect(ligneStatut("Plus de place disponible").getByRole("cell").first().textContent()).resolves.toBe("1");
    // Accepted or beyond (1 closed) ÷ (that + 1 refused).
    await expect(mediatrice.locator(".chiffres").textContent()).resolves.toMatch(/50\s%/);
    expect(await mediatrice.content()).not.toContain("Camille");
    await sansViolation(mediatrice, "tableau-de-bord-recues");
    // The same form, « Envoyées »: nothing sent yet.
    await mediatrice.getByLabel("Orientations").selectOption("envoyees");
    await mediatrice.getByRole("button", { name: "Afficher" }).click();
    await mediatrice.waitForURL(/sens=envoyees/);
    await expect(mediatrice.locator(".chiffres li").first().textContent()).resolves.toMatch(/^0 orientation envoyée/);
    await sansViolation(mediatrice, "tableau-de-bord-envoyees");
  });

  it("exports CSV et XLSX : une ligne par orientation, aucune donnée personnelle", async () => {
    await mediatrice.goto(`${URL_SITE}/orientations/tableau-de-bord?structure=${structureId}&sens=recues`);
    const [telechargement] = await Promise.all([mediatrice.waitForEvent("download"), mediatrice.getByRole("link", { name: /Télécharger en CSV/ }).click()]);
    const csvLu = await Readable.from(await telechargement.createReadStream()).toArray();
    const texte = Buffer.concat(csvLu.filter((b) => Buffer.isBuffer(b))).toString("utf8");
    expect(texte.startsWith("\uFEFFcode;sens;envoyee_le")).toBe(true);
    const lignes = texte.trimEnd().split("\r\n");
    expect(lignes).toHaveLength(4);
    expect(lignes.slice(1).map((l) => l.split(";")[0])).toEqual(["K7P3-Q9XM", "H4R8-T2WN", "Z9X3-C6VB"]);
    for (const p of PERSONNEL) expect(texte).not.toContain(p);

    const [xlsx] = await Promise.all([mediatrice.waitForEvent("download"), mediatrice.getByRole("link", { name: /Télécharger en XLSX/ }).click()]);
    expect(xlsx.suggestedFilename()).toMatch(/^orientations-recues-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const classeur = new ExcelJS.Workbook();
    await classeur.xlsx.read(await xlsx.createReadStream());
    const feuille = classeur.getWorksheet("Orientations");
    expect(feuille?.rowCount).toBe(4);
    expect(feuille?.getRow(2).getCell(1).value).toBe("K7P3-Q9XM");
    expect(feuille?.getRow(2).getCell(8).value).toBe("Plus de place disponible");
    const valeurs = JSON.stringify(feuille?.getSheetValues());
    for (const p of PERSONNEL) expect(valeurs).not.toContain(p);
  });

  it("la coordination de Rennes Métropole voit les flux entre types de structures, sans codes ni personnes ; pas la médiatrice", async () => {
    await coordination.getByRole("heading", { level: 1, name: "Orientations de mon territoire" }).waitFor();
    const flux = coordination.getByRole("row").filter({ has: coordination.getByRole("rowheader", { name: "Espace France services" }) });
    await expect(flux.getByRole("cell").first().textContent()).resolves.toBe("Association");
    await expect(flux.getByRole("cell").nth(1).textContent()).resolves.toBe("3");
    await expect(coordination.getByRole("rowheader", { name: /Espace public numérique du Blosne/ }).count()).resolves.toBe(1);
    const html = await coordination.content();
    for (const interdit of ["K7P3", "Camille", "France services de Brest", "Association du Blosne"]) expect(html).not.toContain(interdit);
    await sansViolation(coordination, "coordination-orientations");
    await coordination.goto(`${URL_SITE}/fraicheur`);
    await expect(coordination.getByRole("link", { name: "Orientations de mon territoire" }).count()).resolves.toBe(1);
    const refus = await mediatrice.goto(`${URL_SITE}/coordination/orientations`);
    expect(refus?.status()).toBe(403);
  });
});
