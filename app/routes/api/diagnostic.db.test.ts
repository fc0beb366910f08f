import express from "express";
import type { AppLoadContext } from "react-router";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schemaRapportDiagnostic } from "~/diagnostic/calcul/schema-api";
import { importsIndicateurs, valeursIndicateurs } from "~/diagnostic/indicateurs/indicateurs.schema";
import { importerLieux } from "~/lieux/import/importer.server";
import { schemaProbleme } from "~/lieux/recherche/schemas-api";
import { lireConfig } from "~/platform/config.server";
import type { Connexion } from "~/platform/db/connexion.server";
import { baseDeTest } from "../../../test/aide/base";
import { csv, ligne, referentiel } from "../../../test/aide/lieux";
import { loader as diagnostic } from "./diagnostic";
import { routeurApi } from "./express.server";
import { loader as openapi } from "./openapi";

let c: Connexion;
let context: AppLoadContext;
const requete = (chemin: string, entetes: Record<string, string> = {}) => new Request(`http://localhost${chemin}`, { headers: entetes });
const appel = (type: string, code: string, query = "", entetes: Record<string, string> = {}) =>
  diagnostic({ request: requete(`/api/v1/territoires/${type}/${code}/diagnostic${query}`, entetes), context, params: { type, code } });

beforeAll(async () => {
  c = await baseDeTest();
  const [imp] = await c.db.insert(importsIndicateurs).values({ format: "cnaf", fichier: "caf.csv", lignes: 2, valeurs: 3 }).returning();
  const source = "CNAF, allocataires au 31 décembre 2021";
  await c.db.insert(valeursIndicateurs).values(
    (["allocataires_rsa", "allocataires_ppa", "allocataires_aah"] as const).map((indicateur, i) => ({
      niveau: "commune",
      code: "35238",
      commune: "35238",
      indicateur,
      valeur: 100 * (i + 1),
      annee: 2021,
      source,
      import_id: imp?.id ?? "",
    })),
  );
  // Two places in Rennes.
  await importerLieux(c.db, csv([ligne(), ligne({ id: "lieu-2", nom: "Médiathèque Champs Libres", adresse: "10 cours des Alliés", latitude: "48.1056", longitude: "-1.6746" })]), {
    format: "standard-csv",
    fichier: "lieux.csv",
    dryRun: false,
    referentiel,
  });
  context = { db: c.db, moteur: c.moteur, referentiel, config: lireConfig({}) };
}, 60_000);
afterAll(async () => c.fermer());

describe("GET /api/v1/territoires/{type}/{code}/diagnostic", () => {
  it("le diagnostic au schéma publié, avec ETag et Cache-Control", async () => {
    const r = await appel("commune", "35238");
    expect(r.status).toBe(200);
    expect(r.headers.get("Content-Type")).toMatch(/^application\/json/);
    expect(r.headers.get("Cache-Control")).toBe("public, max-age=60");
    expect(r.headers.get("ETag")).toMatch(/^".+"$/);
    const d = schemaRapportDiagnostic.parse(await r.json());
    expect(d).toMatchObject({ type: "commune", code: "35238", nom: "Rennes", population: 230_890 });
    expect(d.offre.lieux).toBe(2);
    expect(d.offre.seuil_eloignement_km).toBe(15);
    expect(d.exposition.composantes.map((x) => x.nombre)).toEqual([100, 200, 300, null]);
    expect(d.exposition.raison).toContain("Demandeurs d'emploi");
    expect(d.fragilite.raison).toContain("« Personnes de 65 ans et plus » (donnée non importée)");
    expect(d.comparaison.lignes).toHaveLength(43);
  });

  it("304 tant que les données n'ont pas changé : l'ETag ne dépend pas de l'heure du calcul", async () => {
    const etag = (await appel("epci", "243500139")).headers.get("ETag") ?? "";
    const r = await appel("epci", "243500139", "", { "If-None-Match": etag });
    expect(r.status).toBe(304);
  });

  it("les quatre types de territoire", async () => {
    for (const [type, code, communes] of [
      ["region", "53", 1202],
      ["departement", "35", 332],
      ["epci", "243500139", 43],
    ] as const) {
      const d = schemaRapportDiagnostic.parse(await (await appel(type, code)).json());
      expect(d.communes).toHaveLength(communes);
      expect(d.offre.lieux).toBe(2);
    }
  });

  it("seuil_km règle l'éloignement ; hors de 1 à 100 ou pas un nombre : 400 qui nomme seuil_km", async () => {
    const d = schemaRapportDiagnostic.parse(await (await appel("epci", "243500139", "?seuil_km=2.5")).json());
    expect(d.offre.seuil_eloignement_km).toBe(2.5);
    expect(d.communes_eloignees.length).toBeGreaterThan(0);
    expect(d.communes_eloignees.every((x) => x.distance_km > 2.5)).toBe(true);
    for (const q of ["?seuil_km=0", "?seuil_km=101", "?seuil_km=abc"]) {
      const r = await appel("epci", "243500139", q);
      expect(r.status).toBe(400);
      expect(r.headers.get("Content-Type")).toMatch(/^application\/problem\+json/);
      const p = schemaProbleme.parse(await r.json());
      expect(p.erreurs?.map((e) => e.parametre)).toEqual(["seuil_km"]);
      expect(p.detail).toContain("seuil_km");
    }
  });

  it("type ou code inconnu : 404 problem+json", async () => {
    for (const [type, code] of [
      ["canton", "35"],
      ["commune", "75056"],
      ["epci", "123456789"],
      ["departement", "44"],
      ["region", "52"],
    ]) {
      const r = await appel(type ?? "", code ?? "");
      expect(r.status).toBe(404);
      expect(r.headers.get("Content-Type")).toMatch(/^application\/problem\+json/);
      expect(schemaProbleme.parse(await r.json())).toMatchObject({ status: 404, title: "Ressource introuvable" });
    }
  });

  it("servi aussi par le routeur Express de /api/v1", async () => {
    const app = express();
    app.use("/api/v1", routeurApi(context));
    const serveur = app.listen(0, "127.0.0.1");
    await new Promise((r) => serveur.once("listening", r));
    try {
      const adresse = serveur.address();
      if (adresse === null || typeof adresse === "string") throw new Error("pas d'adresse TCP");
      const port = adresse.port;
      const r = await fetch(`http://127.0.0.1:${port}/api/v1/territoires/departement/35/diagnostic?seuil_km=20`);
      expect(r.status).toBe(200);
      expect(schemaRapportDiagnostic.parse(await r.json())).toMatchObject({ type: "departement", code: "35", offre: { seuil_eloignement_km: 20 } });
      expect((await fetch(`http://127.0.0.1:${port}/api/v1/territoires/departement/99/diagnostic`)).status).toBe(404);
    } finally {
      await new Promise((r) => serveur.close(r));
    }
  });

  it("décrit dans le document OpenAPI", async () => {
    const doc: unknown = await openapi({ request: requete("/api/v1/openapi.json") }).json();
    expect(doc).toHaveProperty(["paths", "/territoires/{type}/{code}/diagnostic", "get", "responses", "200", "content", "application/json", "schema", "$ref"], "#/components/schemas/RapportDiagnostic");
    expect(doc).toHaveProperty(["components", "schemas", "RapportDiagnostic", "properties", "fragilite", "$ref"], "#/components/schemas/MesureDiagnostic");
    expect(doc).toHaveProperty(["components", "schemas", "MesureDiagnostic", "properties", "composantes"]);
    expect(doc).toHaveProperty(["components", "schemas", "LigneDiagnostic", "properties", "rang"]);
  });
});
