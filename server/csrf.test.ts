import express from "express";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decisionCsrf, protectionCsrf, type RequeteCsrf } from "./csrf";

const PUBLIQUE = "https://passerelle.bzh";
const base: RequeteCsrf = { methode: "POST", secFetchSite: undefined, origine: undefined, origineRequete: "http://10.0.0.5:3000", originePublique: PUBLIQUE, porteCookieSession: false };

// [case, method, Sec-Fetch-Site, Origin, session cookie, accepted]
const TABLE: [string, string, string | undefined, string | undefined, boolean, boolean][] = [
  ["GET d'un autre site (lien, image)", "GET", "cross-site", "https://pirate.example", true, true],
  ["HEAD", "HEAD", "cross-site", undefined, true, true],
  ["OPTIONS", "OPTIONS", "cross-site", undefined, true, true],
  ["formulaire de nos pages", "POST", "same-origin", PUBLIQUE, true, true],
  ["adresse tapée (none)", "POST", "none", undefined, true, true],
  ["formulaire d'un autre site", "POST", "cross-site", "https://pirate.example", true, false],
  ["formulaire d'un autre site, sans cookie", "POST", "cross-site", "https://pirate.example", false, false],
  ["sous-domaine voisin (same-site)", "POST", "same-site", "https://blog.passerelle.bzh", true, false],
  ["Sec-Fetch-Site prime sur Origin", "POST", "cross-site", PUBLIQUE, true, false],
  ["PUT d'un autre site", "PUT", "cross-site", undefined, false, false],
  ["PATCH d'un autre site", "PATCH", "cross-site", undefined, false, false],
  ["DELETE d'un autre site", "delete", "cross-site", undefined, false, false],
  ["vieux navigateur : Origin publique", "POST", undefined, PUBLIQUE, true, true],
  ["vieux navigateur : Origin = hôte de la requête", "POST", undefined, "http://10.0.0.5:3000", true, true],
  ["vieux navigateur : Origin d'un autre site", "POST", undefined, "https://pirate.example", true, false],
  ["vieux navigateur : Origin null (iframe sandbox, redirection)", "POST", undefined, "null", false, false],
  ["vieux navigateur : Origin avec un autre schéma", "POST", undefined, "http://passerelle.bzh", true, false],
  ["ni l'un ni l'autre, avec cookie de session", "POST", undefined, undefined, true, false],
  ["ni l'un ni l'autre, sans cookie (curl, script)", "POST", undefined, undefined, false, true],
  ["DELETE sans en-têtes ni cookie (client d'API)", "DELETE", undefined, undefined, false, true],
];

describe("décision CSRF", () => {
  it.each(TABLE)("%s", (_cas, methode, secFetchSite, origine, porteCookieSession, acceptee) => {
    expect(decisionCsrf({ ...base, methode, secFetchSite, origine, porteCookieSession }).acceptee).toBe(acceptee);
  });
});

describe("protectionCsrf dans Express", () => {
  let url = "";
  let fermer: () => void = () => undefined;
  beforeAll(async () => {
    const app = express();
    app.use(protectionCsrf(PUBLIQUE, "passerelle.session_token"));
    app.all("/{*chemin}", (req, res) => void res.status(200).send(`passé ${req.method}`));
    const serveur = app.listen(0, "127.0.0.1");
    await new Promise((r) => serveur.once("listening", r));
    const adresse: AddressInfo | string | null = serveur.address();
    url = `http://127.0.0.1:${typeof adresse === "object" && adresse !== null ? adresse.port : 0}`;
    fermer = () => serveur.close();
  });
  afterAll(() => fermer());

  const cookie = "autre=1; passerelle.session_token=abc.def";

  it("un formulaire d'un autre site reçoit une page 403 en français, rien n'est exécuté", async () => {
    const r = await fetch(`${url}/lieux/1`, { method: "POST", headers: { "sec-fetch-site": "cross-site", cookie }, body: "x=1" });
    expect(r.status).toBe(403);
    expect(r.headers.get("content-type")).toMatch(/^text\/html/);
    expect(await r.text()).toContain("Requête refusée");
  });

  it("sous /api/ : un problème JSON", async () => {
    const r = await fetch(`${url}/api/auth/sign-out`, { method: "POST", headers: { origin: "https://pirate.example", cookie } });
    expect(r.status).toBe(403);
    expect(r.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(await r.json()).toMatchObject({ status: 403, title: "Requête refusée" });
  });

  it("même origine, hôte de la requête, client sans cookie, GET : acceptés", async () => {
    const envoyer = async (methode: string, entetes: Record<string, string>) => (await fetch(`${url}/x`, { method: methode, headers: entetes })).status;
    expect(await envoyer("POST", { "sec-fetch-site": "same-origin", cookie })).toBe(200);
    expect(await envoyer("POST", { origin: url, cookie })).toBe(200);
    expect(await envoyer("POST", {})).toBe(200);
    expect(await envoyer("GET", { "sec-fetch-site": "cross-site", cookie })).toBe(200);
    // Node's fetch sends neither Sec-Fetch-Site nor Origin: with the session cookie alone, refused.
    expect(await envoyer("DELETE", { cookie })).toBe(403);
  });
});
