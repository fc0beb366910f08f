import { readFileSync } from "node:fs";
import { asc, count, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { FichierInutilisable } from "~/lieux/import/fichier";
import type { Connexion } from "~/platform/db/connexion.server";
import { chargerReferentiel } from "~/territoire/referentiel.server";
import { baseDeTest } from "../../../test/aide/base";
import { importerIndicateurs, type OptionsImportIndicateurs } from "./importer.server";
import { importsIndicateurs, valeursIndicateurs } from "./indicateurs.schema";
import { listerIndicateurs } from "./liste.server";

const referentiel = chargerReferentiel();
let c: Connexion;
beforeAll(async () => {
  c = await baseDeTest();
});
afterAll(async () => c.fermer());
beforeEach(async () => {
  await c.db.delete(valeursIndicateurs);
  await c.db.delete(importsIndicateurs);
});

function fixture(nom: string): Uint8Array {
  return readFileSync(new URL(`../../../test/fixtures/indicateurs/${nom}`, import.meta.url));
}

const options = (modifs: Partial<OptionsImportIndicateurs> = {}): OptionsImportIndicateurs => ({
  format: "generique",
  fichier: "test/fixtures/indicateurs/generique.csv",
  dryRun: false,
  referentiel,
  ...modifs,
});

async function stockees() {
  const v = valeursIndicateurs;
  return c.db
    .select({ niveau: v.niveau, code: v.code, commune: v.commune, indicateur: v.indicateur, valeur: v.valeur, annee: v.annee, source: v.source })
    .from(v)
    .orderBy(asc(v.niveau), asc(v.code), asc(v.indicateur), asc(v.annee));
}

async function compter(): Promise<{ valeurs: number; imports: number }> {
  const [v] = await c.db.select({ n: count() }).from(valeursIndicateurs);
  const [i] = await c.db.select({ n: count() }).from(importsIndicateurs);
  return { valeurs: v?.n ?? 0, imports: i?.n ?? 0 };
}

describe("import d'indicateurs", () => {
  it("enregistre les valeurs des lignes acceptées ; les lignes rejetées n'empêchent pas les autres", async () => {
    const r = await importerIndicateurs(c.db, fixture("generique.csv"), options());
    expect(r).toMatchObject({ format: "generique", fichier: "generique.csv", lignes: 17, valeurs: 5, hors_region: 2, acceptees: 5, rejetees: 10, nouvelles: 5, dry_run: false });
    expect(await stockees()).toEqual([
      { niveau: "commune", code: "22038", commune: "22206", indicateur: "sans_diplome_moins_65", valeur: 154, annee: 2021, source: "ORS Bretagne, d'après le recensement 2021" },
      { niveau: "commune", code: "22142", commune: "22093", indicateur: "pop_65_plus", valeur: 812, annee: 2021, source: "INSEE, recensement de la population 2021" },
      { niveau: "commune", code: "35238", commune: "35238", indicateur: "pop_65_plus", valeur: 37512, annee: 2021, source: "INSEE, recensement de la population 2021" },
      { niveau: "epci", code: "243500139", commune: null, indicateur: "ifn_total", valeur: 3.61, annee: 2023, source: "Indice de fragilité numérique" },
      { niveau: "iris", code: "352380101", commune: "35238", indicateur: "allocataires_rsa", valeur: 63, annee: 2021, source: "CNAF 2021" },
    ]);
    const [trace] = await c.db.select().from(importsIndicateurs);
    expect(trace).toMatchObject({ format: "generique", fichier: "generique.csv", lignes: 17, valeurs: 5 });
  });

  it("une simulation (--dry-run) n'enregistre rien et rend le même rapport qu'un import réel", async () => {
    const simulation = await importerIndicateurs(c.db, fixture("caf-allocataires-iris.csv"), options({ format: "cnaf", annee: 2021, dryRun: true }));
    expect(await compter()).toEqual({ valeurs: 0, imports: 0 });
    const reel = await importerIndicateurs(c.db, fixture("caf-allocataires-iris.csv"), options({ format: "cnaf", annee: 2021 }));
    expect(simulation).toMatchObject({ valeurs: 9, nouvelles: 9, dry_run: true });
    expect({ ...simulation, dry_run: false }).toEqual(reel);
    expect(await compter()).toEqual({ valeurs: 9, imports: 1 });
  });

  it("un ré-import du même fichier ne change rien ; une valeur corrigée remplace l'ancienne", async () => {
    const premier = await importerIndicateurs(c.db, fixture("ifn-communes.csv"), options({ format: "ifn", annee: 2023 }));
    expect(premier).toMatchObject({ valeurs: 18, nouvelles: 18, modifiees: 0, inchangees: 0 });
    const avant = await c.db.select().from(valeursIndicateurs).orderBy(asc(valeursIndicateurs.id));
    const second = await importerIndicateurs(c.db, fixture("ifn-communes.csv"), options({ format: "ifn", annee: 2023 }));
    expect(second).toMatchObject({ valeurs: 18, nouvelles: 0, modifiees: 0, inchangees: 18 });
    expect(await c.db.select().from(valeursIndicateurs).orderBy(asc(valeursIndicateurs.id))).toEqual(avant);

    const corrige = new TextDecoder().decode(fixture("ifn-communes.csv")).replace("Rennes,city,35238,2.0,5.0", "Rennes,city,35238,2.0,4.5");
    const troisieme = await importerIndicateurs(c.db, new TextEncoder().encode(corrige), options({ format: "ifn", annee: 2023 }));
    expect(troisieme).toMatchObject({ nouvelles: 0, modifiees: 1, inchangees: 17 });
    const rennes = (await stockees()).filter((v) => v.code === "35238" && v.indicateur === "ifn_no_4g");
    expect(rennes.map((v) => v.valeur)).toEqual([4.5]);
    expect(await compter()).toEqual({ valeurs: 18, imports: 3 });
  });

  it("stocke les IRIS tels quels, rattachés à la commune actuelle, sans les additionner", async () => {
    await importerIndicateurs(c.db, fixture("base-ic-evol-struct-pop-2021.csv"), options({ format: "insee-population" }));
    const [rennes] = await c.db
      .select({ total: sql<number>`sum(${valeursIndicateurs.valeur})`, n: count() })
      .from(valeursIndicateurs)
      .where(sql`${valeursIndicateurs.commune} = '35238'`);
    expect(rennes).toEqual({ total: 402.7 + 350.3, n: 2 });
    expect((await stockees()).map((v) => [v.niveau, v.code, v.commune])).toEqual([
      ["iris", "220010000", "22001"],
      ["iris", "221420000", "22093"],
      ["iris", "352380101", "35238"],
      ["iris", "352380102", "35238"],
    ]);
  });

  it("liste ce qui est chargé : indicateur, niveau, année, source, nombre de valeurs", async () => {
    await importerIndicateurs(c.db, fixture("base-cc-evol-struct-pop-2021.csv"), options({ format: "insee-population" }));
    await importerIndicateurs(c.db, fixture("ifn-epci.csv"), options({ format: "ifn", annee: 2023 }));
    const jeux = await listerIndicateurs(c.db);
    expect(jeux.map((j) => [j.indicateur, j.niveau, j.annee, j.source, j.valeurs])).toEqual([
      ["pop_65_plus", "commune", 2021, "INSEE, recensement de la population 2021", 2],
      ["pop_65_plus", "commune", 2015, "INSEE, recensement de la population 2015", 3],
      ...["ifn_total", "ifn_no_thd", "ifn_no_4g", "ifn_pauvrete", "ifn_65_plus", "ifn_sans_diplome"].map((cle) => [
        cle,
        "epci",
        2023,
        "Indice de fragilité numérique (France Numérique Ensemble)",
        cle === "ifn_total" ? 1 : 2,
      ]),
    ]);
  });

  it("un fichier inutilisable n'écrit rien", async () => {
    await expect(importerIndicateurs(c.db, fixture("ifn-communes.csv"), options({ format: "ifn" }))).rejects.toThrow(FichierInutilisable);
    await expect(importerIndicateurs(c.db, fixture("ifn-communes.csv"), options({ format: "ifn", annee: 1970 }))).rejects.toThrow(/Année invalide/);
    expect(await compter()).toEqual({ valeurs: 0, imports: 0 });
  });

  it("une panne de la base au milieu de l'import ne laisse rien à moitié écrit", async () => {
    await importerIndicateurs(c.db, fixture("ifn-epci.csv"), options({ format: "ifn", annee: 2023 }));
    const avant = await stockees();
    // Every Breton commune, two years: 2,404 values, so several batches are written before the failure.
    const communes = referentiel.communes();
    const lignes = [2020, 2021].flatMap((annee) => communes.map((commune, i) => `${commune.code},pop_65_plus,${i},${annee},Test`));
    const fichier = new TextEncoder().encode(`code_insee,indicateur,valeur,annee,source\n${lignes.join("\n")}\n`);
    const derniere = communes.at(-1)?.code ?? "";
    // A real failure raised by PostgreSQL itself on the last commune of the second year.
    await c.db.execute(
      sql.raw(
        `CREATE FUNCTION panne() RETURNS trigger AS $$ BEGIN IF NEW.code = '${derniere}' AND NEW.annee = 2021 THEN RAISE EXCEPTION 'panne simulée'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`,
      ),
    );
    await c.db.execute(sql.raw(`CREATE TRIGGER panne BEFORE INSERT ON valeurs_indicateurs FOR EACH ROW EXECUTE FUNCTION panne()`));
    try {
      const erreur: unknown = await importerIndicateurs(c.db, fichier, options()).catch((e: unknown) => e);
      expect(erreur instanceof Error ? String(erreur.cause) : "").toMatch(/panne simulée/);
      expect(await stockees()).toEqual(avant);
      expect(await compter()).toEqual({ valeurs: 11, imports: 1 });
    } finally {
      await c.db.execute(sql.raw(`DROP TRIGGER panne ON valeurs_indicateurs`));
      await c.db.execute(sql.raw(`DROP FUNCTION panne()`));
    }
  });
});
