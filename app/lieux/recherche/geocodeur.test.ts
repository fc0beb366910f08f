import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { geocodeurBan, geocodeurDepuisEnv } from "./geocodeur.server";

// A fake BAN on the loopback: the tests never reach the internet.
let serveur: Server;
let base: string;
const requetes: string[] = [];

beforeAll(async () => {
  serveur = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    requetes.push(`${url.pathname}?${url.searchParams.toString()}`);
    const q = url.searchParams.get("q") ?? "";
    if (q === "lent") {
      setTimeout(() => res.end("{}"), 500);
      return;
    }
    if (q === "panne") {
      res.statusCode = 503;
      res.end("indisponible");
      return;
    }
    if (q === "bizarre") {
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ autre: true }));
      return;
    }
    const features =
      q === "introuvable"
        ? []
        : [{ type: "Feature", geometry: { type: "Point", coordinates: [-4.4861, 48.3904] }, properties: { label: "2 Rue de Siam 29200 Brest", score: 0.97 } }];
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify({ type: "FeatureCollection", features }));
  });
  await new Promise<void>((ok) => serveur.listen(0, "127.0.0.1", ok));
  const adresse = serveur.address();
  if (adresse === null || typeof adresse === "string") throw new Error("adresse du faux serveur");
  base = `http://127.0.0.1:${(adresse satisfies AddressInfo).port}`;
});
afterAll(() => new Promise<void>((ok) => serveur.close(() => ok())));

describe("géocodeur BAN", () => {
  it("interroge /search/?q=…&limit=1 et lit le premier résultat", async () => {
    const r = await geocodeurBan(base).geocoder("2 rue de Siam, Brest");
    expect(r).toEqual({ latitude: 48.3904, longitude: -4.4861, libelle: "2 Rue de Siam 29200 Brest" });
    expect(requetes.at(-1)).toBe("/search/?q=2+rue+de+Siam%2C+Brest&limit=1");
  });

  it("aucun résultat, erreur HTTP, réponse inattendue ou délai dépassé : pas de point, pas d'exception", async () => {
    const g = geocodeurBan(`${base}/`, { delaiMs: 100 });
    expect(await g.geocoder("introuvable")).toBeUndefined();
    expect(await g.geocoder("panne")).toBeUndefined();
    expect(await g.geocoder("bizarre")).toBeUndefined();
    expect(await g.geocoder("lent")).toBeUndefined();
    expect(await geocodeurBan("http://127.0.0.1:1").geocoder("Brest")).toBeUndefined();
  });

  it("activé seulement par PASSERELLE_GEOCODEUR_URL", () => {
    expect(geocodeurDepuisEnv({})).toBeUndefined();
    expect(geocodeurDepuisEnv({ PASSERELLE_GEOCODEUR_URL: "" })).toBeUndefined();
    expect(geocodeurDepuisEnv({ PASSERELLE_GEOCODEUR_URL: base })).toBeDefined();
  });
});
