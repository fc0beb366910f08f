import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { liens_orientations } from "~/orientation/suivi/orientations.schema";
import { REGLAGES_PAR_DEFAUT } from "~/orientation/suivi/vocabulaire";
import { ouvrirConnexion } from "~/platform/db/connexion.server";
import { ADRESSE_LIEU, ARTEFACTS, PRESCRIPTRICE, URL_SITE, admin, banc, codeAffiche, dernierCourriel, dossierDb, lieu1, lieu2, lieuSansCompte, mediatrice, passerelle, preparer, prescriptrice, sansViolation, tabulerJusqua, terminer, tientEn320 } from "./orientations-banc";

/**
 * Tracked referrals in a real browser, on the seeded Bretagne data: a prescripteur finds a place by
 * its commune and refers a person to it (no personal data), prints the sheet with the code; the place,
 * without an account, answers through the signed link of its mail; a structure with an account finds
 * a second referral by its code, takes it in charge and closes it; a refusal; then the expiry and
 * erasure jobs. The receiver of the link browses without JavaScript; everyone else with it.
 */
beforeAll(preparer);
afterAll(terminer);

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
