import { and, count, inArray, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lieux } from "~/lieux/lieux.schema";
import { schemaCriteres } from "~/lieux/recherche/criteres";
import { chargerDonneesBretagne } from "~/lieux/seed.server";
import type { Connexion } from "~/platform/db/connexion.server";
import { ErreurPasserelle } from "~/platform/erreurs";
import { baseDeTest } from "../../../test/aide/base";
import { referentiel } from "../../../test/aide/lieux";
import { chargerPageTerritoire } from "./page-territoire.server";
import { rechercherDansTerritoire } from "./recherche-territoire.server";

let c: Connexion;
beforeAll(async () => {
  c = await baseDeTest();
  await chargerDonneesBretagne(c.db, referentiel);
});
afterAll(async () => c.fermer());

const somme = (l: readonly { lieux: number }[]) => l.reduce((s, x) => s + x.lieux, 0);
const introuvable = (e: unknown) => e instanceof ErreurPasserelle && e.code === "introuvable";

describe("pages de territoire", () => {
  it("la région : les départements s'additionnent au total, qui compte tous les lieux de Bretagne", async () => {
    const p = await chargerPageTerritoire(c.db, referentiel, "region", "53");
    expect(p.nom).toBe("Bretagne");
    expect(p.population).toBeGreaterThan(3_000_000);
    expect(p.sousTerritoires.map((s) => s.code).sort()).toEqual(["22", "29", "35", "56"]);
    expect(somme(p.sousTerritoires)).toBe(p.total);
    const codes = referentiel.communes().flatMap((x) => [x.code, ...x.anciensCodes]);
    const [n] = await c.db.select({ n: count() }).from(lieux).where(and(isNull(lieux.fusionne_dans), inArray(lieux.code_insee, codes)));
    expect(p.total).toBe(n?.n);
  });

  it("un département : ses intercommunalités (et communes hors EPCI) s'additionnent au total", async () => {
    for (const dep of ["22", "29", "35", "56"]) {
      const p = await chargerPageTerritoire(c.db, referentiel, "departement", dep);
      expect(p.total).toBeGreaterThan(50);
      expect(somme(p.sousTerritoires)).toBe(p.total);
      expect(p.parents.map((x) => x.type)).toEqual(["region"]);
      // Each service or programme count is at most the total, and some place offers each main programme.
      for (const s of [...p.parService, ...p.parProgramme.map((x) => ({ lieux: x.lieux }))]) expect(s.lieux).toBeLessThanOrEqual(p.total);
      expect(p.parService).toHaveLength(9);
      expect(p.parProgramme.find((x) => x.programme === "France Services")?.lieux).toBeGreaterThan(0);
    }
  });

  it("une intercommunalité : ses communes s'additionnent au total ; la page d'une commune renvoie à ses parents", async () => {
    const dep = await chargerPageTerritoire(c.db, referentiel, "departement", "29");
    const epci = dep.sousTerritoires.find((s) => s.type === "epci" && s.lieux > 0);
    if (!epci) throw new Error("EPCI attendu");
    const p = await chargerPageTerritoire(c.db, referentiel, "epci", epci.code);
    expect(somme(p.sousTerritoires)).toBe(p.total);
    expect(p.total).toBeGreaterThanOrEqual(epci.lieux);
    const brest = await chargerPageTerritoire(c.db, referentiel, "commune", "29019");
    expect(brest.nom).toBe("Brest");
    expect(brest.parents.map((x) => x.type)).toEqual(["region", "departement", "epci"]);
    expect(brest.lieux.every((l) => l.code_insee === "29019")).toBe(true);
  });

  it("pagine les lieux par ordre alphabétique", async () => {
    const p1 = await chargerPageTerritoire(c.db, referentiel, "departement", "35");
    const p2 = await chargerPageTerritoire(c.db, referentiel, "departement", "35", { page: 2 });
    expect(p1.lieux).toHaveLength(20);
    expect(p2.page).toBe(2);
    expect(p1.pages).toBe(Math.ceil(p1.total / 20));
    expect(new Set([...p1.lieux, ...p2.lieux].map((l) => l.id)).size).toBe(40);
    const noms = p1.lieux.map((l) => l.nom);
    expect(noms).toEqual([...noms].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const loin = await chargerPageTerritoire(c.db, referentiel, "departement", "35", { page: 999 });
    expect(loin.page).toBe(loin.pages);
  });

  it("un type ou un code inconnu est introuvable", async () => {
    await expect(chargerPageTerritoire(c.db, referentiel, "pays", "29")).rejects.toSatisfy(introuvable);
    await expect(chargerPageTerritoire(c.db, referentiel, "departement", "75")).rejects.toSatisfy(introuvable);
    await expect(chargerPageTerritoire(c.db, referentiel, "epci", "29")).rejects.toSatisfy(introuvable);
    await expect(chargerPageTerritoire(c.db, referentiel, "commune", "243500139")).rejects.toSatisfy(introuvable);
  });
});

describe("recherche de l'intégration dans un territoire", () => {
  const criteres = (p: Record<string, string>) => schemaCriteres.parse(p);

  it("un EPCI ou un département limite les résultats à leurs communes, du plus proche au plus loin", async () => {
    const t = referentiel.territoire("29");
    const r = await rechercherDansTerritoire(c.db, referentiel, t, criteres({ ou: "Quimper", par_page: "100" }));
    const communes = new Set(t?.communes);
    expect(r.total).toBeGreaterThan(10);
    expect(r.lieux.every((l) => communes.has(l.code_insee ?? ""))).toBe(true);
    const distances = r.lieux.map((l) => l.distance_km ?? -1);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    const page = await chargerPageTerritoire(c.db, referentiel, "departement", "29");
    const tous = await rechercherDansTerritoire(c.db, referentiel, t, criteres({}));
    expect(tous.total).toBe(page.total);
  });

  it("une commune vaut « autour de cette commune »", async () => {
    const r = await rechercherDansTerritoire(c.db, referentiel, referentiel.territoire("29019"), criteres({}));
    expect(r.centre?.code_insee).toBe("29019");
    expect(r.lieux[0]?.distance_km).toBeDefined();
  });
});
