import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { utilisateurs } from "~/comptes/comptes.schema";
import { lieux } from "~/lieux/lieux.schema";
import { liens_orientations } from "~/orientation/suivi/orientations.schema";
import { REGLAGES_PAR_DEFAUT } from "~/orientation/suivi/vocabulaire";
import { ouvrirConnexion } from "~/platform/db/connexion.server";
import { lieux_structures, membres_structures, structures } from "~/structures/structures.schema";
import { auditerAccessibilite, lancerChromium, preparerBanc } from "./outils";

/**
 * Tracked referrals in a real browser, on the seeded Bretagne data: a prescripteur finds a place by
 * its commune and refers a person to it (no personal data), prints the sheet with the code; the place,
 * without an account, answers through the signed link of its mail; a structure with an account finds
 * a second referral by its code, takes it in charge and closes it; a refusal; then the expiry and
 * erasure jobs. The receiver of the link browses without JavaScript; everyone else with it.
 */
const PORT = Number(process.env.PASSERELLE_E2E_PORT_ORIENTATIONS ?? 4013);
const URL_SITE = `http://127.0.0.1:${PORT}`;
const banc = preparerBanc(PORT, { env: { PASSERELLE_BUILD_DIR: process.env.PASSERELLE_BUILD_DIR ?? "build" } });
const { passerelle } = banc;
const ARTEFACTS = "test-results/orientations";
const PRESCRIPTRICE = "paula@france-services.exemple.fr";
const MEDIATRICE = "awa@ker-numerique.exemple.fr";
const ADRESSE_LIEU = "accueil@lieu-sans-compte.exemple.fr";

let navigateur: Browser;
let admin: Page;
let prescriptrice: Page;
let mediatrice: Page;
let lieuSansCompte: Page;
/** X1: no structure with an account, answers by signed link; X2: run by Ker Numérique. */
const lieu1 = { id: "", nom: "", commune: "" };
const lieu2 = { id: "", nom: "" };

const dossierDb = () => path.join(banc.dossier, "db");

async function connecter(lien: string, js = true): Promise<Page> {
  const page = await (await navigateur.newContext({ javaScriptEnabled: js, viewport: { width: 1280, height: 900 } })).newPage();
  await page.goto(lien);
  await page.getByRole("button", { name: "Me connecter" }).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/connexion"));
  return page;
}

const lienConnexion = (courriel: string, retour = "/compte") => passerelle("lien-connexion", courriel, "--retour", retour).trim().split("\n").at(-1) ?? "";

beforeAll(async () => {
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
});

afterAll(async () => {
  await navigateur?.close();
  await banc.arreter();
});

/** axe on the page's exact HTML (the live page's CSP refuses an injected script without JavaScript). */
async function sansViolation(page: Page, nom?: string): Promise<void> {
  if (nom) await page.screenshot({ path: `${ARTEFACTS}/${nom}.png`, fullPage: true });
  const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, "").replace("<head>", `<head><base href="${URL_SITE}/">`);
  const contexte = await navigateur.newContext({ viewport: { width: 1280, height: 900 } });
  const copie = await contexte.newPage();
  await copie.setContent(html, { waitUntil: "load" });
  expect(await auditerAccessibilite(copie)).toEqual([]);
  await contexte.close();
}

/** At 320 px (WCAG 1.4.10), nothing scrolls sideways. */
async function tientEn320(page: Page, nom: string): Promise<void> {
  await page.setViewportSize({ width: 320, height: 800 });
  await page.screenshot({ path: `${ARTEFACTS}/${nom}-320.png`, fullPage: true });
  await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(320);
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function dernierCourriel(adresse: string): Promise<string> {
  await admin.goto(`${URL_SITE}/admin/courriels`);
  return (await admin.locator("tr", { hasText: adresse }).first().locator("pre").textContent()) ?? "";
}

/** The code shown big after sending, "ABCD-EFGH". */
async function codeAffiche(page: Page): Promise<string> {
  const texte = (await page.locator(".code-grand strong").textContent()) ?? "";
  expect(texte).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  return texte;
}

/** Keyboard only: Tab until the element has focus (fails if it is not reachable). */
async function tabulerJusqua(page: Page, selecteur: string): Promise<void> {
  for (let i = 0; i < 120; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selecteur)) return;
  }
  throw new Error(`${selecteur} n'est pas atteignable au clavier`);
}

let code1 = "";
let lienRecu = "";
let id2 = "";
let code2 = "";
let id3 = "";

describe("orientations suivies", () => {
  it("la prescriptrice cherche une commune, oriente vers un lieu sans compte, sans données personnelles, et imprime la fiche avec le code", async () => {
    const p = prescriptrice;
    await p.goto(`${URL_SITE}/lieux`);
    await p.getByLabel("Où ?").fill(lieu1.commune);
    await p.getByRole("button", { name: "Rechercher", exact: true }).click();
    await p.getByRole("link", { name: `Orienter vers ce lieu : ${lieu1.nom}` }).first().click();
    await p.waitForURL(`${URL_SITE}/orientations/nouvelle?lieu=${lieu1.id}`);
    // The place has not stated its conditions, and no structure with an account runs it: nothing to send to yet.
    await p.getByText(/n'a pas indiqué d'adresse pour recevoir les orientations/).waitFor();
    await expect(p.getByRole("button", { name: "Envoyer l'orientation" }).count()).resolves.toBe(0);
    await sansViolation(p, "envoi-impossible");

    // The hub administrator (a place's owner) states its conditions and its orientation address.
    await admin.goto(`${URL_SITE}/lieux/${lieu1.id}`);
    await admin.getByRole("link", { name: "Modifier les conditions d'orientation" }).click();
    await admin.waitForURL(`${URL_SITE}/lieux/${lieu1.id}/orientation`);
    await sansViolation(admin, "conditions");
    await admin.getByLabel(/^Oui : les professionnels/).check();
    await admin.getByLabel(/^Qui le lieu peut accueillir/).fill("Tout public majeur du territoire.");
    await admin.getByLabel("Orientation dans Passerelle", { exact: true }).check();
    await admin.getByLabel("Par courriel", { exact: true }).check();
    await admin.getByLabel(/^Ce que la personne doit apporter/).fill("Un justificatif de domicile.");
    await admin.getByLabel(/^Délais/).fill("Rendez-vous sous 8 jours.");
    await admin.getByRole("button", { name: "Enregistrer les conditions" }).click();
    // An address is required with « Par courriel »: the error names the field, values are kept.
    await admin.getByRole("alert").getByText("Indiquez l'adresse à laquelle envoyer les orientations par courriel.").waitFor();
    await expect(admin.getByLabel(/^Adresse de courriel pour les orientations/).getAttribute("aria-invalid")).resolves.toBe("true");
    await sansViolation(admin, "conditions-erreur");
    await admin.getByLabel(/^Adresse de courriel pour les orientations/).fill(ADRESSE_LIEU);
    await admin.getByRole("button", { name: "Enregistrer les conditions" }).click();
    await admin.waitForURL(/\/orientation\?message=enregistre$/);
    await admin.getByText("Les conditions d'orientation sont enregistrées.", { exact: false }).waitFor();

    await p.reload();
    const conditions = p.getByRole("region", { name: "Conditions d'orientation du lieu" });
    await conditions.getByText("Tout public majeur du territoire.").waitFor();
    await conditions.getByText("Rendez-vous sous 8 jours.").waitFor();
    await p.getByRole("button", { name: "Envoyer l'orientation" }).click();
    await p.getByRole("alert").getByText("Indiquez au moins un service ou une démarche dont la personne a besoin.").waitFor();
    await sansViolation(p, "envoi-erreur");
    await p.getByLabel("Faire une démarche en ligne", { exact: true }).check();
    await p.getByLabel(/^CAF/).check();
    await p.getByLabel(/^Message pour le lieu/).fill("Besoin d'aide pour déclarer ses ressources trimestrielles.");
    await p.getByRole("button", { name: "Envoyer l'orientation" }).click();
    await p.waitForURL(/\/orientations\/[0-9a-f-]{36}\?envoyee=1$/);
    code1 = await codeAffiche(p);
    await p.getByText("Aucune coordonnée : la personne se présente avec sa fiche d'orientation").waitFor();
    await sansViolation(p, "envoyee");

    await p.getByRole("link", { name: "Imprimer la fiche d'orientation avec ce code" }).click();
    await p.waitForURL(/\/orientation\/fiche\?/);
    await p.getByText(`Code d'orientation : ${code1} — à présenter à l'accueil`).waitFor();
    await sansViolation(p, "fiche");
    const href = (await p.getByRole("link", { name: "Télécharger en PDF" }).getAttribute("href")) ?? "";
    const pdf = Buffer.from(await (await fetch(new URL(href, URL_SITE))).arrayBuffer());
    const fichier = path.join(ARTEFACTS, "fiche-orientation.pdf");
    writeFileSync(fichier, pdf);
    const texte = execFileSync("pdftotext", ["-enc", "UTF-8", fichier, "-"]).toString("utf8").replace(/\s+/g, " ");
    expect(texte).toContain(`Code d'orientation : ${code1}`);
  });

  it("le lieu sans compte ouvre le lien signé du courriel (sans JavaScript) et accepte avec un rendez-vous", async () => {
    const mail = await dernierCourriel(ADRESSE_LIEU);
    expect(mail).toContain(code1);
    const lien = mail.match(/http:\/\/\S+\/o\/\S+/)?.[0] ?? "";
    lienRecu = lien;
    const reponse = await lieuSansCompte.goto(lien);
    // No Referer to any other site (the token is in the path); same-origin keeps the forms' Origin header.
    expect(reponse?.headers()["referrer-policy"]).toBe("same-origin");
    await expect(lieuSansCompte.locator('meta[name="referrer"]').getAttribute("content")).resolves.toBe("same-origin");
    await lieuSansCompte.getByRole("heading", { name: `Orientation ${code1}` }).waitFor();
    await lieuSansCompte.locator(".statut", { hasText: "Vue" }).waitFor();
    await sansViolation(lieuSansCompte, "lien-recu");
    await lieuSansCompte.getByLabel(/^Date du rendez-vous/).fill("2030-03-12");
    await lieuSansCompte.getByLabel(/^Heure du rendez-vous/).fill("14:30");
    await lieuSansCompte.getByRole("button", { name: "Accepter", exact: true }).click();
    await lieuSansCompte.waitForURL(/\?fait=accepter$/);
    await lieuSansCompte.getByText("L'orientation est acceptée.", { exact: false }).waitFor();
    await lieuSansCompte.getByText("12 mars 2030 à 14 h 30").waitFor();
    await sansViolation(lieuSansCompte, "lien-acceptee");
    // The sender is told, by mail and on the page.
    expect(await dernierCourriel(PRESCRIPTRICE)).toContain(code1);
    await prescriptrice.goto(`${URL_SITE}/orientations?sens=envoyees`);
    await expect(prescriptrice.getByRole("row", { name: new RegExp(code1) }).textContent()).resolves.toContain("Acceptée");
  });

  it("au clavier seulement, la prescriptrice oriente depuis la fiche du lieu vers une structure inscrite, avec les coordonnées consenties", async () => {
    const p = prescriptrice;
    await p.goto(`${URL_SITE}/lieux/${lieu2.id}`);
    const section = p.getByRole("region", { name: "Orienter une personne vers ce lieu" });
    await section.getByRole("link", { name: "Orienter vers ce lieu" }).waitFor();
    await sansViolation(p, "fiche-lieu");
    await tabulerJusqua(p, 'a[href^="/orientations/nouvelle"]');
    await p.keyboard.press("Enter");
    await p.waitForURL(`${URL_SITE}/orientations/nouvelle?lieu=${lieu2.id}`);
    await tabulerJusqua(p, "#demarche-france_travail");
    await p.keyboard.press("Space");
    await tabulerJusqua(p, "#urgence-normale");
    await p.keyboard.press("ArrowDown");
    await tabulerJusqua(p, "#message");
    await p.keyboard.type("Inscription à faire avant la fin du mois.");
    await tabulerJusqua(p, "#partager_contact");
    await p.keyboard.press("Space");
    await tabulerJusqua(p, "#consentement-oral");
    await p.keyboard.press("Space");
    await tabulerJusqua(p, "#prenom");
    await p.keyboard.type("Josiane");
    await tabulerJusqua(p, "#telephone");
    await p.keyboard.type("06 12 34 56 78");
    await tabulerJusqua(p, 'button[type="submit"]');
    await p.keyboard.press("Enter");
    await p.waitForURL(/\/orientations\/[0-9a-f-]{36}\?envoyee=1$/);
    id2 = new URL(p.url()).pathname.split("/").at(-1) ?? "";
    code2 = await codeAffiche(p);
    await p.getByText("Dans la semaine").waitFor();
    await p.getByText("Josiane").waitFor();
  });

  it("la médiatrice retrouve l'orientation par son code, l'accepte, la prend en charge et la clôture « autonome » ; la prescriptrice voit l'issue, jamais la note", async () => {
    const m = mediatrice;
    await m.goto(`${URL_SITE}/orientations`);
    await m.getByRole("table", { name: /Orientations reçues/ }).waitFor();
    await sansViolation(m, "boite-recues");
    await tientEn320(m, "boite-recues");
    await m.getByLabel(/^Retrouver par code/).fill(code2.toLowerCase().replace("-", " "));
    await m.getByRole("button", { name: "Retrouver" }).click();
    await m.waitForURL(`${URL_SITE}/orientations/${id2}`);
    await m.getByText(/Consentement recueilli par Paula Le Goff le .* \(accord oral/).waitFor();
    await m.getByText("06 12 34 56 78").waitFor();
    await sansViolation(m, "orientation-recue");
    await tientEn320(m, "orientation-recue");
    await m.getByRole("button", { name: "Accepter", exact: true }).click();
    await m.waitForURL(/\?fait=accepter$/);
    await m.getByRole("button", { name: "Prendre en charge" }).click();
    await m.waitForURL(/\?fait=prendre_en_charge$/);
    await m.getByText("La personne est prise en charge.", { exact: false }).waitFor();
    await m.getByLabel(/^Votre note/).fill("Dossier incomplet, à revoir jeudi.");
    await m.getByRole("button", { name: "Enregistrer la note" }).click();
    await m.waitForURL(/\?fait=note$/);
    await m.getByRole("button", { name: "Clôturer" }).click();
    await m.getByRole("alert").getByText("Choisissez l'issue de l'orientation dans la liste.").waitFor();
    await sansViolation(m, "cloture-erreur");
    await m.getByLabel("Autonome").check();
    await m.getByRole("button", { name: "Clôturer" }).click();
    await m.waitForURL(/\?fait=cloturer$/);
    await m.locator(".statut", { hasText: "Clôturée" }).waitFor();
    await sansViolation(m, "orientation-cloturee");

    const p = prescriptrice;
    await p.goto(`${URL_SITE}/orientations?sens=envoyees`);
    await sansViolation(p, "boite-envoyees");
    await p.getByRole("link", { name: code2 }).click();
    await p.waitForURL(`${URL_SITE}/orientations/${id2}`);
    await p.locator(".statut", { hasText: "Clôturée" }).waitFor();
    await p.getByText("Autonome").waitFor();
    await expect(p.content()).resolves.not.toContain("Dossier incomplet");
    await expect(p.getByLabel(/^Votre note/).count()).resolves.toBe(0);
    await sansViolation(p, "orientation-envoyee");
    await tientEn320(p, "orientation-envoyee");
    // Outside the two structures (the hub administrator included), the referral does not exist.
    expect((await admin.goto(`${URL_SITE}/orientations/${id2}`))?.status()).toBe(404);
  });

  it("refus : le motif est vu par la structure qui oriente, jamais sur la fiche de la personne", async () => {
    const p = prescriptrice;
    await p.goto(`${URL_SITE}/orientations/nouvelle?lieu=${lieu2.id}`);
    await p.getByLabel("Faire une démarche en ligne", { exact: true }).check();
    await p.getByRole("button", { name: "Envoyer l'orientation" }).click();
    await p.waitForURL(/\?envoyee=1$/);
    id3 = new URL(p.url()).pathname.split("/").at(-1) ?? "";
    const code3 = await codeAffiche(p);
    const m = mediatrice;
    await m.goto(`${URL_SITE}/orientations/${id3}`);
    await m.getByLabel(/^Motif du refus/).selectOption("complet");
    await m.getByRole("button", { name: "Refuser" }).click();
    await m.waitForURL(/\?fait=refuser$/);
    await sansViolation(m, "orientation-refusee");
    await p.goto(`${URL_SITE}/orientations/${id3}`);
    await p.locator(".statut", { hasText: "Refusée" }).waitFor();
    await p.getByText("Plus de place disponible (jamais montré à la personne)").waitFor();
    await p.getByRole("link", { name: /Fiche d'orientation à imprimer/ }).click();
    await p.getByText(`Code d'orientation : ${code3}`, { exact: false }).waitFor();
    await expect(p.content()).resolves.not.toMatch(/Plus de place|Refusée/);
  });

  it("les tâches : une orientation sans réponse expire, les coordonnées sont effacées après la clôture", async () => {
    const p = prescriptrice;
    await p.goto(`${URL_SITE}/orientations/nouvelle?lieu=${lieu2.id}`);
    await p.getByLabel(/^MSA/).check();
    await p.getByRole("button", { name: "Envoyer l'orientation" }).click();
    await p.waitForURL(/\?envoyee=1$/);
    const id4 = new URL(p.url()).pathname.split("/").at(-1) ?? "";

    // The server stops (PGlite has one user); the daily jobs run once, as if 91 days had passed
    // (past the 30 days of expiry and the 90 days of erasure); the place's link is made to expire.
    await banc.arreterServeur();
    const jour = 86_400_000;
    const c = await ouvrirConnexion({ moteur: "pglite", dossier: dossierDb() });
    await c.db.update(liens_orientations).set({ expire_le: new Date(Date.now() - jour) });
    await c.fermer();
    const plusTard = new Date(Date.now() + (REGLAGES_PAR_DEFAUT.effacementJours + 1) * jour).toISOString();
    const sortie = passerelle("orientations", "taches", "--le", plusTard);
    expect(sortie).toMatch(/[1-9]\d* orientation\(s\) expirée\(s\)/);
    expect(sortie).toMatch(/effacées de [1-9]\d* orientation\(s\)/);
    await banc.demarrer();

    await p.goto(`${URL_SITE}/orientations/${id4}`);
    await p.locator(".statut", { hasText: "Expirée" }).waitFor();
    await sansViolation(p, "orientation-expiree");
    const m = mediatrice;
    await m.goto(`${URL_SITE}/orientations/${id2}`);
    await m.getByText(/Les coordonnées de la personne ont été effacées le/).waitFor();
    await expect(m.content()).resolves.not.toMatch(/Josiane|06 12 34 56 78|Dossier incomplet/);
    // Statistics stay: the status and outcome are still there.
    await m.locator(".statut", { hasText: "Clôturée" }).waitFor();
    await sansViolation(m, "donnees-effacees");

    // The place's link has expired: a fresh one goes to the same address, never to one typed on the page.
    await lieuSansCompte.goto(lienRecu);
    await lieuSansCompte.getByRole("heading", { name: "Ce lien a expiré" }).waitFor();
    await sansViolation(lieuSansCompte, "lien-expire");
    await lieuSansCompte.getByRole("button", { name: "Recevoir un nouveau lien" }).click();
    await lieuSansCompte.waitForURL(/\?renouvele=1$/);
    await lieuSansCompte.getByText(/Un nouveau lien a été envoyé à l'adresse de votre structure/).waitFor();
    const nouveau = (await dernierCourriel(ADRESSE_LIEU)).match(/http:\/\/\S+\/o\/\S+/)?.[0] ?? "";
    expect(nouveau).not.toBe("");
    expect(nouveau).not.toBe(lienRecu);
    await lieuSansCompte.goto(nouveau);
    await lieuSansCompte.getByRole("heading", { name: `Orientation ${code1}` }).waitFor();
    // An unknown token is a plain 404.
    expect((await lieuSansCompte.goto(`${URL_SITE}/o/inconnu-${"x".repeat(40)}`))?.status()).toBe(404);
  });
});
