import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { utilisateurs } from "~/comptes/comptes.schema";
import { journal_audit } from "~/platform/audit/audit.schema";
import type { Connexion } from "~/platform/db/connexion.server";
import { coordinations, lieux_structures, structures } from "~/structures/structures.schema";
import { baseDeTest } from "../../../test/aide/base";
import { csv, ligne, referentiel } from "../../../test/aide/lieux";
import { lieuxActuels } from "../identite.server";
import { importerLieux } from "../import/importer.server";
import { doublons, historiqueLieux, lieux, lieuxSources, signalements } from "../lieux.schema";
import { declarerDifferents, fusionnerPaire, paireDetaillee, pairesARevoir } from "./revue.server";
import { idPaire } from "./revue";

let c: Connexion;
const comptes: Record<"admin" | "coord35" | "coord29" | "simple", { id: string }> = { admin: { id: "" }, coord35: { id: "" }, coord29: { id: "" }, simple: { id: "" } };

/** Same Rennes place seen by two sources, the second under another name and phone: an uncertain pair. */
const rennesS1 = ligne({ id: "r1", nom: "Espace public numérique du Blosne", telephone: "+33299000000", date_maj: "2024-05-02" });
const rennesS2 = ligne({ id: "r2", nom: "Cyberespace Blosne", pivot: "00000000000000", telephone: "+33299111111", horaires: "Mo-Fr 10:00-17:00", date_maj: "2024-03-01" });
/** The same in Brest (Finistère), for scoping. */
const brest = { code_insee: "29019", commune: "Brest", code_postal: "29200", adresse: "2 rue de Siam", latitude: "48.3900", longitude: "-4.4860" };
const brestS1 = ligne({ ...brest, id: "b1", nom: "Espace numérique de Siam" });
const brestS2 = ligne({ ...brest, id: "b2", nom: "Cyberbase Siam", pivot: "00000000000000", telephone: "+33298000000" });

async function importer(source: string, lignes: Parameters<typeof csv>[0]) {
  return importerLieux(c.db, csv(lignes), { format: "standard-csv", source, fichier: `${source}.csv`, dryRun: false, referentiel });
}

async function lieuDe(source: string, sourceId: string) {
  const [s] = await c.db.select().from(lieuxSources).where(eq(lieuxSources.source_id, sourceId));
  const [l] = s ? await c.db.select().from(lieux).where(eq(lieux.id, s.lieu_id)) : [];
  if (!l || s?.source !== source) throw new Error(`lieu ${sourceId} absent`);
  return l;
}

beforeAll(async () => {
  c = await baseDeTest();
  await importer("s1", [rennesS1, brestS1]);
  await importer("s2", [rennesS2, brestS2]);
  for (const nom of ["admin", "coord35", "coord29", "simple"] as const) {
    const [u] = await c.db
      .insert(utilisateurs)
      .values({ courriel: `${nom}@exemple.fr`, role: nom === "admin" ? "administrateur" : null })
      .returning({ id: utilisateurs.id });
    comptes[nom] = { id: u?.id ?? "" };
  }
  await c.db.insert(coordinations).values([
    { utilisateur_id: comptes.coord35.id, type_territoire: "departement", code: "35" },
    { utilisateur_id: comptes.coord29.id, type_territoire: "departement", code: "29" },
  ]);
});
afterAll(async () => c.fermer());

describe("revue des doublons", () => {
  it("the import leaves exactly two uncertain pairs, each shown only within the coordinator's territory", async () => {
    const tout = await pairesARevoir(c.db, comptes.admin, referentiel);
    expect(tout.map((p) => [p.a.commune, p.b.commune])).toHaveLength(2);
    for (const p of tout) {
      expect(p.score).toBeGreaterThanOrEqual(0.55);
      expect(p.score).toBeLessThan(0.8);
    }
    expect((await pairesARevoir(c.db, comptes.coord35, referentiel)).map((p) => p.a.commune)).toEqual(["Rennes"]);
    expect((await pairesARevoir(c.db, comptes.coord29, referentiel)).map((p) => p.a.commune)).toEqual(["Brest"]);
    expect((await pairesARevoir(c.db, comptes.admin, referentiel, { departement: "29" })).map((p) => p.a.commune)).toEqual(["Brest"]);
    await expect(pairesARevoir(c.db, comptes.simple, referentiel)).rejects.toMatchObject({ code: "interdit" });
    await expect(pairesARevoir(c.db, null, referentiel)).rejects.toMatchObject({ code: "non_authentifie" });
    const [signal] = tout[0]?.signaux ?? [];
    expect(signal?.libelle).toBe("Ressemblance des noms");
  });

  it("a coordinator of another département can neither see nor merge a pair", async () => {
    const a = await lieuDe("s1", "r1");
    const b = await lieuDe("s2", "r2");
    const id = a.id < b.id ? idPaire(a.id, b.id) : idPaire(b.id, a.id);
    await expect(paireDetaillee(c.db, comptes.coord29, referentiel, id)).rejects.toMatchObject({ code: "interdit" });
    await expect(declarerDifferents(c.db, referentiel, comptes.coord29, id)).rejects.toMatchObject({ code: "interdit" });
  });

  it("merges with a field taken from the other place, moves aliases, reports and structure, redirects the other id", async () => {
    const s1 = await lieuDe("s1", "r1");
    const s2 = await lieuDe("s2", "r2");
    const [la, lb] = s1.id < s2.id ? [s1, s2] : [s2, s1];
    const id = idPaire(la.id, lb.id);
    const detail = await paireDetaillee(c.db, comptes.coord35, referentiel, id);
    // Name, SIRET, phone and opening hours differ; the address, commune and position are the same.
    expect(detail.champs.map((x) => x.champ).sort()).toEqual(["horaires", "nom", "pivot", "telephone"]);
    // Freshest source wins by default: s1 (2024-05-02) for the name.
    expect(detail.champs.find((x) => x.champ === "nom")?.parDefaut).toBe(la.id === s1.id ? "a" : "b");

    const [structure] = await c.db.insert(structures).values({ nom: "EPN", type: "association", code_insee: "35238" }).returning({ id: structures.id });
    await c.db.insert(lieux_structures).values({ lieu_id: s2.id, structure_id: structure?.id ?? "" });
    await c.db.insert(signalements).values({ lieu_id: s2.id, categories: ["horaires"] });

    // Another pending pair of the absorbed place (with the Brest place, made up for the test) must follow it.
    const b1 = await lieuDe("s1", "b1");
    const [x, y] = s2.id < b1.id ? [s2.id, b1.id] : [b1.id, s2.id];
    await c.db.insert(doublons).values({ lieu_a: x, lieu_b: y, score: 0.6, signaux: {} });

    // A stale page is refused and writes nothing.
    const cote2 = s2.id === la.id ? "a" : "b";
    const demande = { paireId: id, survivant: s1.id, choix: { horaires: cote2 }, utilisateur: comptes.coord35 } as const;
    await expect(fusionnerPaire(c.db, referentiel, { ...demande, versions: { a: la.version - 1, b: lb.version } })).rejects.toMatchObject({ code: "conflit" });
    expect((await c.db.select().from(lieux).where(eq(lieux.id, s2.id)))[0]?.fusionne_dans).toBeNull();

    const r = await fusionnerPaire(c.db, referentiel, { ...demande, versions: { a: la.version, b: lb.version } });
    expect(r).toEqual({ survivant: s1.id, absorbe: s2.id, champs: ["horaires"] });

    const [apres] = await c.db.select().from(lieux).where(eq(lieux.id, s1.id));
    expect(apres?.horaires).toBe("Mo-Fr 10:00-17:00");
    expect(apres?.nom).toBe("Espace public numérique du Blosne");
    expect(apres?.telephone).toBe("+33299000000");
    expect(apres?.version).toBe(s1.version + 1);
    expect(apres?.provenance.horaires).toMatchObject({ source: "passerelle", par: comptes.coord35.id });
    expect(apres?.provenance.nom).toMatchObject({ source: "passerelle", par: comptes.coord35.id });
    const [absorbe] = await c.db.select().from(lieux).where(eq(lieux.id, s2.id));
    expect(absorbe?.fusionne_dans).toBe(s1.id);
    expect(absorbe?.version).toBe(s2.version + 1);

    expect((await c.db.select().from(lieuxSources).where(inArray(lieuxSources.source_id, ["r1", "r2"]))).map((x) => x.lieu_id)).toEqual([s1.id, s1.id]);
    expect((await c.db.select().from(signalements)).map((x) => x.lieu_id)).toEqual([s1.id]);
    expect((await c.db.select().from(lieux_structures)).map((x) => x.lieu_id)).toEqual([s1.id]);
    expect((await lieuxActuels(c.db, [s2.id])).get(s2.id)?.id).toBe(s1.id);
    expect((await c.db.select().from(doublons).where(eq(doublons.lieu_a, la.id)))[0]?.statut).toBe("memes");
    const [p1, p2] = s1.id < b1.id ? [s1.id, b1.id] : [b1.id, s1.id];
    expect((await c.db.select().from(doublons).where(and(eq(doublons.lieu_a, p1), eq(doublons.lieu_b, p2))))[0]).toMatchObject({ statut: "a_revoir", score: 0.6 });
    expect(await c.db.select().from(doublons).where(and(eq(doublons.lieu_a, x), eq(doublons.lieu_b, y)))).toEqual([]);
    await c.db.delete(doublons).where(and(eq(doublons.lieu_a, p1), eq(doublons.lieu_b, p2)));
    const [histo] = await c.db.select().from(historiqueLieux).where(eq(historiqueLieux.lieu_id, s1.id));
    expect(histo).toMatchObject({ version: s1.version + 1, avant: { horaires: "Mo-Fr 09:00-12:00,14:00-18:00" }, apres: { horaires: "Mo-Fr 10:00-17:00" } });
    expect((await c.db.select().from(journal_audit).where(eq(journal_audit.action, "doublon.fusionner"))).length).toBe(1);
    expect((await pairesARevoir(c.db, comptes.coord35, referentiel)).length).toBe(0);
    await expect(fusionnerPaire(c.db, referentiel, { ...demande, versions: { a: la.version + 1, b: lb.version + 1 } })).rejects.toMatchObject({ code: "conflit" });
  });

  it("refuses to merge two places run by different structures", async () => {
    const b1 = await lieuDe("s1", "b1");
    const b2 = await lieuDe("s2", "b2");
    const ss = await c.db
      .insert(structures)
      .values([
        { nom: "A", type: "association", code_insee: "29019" },
        { nom: "B", type: "association", code_insee: "29019" },
      ])
      .returning({ id: structures.id });
    await c.db.insert(lieux_structures).values([
      { lieu_id: b1.id, structure_id: ss[0]?.id ?? "" },
      { lieu_id: b2.id, structure_id: ss[1]?.id ?? "" },
    ]);
    const [la, lb] = b1.id < b2.id ? [b1, b2] : [b2, b1];
    const demande = { paireId: idPaire(la.id, lb.id), survivant: b1.id, choix: {}, versions: { a: la.version, b: lb.version }, utilisateur: comptes.admin };
    await expect(fusionnerPaire(c.db, referentiel, demande)).rejects.toMatchObject({ code: "conflit", message: expect.stringMatching(/deux structures différentes/) });
    await c.db.delete(lieux_structures).where(inArray(lieux_structures.lieu_id, [b1.id, b2.id]));
  });

  it("« pas les mêmes » is remembered: re-importing the same and changed records proposes nothing again", async () => {
    const b1 = await lieuDe("s1", "b1");
    const b2 = await lieuDe("s2", "b2");
    const [la, lb] = b1.id < b2.id ? [b1, b2] : [b2, b1];
    await declarerDifferents(c.db, referentiel, comptes.coord29, idPaire(la.id, lb.id));
    const avant = (await c.db.select().from(lieux)).length;
    await importer("s2", [rennesS2, brestS2]);
    // A changed record updates its own place only: no new place, no new pair, the decision stays.
    await importer("s2", [rennesS2, { ...brestS2, horaires: "Mo 09:00-12:00", date_maj: "2024-06-01" }]);
    expect((await c.db.select().from(lieux)).length).toBe(avant);
    const paires = await c.db.select().from(doublons).where(eq(doublons.lieu_a, la.id));
    expect(paires.map((p) => p.statut)).toEqual(["differents"]);
    expect((await lieuxActuels(c.db, [b2.id])).get(b2.id)?.id).toBe(b2.id);
    expect(await pairesARevoir(c.db, comptes.admin, referentiel)).toEqual([]);
  });
});
