import { count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Connexion } from "~/platform/db/connexion.server";
import { baseDeTest } from "../../../test/aide/base";
import { csv, ligne, referentiel } from "../../../test/aide/lieux";
import { doublons, imports, lieux, lieuxSources } from "../lieux.schema";
import { FichierInutilisable } from "./fichier";
import { importerLieux, type OptionsImport } from "./importer.server";

let c: Connexion;
beforeAll(async () => {
  c = await baseDeTest();
});
afterAll(async () => c.fermer());
beforeEach(async () => {
  await c.db.delete(doublons);
  await c.db.delete(lieuxSources);
  await c.db.delete(lieux);
  await c.db.delete(imports);
});

const options = (modifs: Partial<OptionsImport> = {}): OptionsImport => ({
  format: "standard-csv",
  fichier: "test.csv",
  source: "test",
  dryRun: false,
  referentiel,
  ...modifs,
});

async function compter(): Promise<{ lieux: number; sources: number }> {
  const [l] = await c.db.select({ n: count() }).from(lieux);
  const [s] = await c.db.select({ n: count() }).from(lieuxSources);
  return { lieux: l?.n ?? 0, sources: s?.n ?? 0 };
}

describe("import d'un fichier au standard", () => {
  it("enregistre les lignes valides, et un ré-import du même fichier ne change rien", async () => {
    const fichier = csv([ligne(), ligne({ id: "lieu-2", nom: "Médiathèque Champs Libres", adresse: "10 cours des Alliés", latitude: "48.1056", longitude: "-1.6746" })]);
    const r1 = await importerLieux(c.db, fichier, options());
    expect(r1).toMatchObject({ records: 2, accepted: 2, rejected: 0, crees: 2 });
    const ids1 = (await c.db.select({ id: lieux.id }).from(lieux)).map((l) => l.id).sort();
    const r2 = await importerLieux(c.db, fichier, options());
    expect(r2).toMatchObject({ accepted: 2, crees: 0, modifies: 0, inchanges: 2 });
    const ids2 = (await c.db.select({ id: lieux.id }).from(lieux)).map((l) => l.id).sort();
    expect(ids2).toEqual(ids1);
    expect(await compter()).toEqual({ lieux: 2, sources: 2 });
  });

  it("une ligne modifiée met à jour le même lieu (même id, version suivante)", async () => {
    await importerLieux(c.db, csv([ligne()]), options());
    const [avant] = await c.db.select().from(lieux);
    const r = await importerLieux(c.db, csv([ligne({ horaires: "Mo-Sa 09:00-18:00", date_maj: "2024-09-01" })]), options());
    expect(r).toMatchObject({ modifies: 1, crees: 0 });
    const [apres] = await c.db.select().from(lieux);
    expect(apres?.id).toBe(avant?.id);
    expect(apres?.horaires).toBe("Mo-Sa 09:00-18:00");
    expect(apres?.version).toBe((avant?.version ?? 0) + 1);
    expect(apres?.provenance.horaires).toEqual({ source: "test", date: "2024-09-01" });
  });

  it("signale tous les problèmes de toutes les lignes, avec leur numéro de ligne de tableur", async () => {
    const fichier = csv([
      ligne({ id: "a", telephone: "12", courriels: "pas-un-courriel", services: "Aide aux démarches administratives|Cuisine" }),
      ligne({ id: "b", nom: "", code_postal: "ABCDE", date_maj: "31/02/2024" }),
      ligne({ id: "a", nom: "Doublon d'identifiant" }),
      ligne({ id: "c", horaires: "lundi 9h-12h", latitude: "95" }),
    ]);
    const r = await importerLieux(c.db, fichier, options());
    expect(r).toMatchObject({ records: 4, accepted: 2, rejected: 2 });
    const resume = r.issues.map((i) => `${i.line}:${i.field}:${i.severity}`);
    expect(resume).toEqual(
      expect.arrayContaining([
        "2:telephone:warning",
        "2:courriels:warning",
        "2:services:warning",
        "3:nom:error",
        "3:code_postal:error",
        "3:date_maj:error",
        "4:id:error",
        "5:horaires:warning",
        "5:latitude:warning",
      ]),
    );
    expect(r.issues.find((i) => i.field === "services")?.value).toContain("Cuisine");
    expect(await compter()).toEqual({ lieux: 2, sources: 2 });
  });

  it("normalise sans rejeter les variantes de forme inoffensives", async () => {
    const r = await importerLieux(
      c.db,
      csv([
        ligne({
          nom: "L’Espace numérique",
          telephone: "02 99 00 00 00",
          services: " aide aux démarches administratives | MAÎTRISE DES OUTILS NUMÉRIQUES DU QUOTIDIEN ",
          modalites_acces: "Se présenter;Téléphoner",
          date_maj: "02/05/2024",
        }),
      ]),
      options(),
    );
    expect(r).toMatchObject({ accepted: 1, rejected: 0 });
    const [l] = await c.db.select().from(lieux);
    expect(l).toMatchObject({
      nom: "L'Espace numérique",
      telephone: "+33299000000",
      services: ["Aide aux démarches administratives", "Maîtrise des outils numériques du quotidien"],
      modalites_acces: ["Se présenter", "Téléphoner"],
      date_maj: "2024-05-02",
    });
    expect(r.issues.some((i) => i.field === "date_maj" && i.severity === "warning")).toBe(true);
  });

  it("une simulation (--dry-run) rend le même rapport et n'enregistre rien", async () => {
    const fichier = csv([ligne(), ligne({ id: "x", pivot: "123" })]);
    const simulation = await importerLieux(c.db, fichier, options({ dryRun: true }));
    expect(await compter()).toEqual({ lieux: 0, sources: 0 });
    const [historique] = await c.db.select({ n: count() }).from(imports);
    expect(historique?.n).toBe(0);
    const reel = await importerLieux(c.db, fichier, options());
    expect({ ...simulation, dry_run: false }).toEqual(reel);
  });

  it("une panne au milieu de l'enregistrement ne laisse rien à moitié écrit", async () => {
    await importerLieux(c.db, csv([ligne()]), options());
    const avant = await compter();
    // A real database failure on the 30th record, raised by PostgreSQL itself.
    await c.db.execute(
      sql.raw(`CREATE FUNCTION panne() RETURNS trigger AS $$ BEGIN IF NEW.source_id = 'panne-30' THEN RAISE EXCEPTION 'panne simulée'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`),
    );
    await c.db.execute(sql.raw(`CREATE TRIGGER panne BEFORE INSERT ON lieux_sources FOR EACH ROW EXECUTE FUNCTION panne()`));
    try {
      const lignes = Array.from({ length: 60 }, (_, i) => ligne({ id: `panne-${i}`, nom: `Lieu ${i}`, adresse: `${i + 1} rue de la Panne`, latitude: "", longitude: "" }));
      const erreur: unknown = await importerLieux(c.db, csv(lignes), options({ source: "autre" })).catch((e: unknown) => e);
      expect(erreur instanceof Error ? String(erreur.cause) : "").toMatch(/panne simulée/);
      expect(await compter()).toEqual(avant);
      expect(await c.db.select().from(lieuxSources).where(eq(lieuxSources.source, "autre"))).toEqual([]);
    } finally {
      await c.db.execute(sql.raw(`DROP TRIGGER panne ON lieux_sources`));
      await c.db.execute(sql.raw(`DROP FUNCTION panne()`));
    }
  });
});

describe("fichiers inutilisables ou malformés", () => {
  const inutilisable = async (octets: Uint8Array, motif: RegExp) => {
    await expect(importerLieux(c.db, octets, options())).rejects.toThrow(FichierInutilisable);
    await expect(importerLieux(c.db, octets, options())).rejects.toThrow(motif);
    expect(await compter()).toEqual({ lieux: 0, sources: 0 });
  };

  it("refuse un fichier vide", () => inutilisable(new Uint8Array(), /vide/));
  it("refuse un mauvais séparateur en le nommant", () => inutilisable(csv([ligne()], { separateur: ";" }), /Séparateur.*« ; »/));
  it("refuse un en-tête sans les colonnes obligatoires", () =>
    inutilisable(new TextEncoder().encode("id,nom\n1,Lieu\n"), /Colonnes obligatoires absentes.*pivot.*commune.*code_postal.*adresse.*date_maj/));
  it("explique qu'un fichier Latin-1 doit être réenregistré en UTF-8", () => {
    const texte = new TextDecoder().decode(csv([ligne({ nom: "Médiathèque" })]));
    const latin1 = Uint8Array.from(Array.from(texte, (ch) => ch.charCodeAt(0) & 0xff));
    return inutilisable(latin1, /Latin-1.*UTF-8/);
  });
  it("refuse des guillemets jamais refermés", () => inutilisable(new TextEncoder().encode(`${new TextDecoder().decode(csv([]))}"a,"b\n`), /mal formé/));

  it("accepte l'UTF-8 avec BOM et les fins de ligne CRLF", async () => {
    const r = await importerLieux(c.db, csv([ligne(), ligne({ id: "2", nom: "Autre lieu" })], { bom: true, crlf: true }), options());
    expect(r).toMatchObject({ accepted: 2, rejected: 0 });
  });

  it("lit les guillemets et retours à la ligne dans les cellules", async () => {
    const detail = 'Un lieu "convivial", ouvert à tous.\nDeuxième paragraphe, avec virgule.';
    const r = await importerLieux(c.db, csv([ligne({ presentation_detail: detail })]), options());
    expect(r).toMatchObject({ accepted: 1 });
    const [l] = await c.db.select().from(lieux);
    expect(l?.presentation_detail).toBe(detail);
  });

  it("rejette la ligne dont une cellule est démesurée, en nommant le champ", async () => {
    const r = await importerLieux(c.db, csv([ligne(), ligne({ id: "long", presentation_detail: "x".repeat(20_000) })]), options());
    expect(r).toMatchObject({ accepted: 1, rejected: 1 });
    expect(r.issues).toContainEqual(expect.objectContaining({ line: 3, field: "presentation_detail", severity: "error" }));
  });

  it("rejette une ligne au mauvais nombre de cellules comme problème de structure", async () => {
    const texte = `${new TextDecoder().decode(csv([ligne()]))}a,b,c\n`;
    const r = await importerLieux(c.db, new TextEncoder().encode(texte), options());
    expect(r).toMatchObject({ records: 2, accepted: 1, rejected: 1 });
    expect(r.issues).toContainEqual(expect.objectContaining({ line: 3, field: "*", severity: "error" }));
  });

  it("importe 10 000 lignes et signale l'unique ligne fautive", async () => {
    const lignes = Array.from({ length: 10_000 }, (_, i) =>
      ligne({ id: `l${i}`, nom: `Lieu ${i}`, adresse: `${i} rue des Tests`, latitude: "", longitude: "", date_maj: i === 7_777 ? "hier" : "2024-05-02" }),
    );
    const r = await importerLieux(c.db, csv(lignes), options());
    expect(r).toMatchObject({ records: 10_000, accepted: 9_999, rejected: 1 });
    expect(r.issues.filter((i) => i.severity === "error")).toEqual([expect.objectContaining({ line: 7_779, field: "date_maj" })]);
    expect((await compter()).sources).toBe(9_999);
  });
});
