import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditerAccessibilite, lancerChromium, preparerBanc } from "./outils";

/**
 * Field feedback in a real browser, without JavaScript: a CAF structure is created with its operator
 * and a prescripteur joins it; a médiatrice of an EPN posts a feedback; the prescripteur gets the mail,
 * answers, takes it into account and closes it; the médiatrice reads the answer; a signed-in third
 * person sees the counts only. Every page and state passes axe, at 1280 and 320 px wide.
 */
const PORT = Number(process.env.PASSERELLE_E2E_PORT_REMONTEES ?? 3993);
const URL_SITE = `http://127.0.0.1:${PORT}`;
// Behind a reverse proxy on the loopback, as deployed: each person signs in from their own address
// (X-Forwarded-For), so six sign-ins in a minute stay under the per-address limit of the magic link.
const banc = preparerBanc(PORT, { env: { PASSERELLE_BUILD_DIR: process.env.PASSERELLE_BUILD_DIR ?? "build", PASSERELLE_PROXIES_DE_CONFIANCE: "loopback" } });

let navigateur: Browser;
let admin: Page;
const NOMS = ["claire", "paul", "anne", "maelle", "tiers"] as const;
const pages = new Map<(typeof NOMS)[number], Page>();
const page = (nom: (typeof NOMS)[number]): Page => {
  const p = pages.get(nom);
  if (!p) throw new Error(nom);
  return p;
};

beforeAll(async () => {
  banc.passerelle("admin", "ajouter", "admin@hub.bzh");
  const lienAdmin = banc.passerelle("lien-connexion", "admin@hub.bzh").trim().split("\n").at(-1) ?? "";
  await banc.demarrer();
  navigateur = await lancerChromium();
  admin = await (await navigateur.newContext()).newPage();
  await admin.goto(lienAdmin);
  await admin.getByRole("button", { name: "Me connecter" }).click();
  await admin.getByText("Administrateur du hub").waitFor();
  for (const [i, nom] of NOMS.entries()) pages.set(nom, await (await navigateur.newContext({ javaScriptEnabled: false, extraHTTPHeaders: { "X-Forwarded-For": `203.0.113.${i + 10}` } })).newPage());
});

afterAll(async () => {
  await navigateur?.close();
  await banc.arreter();
});

/** axe on the page's exact HTML (without JavaScript axe cannot run in the page itself: CSP), at 1280 and 320 px. */
async function sansViolation(p: Page): Promise<void> {
  const html = (await p.content()).replace(/<script\b[\s\S]*?<\/script>/gi, "").replace("<head>", `<head><base href="${URL_SITE}/">`);
  for (const width of [1280, 320]) {
    const contexte = await navigateur.newContext({ viewport: { width, height: 900 } });
    const copie = await contexte.newPage();
    await copie.setContent(html, { waitUntil: "load" });
    expect(await auditerAccessibilite(copie)).toEqual([]);
    // Reflow (WCAG 1.4.10): nothing wider than the screen at 320 px; wide tables scroll inside their region.
    if (width === 320) expect(await copie.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await contexte.close();
  }
}

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

/** Signs in from the sign-in page the browser is on; back on `chemin` afterwards. */
async function connexion(p: Page, adresse: string, chemin: string): Promise<void> {
  await p.getByLabel(/Adresse électronique/).fill(adresse);
  await p.getByRole("button", { name: "Recevoir un lien de connexion" }).click();
  await p.getByRole("heading", { name: "Vérifiez votre messagerie" }).waitFor();
  const lien = await lienRecu(adresse, "/connexion/lien");
  await p.goto(lien);
  await p.getByRole("button", { name: "Me connecter" }).click();
  await p.waitForURL(`${URL_SITE}${chemin}`);
}

/** Opens a page behind a session: sent to the sign-in page, then back. */
async function seConnecter(p: Page, adresse: string, chemin: string): Promise<void> {
  await p.goto(`${URL_SITE}${chemin}`);
  await connexion(p, adresse, chemin);
}

/** A responsable creates a structure (Rennes) and brings a colleague in with `role`. */
async function structureAvecCollegue(responsable: Page, nom: string, type: string, operateur: string, collegue: Page, adresse: string, role: string): Promise<void> {
  await responsable.getByLabel(/^Nom de la structure/).fill(nom);
  await responsable.getByLabel(/^Type de structure/).selectOption(type);
  if (operateur !== "") await responsable.getByLabel(/^Quel opérateur/).selectOption(operateur);
  await responsable.getByLabel(/^Commune/).fill("Rennes");
  await responsable.getByRole("button", { name: "Créer la structure" }).click();
  await responsable.waitForURL(/\/structures\/[0-9a-f-]{36}\?message=creee$/);
  await responsable.getByLabel(/^Adresse électronique/).fill(adresse);
  await responsable.getByLabel(/^Rôle \(|^Rôle$/).selectOption(role);
  await responsable.getByRole("button", { name: "Envoyer l'invitation" }).click();
  await responsable.waitForURL(/\?message=invitation#membres$/);
  const invitation = new URL(await lienRecu(adresse, "/invitations/"));
  await collegue.goto(invitation.href);
  await collegue.getByRole("link", { name: "Se connecter pour accepter" }).click();
  await connexion(collegue, adresse, invitation.pathname);
  await collegue.getByRole("button", { name: `Rejoindre ${nom}` }).click();
  await collegue.waitForURL(/\?message=bienvenue$/);
}

describe("remontées de terrain : une médiatrice signale, la CAF répond et clôt", () => {
  let adresseRemontee = "";

  it("la CAF crée sa structure avec son opérateur (exigé pour un opérateur public) et un prescripteur la rejoint", async () => {
    const claire = page("claire");
    await seConnecter(claire, "claire@caf.fr", "/structures/nouvelle");
    await claire.getByLabel(/^Nom de la structure/).fill("CAF d'Ille-et-Vilaine");
    await claire.getByLabel(/^Type de structure/).selectOption("operateur_public");
    await claire.getByLabel(/^Commune/).fill("Rennes");
    await claire.getByRole("button", { name: "Créer la structure" }).click();
    await claire.getByText(/^Quel opérateur \? : Choisissez l'opérateur dans la liste/).waitFor();
    await expect(claire.getByLabel(/^Quel opérateur/).getAttribute("aria-invalid")).resolves.toBe("true");
    await sansViolation(claire);
    await structureAvecCollegue(claire, "CAF d'Ille-et-Vilaine", "operateur_public", "caf", page("paul"), "paul@caf.fr", "prescripteur");
    await page("paul").locator("dd", { hasText: "CAF" }).first().waitFor();
  });

  it("une médiatrice de l'EPN fait une remontée ; les erreurs sont nommées par champ", async () => {
    const anne = page("anne");
    await seConnecter(anne, "anne@epn.fr", "/structures/nouvelle");
    await structureAvecCollegue(anne, "EPN du Blosne", "association", "", page("maelle"), "maelle@epn.fr", "mediateur");
    const maelle = page("maelle");
    await maelle.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Remontées" }).click();
    await maelle.waitForURL(`${URL_SITE}/remontees`);
    await maelle.getByText("Aucune remontée pour ces critères.").waitFor();
    await sansViolation(maelle);
    await maelle.getByRole("link", { name: "Faire une remontée" }).click();
    await maelle.getByText("Pas de données personnelles.").waitFor();
    await maelle.getByLabel(/^Démarche en ligne concernée/).fill("Actualisation trimestrielle RSA");
    await maelle.getByLabel(/^Ce qui se passe/).fill("Dossier 1234567 : la page reste blanche.");
    await maelle.getByRole("button", { name: "Envoyer la remontée" }).click();
    await maelle.getByRole("alert").getByRole("link", { name: "Choisissez l'opérateur dans la liste." }).waitFor();
    await maelle.getByText(/^Ce qui se passe : Retirez le numéro/).waitFor();
    await expect(maelle.getByLabel(/^Démarche en ligne concernée/).inputValue()).resolves.toBe("Actualisation trimestrielle RSA");
    await sansViolation(maelle);
    await maelle.getByLabel(/^Opérateur/).selectOption("caf");
    await maelle.getByLabel(/^Thème/).selectOption("connexion");
    await maelle.getByLabel(/^Ce qui se passe/).fill("Après FranceConnect, la page d'actualisation reste blanche, sur ordinateur comme sur téléphone.");
    await maelle.getByLabel(/^Nombre de personnes concernées/).fill("12");
    await maelle.getByLabel("Rennes Métropole").check();
    await maelle.getByRole("button", { name: "Envoyer la remontée" }).click();
    await maelle.waitForURL(/\/remontees\/[0-9a-f-]{36}\?message=creee$/);
    adresseRemontee = maelle.url().split("?")[0] ?? "";
    await maelle.getByText("La remontée est envoyée").waitFor();
    await maelle.locator("dd", { hasText: "Rennes Métropole" }).waitFor();
    await sansViolation(maelle);
  });

  it("le prescripteur de la CAF reçoit le lien, répond, marque « prise en compte » puis clôt avec une réponse finale", async () => {
    const paul = page("paul");
    const mail = await dernierCourriel("paul@caf.fr");
    expect(mail).toContain("EPN du Blosne signale un problème bloquant");
    expect(mail).not.toContain("page d'actualisation reste blanche");
    await paul.goto(await lienRecu("paul@caf.fr", "/remontees/"));
    await paul.getByText("Après FranceConnect, la page d'actualisation reste blanche", { exact: false }).waitFor();
    await sansViolation(paul);
    await paul.getByLabel(/^Votre réponse/).fill("Merci, nous transmettons à l'équipe nationale.");
    await paul.getByRole("button", { name: "Envoyer la réponse" }).click();
    await paul.waitForURL(/\?message=reponse#fil$/);
    await paul.getByRole("button", { name: "Marquer « prise en compte »" }).click();
    await paul.waitForURL(/\?message=en_cours$/);
    await paul.locator("dd", { hasText: "Prise en compte" }).waitFor();
    await paul.getByRole("button", { name: "Clore la remontée" }).click();
    await paul.getByText(/^Réponse finale : Écrivez la réponse finale/).waitFor();
    await sansViolation(paul);
    await paul.getByLabel(/^Réponse finale/).fill("Corrigé dans la mise à jour du 20 novembre.");
    await paul.getByRole("button", { name: "Clore la remontée" }).click();
    await paul.waitForURL(/\?message=close$/);
    await paul.getByText("Cette remontée est close : on ne peut plus y répondre.").waitFor();
    await expect(paul.getByRole("button", { name: "Envoyer la réponse" }).count()).resolves.toBe(0);
    await sansViolation(paul);
  });

  it("la médiatrice lit la réponse : prévenue par courriel, sur la page", async () => {
    expect(await dernierCourriel("maelle@epn.fr")).toContain("a clos la remontée avec une réponse finale");
    const maelle = page("maelle");
    await maelle.goto(adresseRemontee);
    await maelle.getByText("Merci, nous transmettons à l'équipe nationale.").waitFor();
    await maelle.getByText("Corrigé dans la mise à jour du 20 novembre.").waitFor();
    await maelle.locator("dd", { hasText: /^Close/ }).waitFor();
    await sansViolation(maelle);
  });

  it("une personne connectée sans lien avec la remontée voit les chiffres, pas le détail", async () => {
    const tiers = page("tiers");
    await seConnecter(tiers, "tiers@exemple.fr", "/remontees");
    const chiffres = tiers.getByRole("table", { name: "Remontées par opérateur et par thème" });
    await expect(chiffres.getByRole("row", { name: /CAF/ }).innerText()).resolves.toMatch(/CAF\s+Connexion, identifiant, FranceConnect\s+0\s+0\s+1\s+12/);
    await tiers.getByText("Aucune remontée à lire pour ces critères.").waitFor();
    await expect(tiers.getByRole("link", { name: "Faire une remontée" }).count()).resolves.toBe(0);
    await sansViolation(tiers);
    const r = await tiers.goto(adresseRemontee);
    expect(r?.status()).toBe(403);
    await expect(tiers.getByText("page reste blanche", { exact: false }).count()).resolves.toBe(0);
  });
});
