import { eq } from "drizzle-orm";
import type { AppLoadContext } from "react-router";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lieux } from "~/lieux/lieux.schema";
import { schemaFicheLieu, schemaListeLieux, schemaPointsCarte, schemaProbleme } from "~/lieux/recherche/schemas-api";
import { chargerDonneesBretagne } from "~/lieux/seed.server";
import { CHAMPS } from "~/lieux/standard/champs";
import { lireConfig } from "~/platform/config.server";
import type { Connexion } from "~/platform/db/connexion.server";
import { baseDeTest } from "../../../test/aide/base";
import { referentiel } from "../../../test/aide/lieux";
import { loader as lieu } from "./lieu";
import { loader as lieux_ } from "./lieux";
import { loader as lieuxCsv } from "./lieux-csv";
import { loader as lieuxGeojson } from "./lieux-geojson";
import { loader as openapi } from "./openapi";

let c: Connexion;
let context: AppLoadContext;
const requete = (chemin: string, entetes: Record<string, string> = {}) => new Request(`http://localhost${chemin}`, { headers: entetes });

beforeAll(async () => {
  c = await baseDeTest();
  await chargerDonneesBretagne(c.db, referentiel);
  context = { db: c.db, moteur: c.moteur, referentiel, config: lireConfig({}) };
}, 60_000);
afterAll(async () => c.fermer());

describe("GET /api/v1/lieux", () => {
  it("une page de lieux au standard, les plus proches d'abord, avec meta et liens", async () => {
    const r = await lieux_({ request: requete("/api/v1/lieux?commune=29019&par_page=10"), context });
    expect(r.status).toBe(200);
    expect(r.headers.get("Content-Type")).toMatch(/^application\/json/);
    expect(r.headers.get("Cache-Control")).toBe("public, max-age=60");
    const corps = schemaListeLieux.parse(await r.json());
    expect(corps.data).toHaveLength(10);
    const d = corps.data.map((l) => l.distance_km ?? NaN);
    expect(d).toEqual([...d].sort((a, b) => a - b));
    expect(corps.meta).toMatchObject({ page: 1, par_page: 10, centre: { code_insee: "29019", libelle: "Brest" }, rayon_km: 30 });
    expect(corps.links).toEqual({ self: "/api/v1/lieux?commune=29019&par_page=10", next: "/api/v1/lieux?commune=29019&page=2&par_page=10" });
    const premier = corps.data[0];
    expect(typeof premier?.services).toBe("string"); // standard JSON: lists joined by |
    expect(premier?.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("les filtres multiples se répètent ou s'écrivent avec |", async () => {
    const a = await (await lieux_({ request: requete("/api/v1/lieux?commune=35238&services=Aide aux démarches administratives&services=Loisirs et créations numériques"), context })).json();
    const b = await (await lieux_({ request: requete("/api/v1/lieux?commune=35238&services=Aide aux démarches administratives|Loisirs et créations numériques"), context })).json();
    expect(schemaListeLieux.parse(a).meta.total).toBe(schemaListeLieux.parse(b).meta.total);
  });

  it("ETag : If-None-Match renvoie 304 sans corps", async () => {
    const r = await lieux_({ request: requete("/api/v1/lieux?commune=29019"), context });
    const etag = r.headers.get("ETag");
    expect(etag).toMatch(/^".+"$/);
    const r2 = await lieux_({ request: requete("/api/v1/lieux?commune=29019", { "If-None-Match": `W/${etag ?? ""}` }), context });
    expect(r2.status).toBe(304);
    expect(await r2.text()).toBe("");
    expect(r2.headers.get("ETag")).toBe(etag);
  });

  it("paramètres invalides : 400 problem+json en français, chaque paramètre nommé", async () => {
    const r = await lieux_({ request: requete("/api/v1/lieux?commune=abc&rayon_km=-1&services=Cuisine&lat=48"), context });
    expect(r.status).toBe(400);
    expect(r.headers.get("Content-Type")).toMatch(/^application\/problem\+json/);
    const p = schemaProbleme.parse(await r.json());
    expect(p).toMatchObject({ status: 400, title: "Paramètres invalides" });
    expect(p.erreurs?.map((e) => e.parametre).sort()).toEqual(["commune", "rayon_km", "services"]);
    expect(p.erreurs?.find((e) => e.parametre === "services")?.message).toMatch(/^Option invalide/);
    expect(p.erreurs?.find((e) => e.parametre === "commune")?.message).toBe("code INSEE de 5 caractères attendu");
    expect(p.erreurs?.find((e) => e.parametre === "rayon_km")?.message).toMatch(/trop petit|>/i);
    expect(p.detail).toMatch(/commune/);
    const seul = schemaProbleme.parse(await (await lieux_({ request: requete("/api/v1/lieux?lat=48"), context })).json());
    expect(seul.erreurs).toEqual([{ parametre: "lat", message: "lat et lon vont ensemble" }]);
  });

  it("commune inconnue : 400 qui nomme le paramètre", async () => {
    const p = schemaProbleme.parse(await (await lieux_({ request: requete("/api/v1/lieux?commune=75056"), context })).json());
    expect(p.status).toBe(400);
    expect(p.erreurs).toEqual([{ parametre: "commune", message: expect.stringContaining("75056") }]);
  });
});

describe("GET /api/v1/lieux.csv et .geojson", () => {
  it("le CSV du standard de tous les lieux de la recherche, en pièce jointe", async () => {
    const r = await lieuxCsv({ request: requete("/api/v1/lieux.csv?commune=29019&rayon_km=10"), context });
    expect(r.status).toBe(200);
    expect(r.headers.get("Content-Type")).toMatch(/^text\/csv/);
    expect(r.headers.get("Content-Disposition")).toMatch(/^attachment; filename=".+\.csv"$/);
    expect(r.headers.get("ETag")).toBeTruthy();
    const lignes = (await r.text()).trim().split("\r\n");
    expect(lignes[0]).toBe(CHAMPS.join(","));
    const json = schemaListeLieux.parse(await (await lieux_({ request: requete("/api/v1/lieux?commune=29019&rayon_km=10"), context })).json());
    expect(lignes.length - 1).toBe(json.meta.total);
  });

  it("les points de la carte, compacts", async () => {
    const r = await lieuxGeojson({ request: requete("/api/v1/lieux.geojson?commune=29019&rayon_km=10"), context });
    expect(r.headers.get("Content-Type")).toMatch(/^application\/geo\+json/);
    const g = schemaPointsCarte.parse(await r.json());
    expect(g.features.length).toBeGreaterThan(5);
    expect(Object.keys(g.features[0]?.properties ?? {}).sort()).toEqual(["commune", "id", "nom", "position_approchee", "sur_rendez_vous"]);
    const bad = await lieuxGeojson({ request: requete("/api/v1/lieux.geojson?jour=jeudii"), context });
    expect(bad.status).toBe(400);
  });
});

describe("GET /api/v1/lieux/<id>", () => {
  it("le lieu au standard, avec la provenance de chaque champ et ses sources", async () => {
    const [loudeac] = await c.db.select({ id: lieux.id }).from(lieux).where(eq(lieux.nom, "France services Loudéac"));
    const id = loudeac?.id ?? "";
    const r = await lieu({ request: requete(`/api/v1/lieux/${id}`), context, params: { id } });
    expect(r.status).toBe(200);
    expect(r.headers.get("ETag")).toBeTruthy();
    const f = schemaFicheLieu.parse(await r.json());
    expect(f.id).toBe(id);
    expect(f.provenance.horaires).toEqual({ source: "france-services", date: "2024-08-01" });
    expect(f.sources.map((s) => s.source)).toEqual(["aidants-connect", "cnfs-2022", "france-services"]);
  });

  it("un id fusionné redirige (301) vers le lieu qui reste ; inconnu ou mal formé : 404", async () => {
    const [a, b] = await c.db.select({ id: lieux.id }).from(lieux).limit(2);
    await c.db.update(lieux).set({ fusionne_dans: b?.id ?? null }).where(eq(lieux.id, a?.id ?? ""));
    const r = await lieu({ request: requete(`/api/v1/lieux/${a?.id}`), context, params: { id: a?.id ?? "" } });
    expect(r.status).toBe(301);
    expect(r.headers.get("Location")).toBe(`/api/v1/lieux/${b?.id}`);
    await c.db.update(lieux).set({ fusionne_dans: null }).where(eq(lieux.id, a?.id ?? ""));
    for (const id of ["00000000-0000-4000-8000-000000000000", "pas-un-uuid"]) {
      const r404 = await lieu({ request: requete(`/api/v1/lieux/${id}`), context, params: { id } });
      expect(r404.status).toBe(404);
      expect(r404.headers.get("Content-Type")).toMatch(/^application\/problem\+json/);
      expect(schemaProbleme.parse(await r404.json()).detail).toContain(id);
    }
  });
});

describe("GET /api/v1/openapi.json", () => {
  it("un document OpenAPI 3.1 généré des schémas zod", async () => {
    const r = openapi({ request: requete("/api/v1/openapi.json") });
    const doc: unknown = await r.json();
    expect(doc).toMatchObject({ openapi: "3.1.0", paths: { "/lieux": {}, "/lieux.csv": {}, "/lieux.geojson": {}, "/lieux/{id}": {} } });
    expect(doc).toHaveProperty(["components", "schemas", "ListeLieux", "properties", "data", "items", "$ref"], "#/components/schemas/LieuTrouve");
    const texte = JSON.stringify(doc);
    expect(texte).toContain('"name":"services"');
    expect(texte).toContain("Langues étrangères (autres)");
    expect(texte).not.toContain("$schema");
  });
});
