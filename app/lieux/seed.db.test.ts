import { count, countDistinct, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Connexion } from "~/platform/db/connexion.server";
import { baseDeTest } from "../../test/aide/base";
import { referentiel } from "../../test/aide/lieux";
import { listerDoublons } from "./doublons/doublons.server";
import { lieux, lieuxSources } from "./lieux.schema";
import { chargerDonneesBretagne, chargerSiVide } from "./seed.server";
import { statistiquesAnnuaire } from "./statistiques.server";

let c: Connexion;
beforeAll(async () => {
  c = await baseDeTest();
});
afterAll(async () => c.fermer());

describe("chargement des vraies données de Bretagne", () => {
  it("importe les trois sources et fusionne les lieux communs", async () => {
    const rapports = await chargerSiVide(c.db, referentiel);
    expect(rapports?.map((r) => [r.source, r.records, r.accepted, r.rejected])).toEqual([
      ["france-services", 130, 130, 0],
      ["aidants-connect", 288, 282, 6],
      ["cnfs-2022", 311, 311, 0],
    ]);
    const [total] = await c.db.select({ n: count() }).from(lieux).where(isNull(lieux.fusionne_dans));
    const fusionnes = rapports?.reduce((s, r) => s + r.fusionnes, 0) ?? 0;
    expect(fusionnes).toBeGreaterThan(50);
    expect(total?.n).toBe(130 + 282 + 311 - fusionnes);
    // Every rejected Aidants Connect row is an inactive structure, and the report says so.
    const ac = rapports?.[1];
    expect(ac?.issues.filter((i) => i.severity === "error").every((i) => /inactive/i.test(i.message))).toBe(true);
  });

  it("une fiche fusionnée garde un seul id, l'union des dispositifs et la provenance de chaque champ", async () => {
    const [loudeac] = await c.db.select().from(lieux).where(eq(lieux.nom, "France services Loudéac"));
    expect(loudeac).toBeDefined();
    const sources = await c.db.select({ s: lieuxSources.source }).from(lieuxSources).where(eq(lieuxSources.lieu_id, loudeac?.id ?? ""));
    expect(sources.map((s) => s.s).sort()).toEqual(["aidants-connect", "cnfs-2022", "france-services"]);
    expect(loudeac?.dispositif_programmes_nationaux).toEqual(expect.arrayContaining(["France Services", "Aidants Connect", "Conseillers numériques"]));
    expect(loudeac?.provenance.horaires).toEqual({ source: "france-services", date: "2024-08-01" });
    expect(loudeac?.provenance.nom?.source).toBe("france-services");
  });

  it("un second chargement ne change rien", async () => {
    const avant = await c.db.select({ id: lieux.id, version: lieux.version }).from(lieux).orderBy(lieux.id);
    const rapports = await chargerDonneesBretagne(c.db, referentiel);
    expect(rapports.every((r) => r.crees === 0 && r.modifies === 0 && r.inchanges === r.accepted)).toBe(true);
    expect(await chargerSiVide(c.db, referentiel)).toBeNull();
    const apres = await c.db.select({ id: lieux.id, version: lieux.version }).from(lieux).orderBy(lieux.id);
    expect(apres).toEqual(avant);
  });

  it("les paires incertaines sont listées avec leurs scores et signaux", async () => {
    const paires = await listerDoublons(c.db);
    expect(paires.length).toBeGreaterThan(5);
    for (const p of paires) {
      expect(p.score).toBeGreaterThanOrEqual(0.55);
      expect(p.score).toBeLessThan(0.8);
      expect(p.a.sources.length + p.b.sources.length).toBeGreaterThan(1);
    }
    expect(paires.map((p) => p.score)).toEqual([...paires.map((p) => p.score)].sort((a, b) => b - a));
  });

  it("les statistiques d'accueil comptent par département, source et fraîcheur", async () => {
    const s = await statistiquesAnnuaire(c.db, referentiel, new Date("2026-11-23"));
    expect(s.parDepartement.map((d) => d.code)).toEqual(["22", "29", "35", "56"]);
    expect(s.parDepartement.reduce((t, d) => t + d.lieux, 0) + s.sansCommune).toBe(s.total);
    expect(s.sansCommune).toBeLessThan(10);
    expect(s.fraicheur.reduce((t, f) => t + f.lieux, 0)).toBe(s.total);
    // The shipped data is 2022–2024: nothing is fresher than two years on this date.
    expect(s.fraicheur.find((f) => f.tranche === "plus de 2 ans")?.lieux).toBe(s.total);
    const [cnfs] = await c.db.select({ n: countDistinct(lieuxSources.lieu_id) }).from(lieuxSources).where(eq(lieuxSources.source, "cnfs-2022"));
    expect(s.parSource.find((p) => p.source === "cnfs-2022")?.lieux).toBe(cnfs?.n);
  });
});
