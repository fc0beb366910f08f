import { eq } from "drizzle-orm";
import express from "express";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import type { AppLoadContext } from "react-router";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lieux, signalements } from "~/lieux/lieux.schema";
import { lireConfig } from "~/platform/config.server";
import { courriels } from "~/platform/courriel/courriels.schema";
import { creerMessagerie } from "~/platform/courriel/messagerie.server";
import type { Connexion } from "~/platform/db/connexion.server";
import { compte, lieu } from "~/structures/test-outils";
import { baseDeTest } from "../../../test/aide/base";
import { referentiel } from "../../../test/aide/lieux";
import { routeurApi } from "./express.server";

/** POST /api/v1/lieux/<id>/signalements through Express, as a script without an account calls it. */
let c: Connexion;
let serveur: Server;
let base = "";
let lieuId = "";
let fusionne = "";

beforeAll(async () => {
  c = await baseDeTest();
  const config = { ...lireConfig({}), secret: "secret-de-test-de-32-caracteres-au-moins" };
  const context: AppLoadContext = { db: c.db, moteur: c.moteur, referentiel, config, messagerie: creerMessagerie(c.db, { smtpUrl: undefined, expediteur: "t@passerelle.test" }) };
  lieuId = await lieu(c.db, "EPN de Brest", "29019", "Brest");
  fusionne = await lieu(c.db, "Doublon", "29019", "Brest");
  await c.db.update(lieux).set({ fusionne_dans: lieuId }).where(eq(lieux.id, fusionne));
  await compte(c.db, "admin@ex.fr", "administrateur");
  const app = express();
  // What monterComptes does in server/main.ts: the client's address in our header.
  app.use((req, _res, next) => {
    req.headers["x-passerelle-ip"] = req.get("x-test-ip") ?? "127.0.0.1";
    next();
  });
  app.use("/api/v1", routeurApi(context));
  serveur = app.listen(0, "127.0.0.1");
  await new Promise((ok) => serveur.once("listening", ok));
  const adresse: AddressInfo | string | null = serveur.address();
  base = typeof adresse === "object" && adresse !== null ? `http://127.0.0.1:${adresse.port}/api/v1` : "";
});
afterAll(async () => {
  serveur.close();
  await c.fermer();
});

const poster = (id: string, corps: unknown, ip: string) =>
  fetch(`${base}/lieux/${id}/signalements`, { method: "POST", redirect: "manual", headers: { "content-type": "application/json", "x-test-ip": ip }, body: typeof corps === "string" ? corps : JSON.stringify(corps) });

describe("POST /api/v1/lieux/<id>/signalements", () => {
  it("201 avec l'id et Location, sans compte ; le ticket part aux administrateurs (aucune structure ni coordination)", async () => {
    const r = await poster(lieuId, { categories: ["horaires"], message: "Fermé le samedi.", courriel: "a@ex.fr" }, "203.0.113.1");
    expect(r.status).toBe(201);
    const corps: unknown = await r.json();
    const [ligne] = await c.db.select().from(signalements);
    expect(corps).toEqual({ id: ligne?.id, lieu_id: lieuId, statut: "nouveau" });
    expect(r.headers.get("location")).toBe(`/signalements/${ligne?.id}`);
    expect(ligne).toMatchObject({ origine: "api", categories: ["horaires"], message: "Fermé le samedi.", courriel: "a@ex.fr" });
    expect((await c.db.select().from(courriels)).map((m) => m.destinataire)).toEqual(["admin@ex.fr"]);
  });

  it("400 en problème qui nomme les champs", async () => {
    const r = await poster(lieuId, { categories: ["pirate"], message: "x".repeat(2001), courriel: "pas-un-courriel" }, "203.0.113.2");
    expect(r.status).toBe(400);
    expect(r.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    const p: unknown = await r.json();
    expect(p).toMatchObject({ status: 400, detail: "Champs invalides : categories, message, courriel." });
    const vide = await poster(lieuId, {}, "203.0.113.2");
    expect(await vide.json()).toMatchObject({ status: 400, erreurs: [{ parametre: "categories", message: "Cochez ce qui est faux ou décrivez l'erreur." }] });
    const casse = await poster(lieuId, "{pas du json", "203.0.113.2");
    expect(await casse.json()).toMatchObject({ status: 400, erreurs: [{ parametre: "corps" }] });
  });

  it("404 pour un lieu inconnu, 308 vers le lieu conservé pour un lieu fusionné", async () => {
    const inconnu = await poster("6f1c1f8e-0000-4000-8000-000000000000", { message: "x" }, "203.0.113.3");
    expect(inconnu.status).toBe(404);
    expect(await inconnu.json()).toMatchObject({ status: 404 });
    expect((await poster("pas-un-id", { message: "x" }, "203.0.113.3")).status).toBe(404);
    const f = await poster(fusionne, { message: "x" }, "203.0.113.3");
    expect(f.status).toBe(308);
    expect(f.headers.get("location")).toBe(`/api/v1/lieux/${lieuId}/signalements`);
  });

  it("429 avec Retry-After au-delà de 5 signalements en 10 minutes depuis une même adresse", async () => {
    for (let i = 0; i < 5; i++) expect((await poster(lieuId, { message: `n° ${i}` }, "203.0.113.9")).status).toBe(201);
    const r = await poster(lieuId, { message: "un de trop" }, "203.0.113.9");
    expect(r.status).toBe(429);
    expect(Number(r.headers.get("retry-after"))).toBeGreaterThan(590);
    expect(await r.json()).toMatchObject({ status: 429, title: "Trop de signalements" });
    expect((await poster(lieuId, { message: "autre adresse" }, "203.0.113.10")).status).toBe(201);
    expect(await c.db.select().from(signalements).where(eq(signalements.message, "un de trop"))).toHaveLength(0);
  });
});
