import { and, asc, count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Connexion } from "~/platform/db/connexion.server";
import { chargerReferentiel } from "~/territoire/referentiel.server";
import { baseDeTest } from "../../../test/aide/base";
import { importsIndicateurs, valeursIndicateurs } from "./indicateurs.schema";
import { chargerIndicateursBretagne, chargerIndicateursSiVide } from "./seed.server";

const referentiel = chargerReferentiel();
let c: Connexion;
beforeAll(async () => {
  c = await baseDeTest();
});
afterAll(async () => c.fermer());

const v = valeursIndicateurs;

describe("chargement des indicateurs livrés pour la Bretagne", () => {
  it("importe l'IFN des communes et des EPCI (2023) et les allocataires CAF par IRIS (2021), sans rejet", async () => {
    const rapports = await chargerIndicateursSiVide(c.db, referentiel);
    expect(rapports?.map((r) => [r.fichier, r.lignes, r.acceptees, r.rejetees, r.hors_region, r.valeurs, r.nouvelles])).toEqual([
      // 1,208 communes × 6 scores; 59 EPCI × 6 scores.
      ["ifn-communes-bretagne.csv", 1208, 1208, 0, 0, 7248, 7248],
      ["ifn-epci-bretagne.csv", 59, 59, 0, 0, 354, 354],
      // 587 IRIS with note 0 × 3 columns, less 22 blank cells (6 AAH, 2 prime d'activité, 14 RSA).
      ["caf-allocataires-iris-2021-bretagne.csv", 632, 632, 0, 0, 1739, 1739],
    ]);
    // The six former codes of the IFN edition are attached to their current commune, with a warning each.
    expect(rapports?.[0]?.issues.map((i) => i.value).sort()).toEqual(["22027", "22043", "22200", "22309", "35112", "56049"]);
    // 45 IRIS under statistical secrecy (note ≠ 0) + 22 blank cells of note-0 rows.
    expect(rapports?.[2]?.issues).toHaveLength(45 + 22);
  });

  it("chaque commune actuelle a son score IFN, et Le Cambout (22027) est rattaché à Plumieux", async () => {
    const [communes] = await c.db
      .select({ n: sql<number>`count(distinct ${v.commune})::int` })
      .from(v)
      .where(and(eq(v.niveau, "commune"), eq(v.indicateur, "ifn_total")));
    expect(communes?.n).toBe(1202);
    const cambout = await c.db.select({ commune: v.commune, valeur: v.valeur }).from(v).where(and(eq(v.code, "22027"), eq(v.indicateur, "ifn_total")));
    expect(cambout).toEqual([{ commune: "22241", valeur: 7.6 }]);
  });

  it("les IRIS de Rennes donnent les totaux calculés à la main sur le fichier", async () => {
    const totaux = await c.db
      .select({ indicateur: v.indicateur, total: sql<number>`sum(${v.valeur})::int`, iris: count() })
      .from(v)
      .where(and(eq(v.niveau, "iris"), eq(v.commune, "35238")))
      .groupBy(v.indicateur)
      .orderBy(asc(v.indicateur));
    // 92 IRIS in Rennes; 6 are blank (1 with note 0, 5 with note 3).
    expect(totaux).toEqual([
      { indicateur: "allocataires_aah", total: 6020, iris: 86 },
      { indicateur: "allocataires_ppa", total: 20035, iris: 86 },
      { indicateur: "allocataires_rsa", total: 7363, iris: 86 },
    ]);
    const [source] = await c.db.selectDistinct({ source: v.source, annee: v.annee }).from(v).where(eq(v.niveau, "iris"));
    expect(source).toEqual({ source: "CNAF, allocataires au 31 décembre 2021", annee: 2021 });
  });

  it("un second chargement ne change rien, et chargerIndicateursSiVide ne recharge pas", async () => {
    const avant = await c.db.select().from(v).orderBy(asc(v.id));
    const rapports = await chargerIndicateursBretagne(c.db, referentiel);
    expect(rapports.every((r) => r.nouvelles === 0 && r.modifiees === 0 && r.inchangees === r.valeurs)).toBe(true);
    expect(await chargerIndicateursSiVide(c.db, referentiel)).toBeNull();
    expect(await c.db.select().from(v).orderBy(asc(v.id))).toEqual(avant);
    const [imports] = await c.db.select({ n: count() }).from(importsIndicateurs);
    expect(imports?.n).toBe(6);
  });
});
