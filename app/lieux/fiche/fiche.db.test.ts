import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Connexion } from "~/platform/db/connexion.server";
import { ErreurPasserelle } from "~/platform/erreurs";
import { baseDeTest } from "../../../test/aide/base";
import { referentiel } from "../../../test/aide/lieux";
import { lieux, signalements } from "../lieux.schema";
import { chargerDonneesBretagne } from "../seed.server";
import { enregistrerSignalement } from "../signalements/enregistrer.server";
import { chargerFiche } from "./fiche.server";

let c: Connexion;
let loudeac: string;
// A Tuesday in winter, 10:00 in Paris.
const maintenant = new Date("2025-01-14T09:00:00Z");

beforeAll(async () => {
  c = await baseDeTest();
  await chargerDonneesBretagne(c.db, referentiel);
  const [l] = await c.db.select({ id: lieux.id }).from(lieux).where(eq(lieux.nom, "France services Loudéac"));
  loudeac = l?.id ?? "";
});
afterAll(async () => c.fermer());

async function ajouterLieu(id: string, fusionneDans: string | null): Promise<void> {
  await c.db.insert(lieux).values({ id, pivot: "00000000000000", nom: "Ancienne fiche", commune: "Loudéac", code_postal: "22600", adresse: "1 rue X", date_maj: "2022-01-01", fusionne_dans: fusionneDans });
}

describe("fiche d'un lieu", () => {
  it("rassemble les sources, la provenance de chaque champ et la fraîcheur", async () => {
    const r = await chargerFiche(c.db, loudeac, { maintenant });
    expect(r.type).toBe("fiche");
    if (r.type !== "fiche") return;
    const f = r.fiche;
    expect(f.lieu.nom).toBe("France services Loudéac");
    expect(f.sources.map((s) => s.source)).toEqual(["aidants-connect", "cnfs-2022", "france-services"]);
    const fs = f.sources.find((s) => s.source === "france-services");
    expect(fs?.libelle).toMatch(/France services/);
    expect(fs).toMatchObject({ date_maj: "2024-08-01", fraicheur: "a_jour" });
    expect(f.sources.find((s) => s.source === "cnfs-2022")?.fraicheur).toBe("ancienne");
    expect(f.provenance.find((p) => p.champ === "horaires")).toMatchObject({ libelle: "Horaires", date: "2024-08-01" });
    expect(f.provenance.find((p) => p.champ === "horaires")?.source).toMatch(/France services/);
    expect(f.aujourdhui).toBe("2025-01-14");
    expect(f.lieu.dispositif_programmes_nationaux).toEqual(expect.arrayContaining(["France Services", "Aidants Connect", "Conseillers numériques"]));
  });

  it("donne la semaine du lundi au dimanche et l'état d'ouverture quand les horaires sont lisibles", async () => {
    const r = await chargerFiche(c.db, loudeac, { maintenant });
    if (r.type !== "fiche") throw new Error("fiche attendue");
    if (r.fiche.semaine.length === 0) {
      expect(r.fiche.ouvert_maintenant).toBeUndefined();
      return;
    }
    expect(r.fiche.semaine.map((j) => j.jour)).toEqual(["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]);
    expect(r.fiche.semaine[0]?.date).toBe("2025-01-13");
    expect(typeof r.fiche.ouvert_maintenant).toBe("boolean");
  });

  it("un id fusionné renvoie vers le lieu qui reste, même à travers une chaîne de fusions", async () => {
    const b = "0b0b0b0b-0000-4000-8000-000000000001";
    const a = "0a0a0a0a-0000-4000-8000-000000000001";
    await ajouterLieu(b, loudeac);
    await ajouterLieu(a, b);
    await expect(chargerFiche(c.db, b)).resolves.toEqual({ type: "fusionne", vers: loudeac });
    await expect(chargerFiche(c.db, a)).resolves.toEqual({ type: "fusionne", vers: loudeac });
  });

  it("un id inconnu ou mal formé est introuvable", async () => {
    for (const id of ["6f1c1f8e-0000-4000-8000-000000000000", "pas-un-uuid", "' or 1=1 --"]) {
      await expect(chargerFiche(c.db, id)).rejects.toSatisfy((e) => e instanceof ErreurPasserelle && e.code === "introuvable");
    }
  });
});

describe("signalements", () => {
  it("enregistre un signalement pour les responsables du lieu", async () => {
    const issue = await enregistrerSignalement(c.db, loudeac, { categories: ["horaires", "horaires", "contacts"], message: "Fermé le lundi.", courriel: "a@exemple.fr", piege: "" });
    expect(issue).toBe("enregistre");
    const [s] = await c.db.select().from(signalements).where(eq(signalements.lieu_id, loudeac));
    expect(s).toMatchObject({ categories: ["horaires", "contacts"], message: "Fermé le lundi.", courriel: "a@exemple.fr", statut: "nouveau" });
  });

  it("sans courriel, n'en garde aucun", async () => {
    await enregistrerSignalement(c.db, loudeac, { categories: ["n_existe_plus"], message: "", courriel: "", piege: "" });
    const lignes = await c.db.select().from(signalements).where(eq(signalements.lieu_id, loudeac));
    expect(lignes.find((l) => l.categories.includes("n_existe_plus"))?.courriel).toBeNull();
  });

  it("le champ piège rempli : réponse normale, rien d'enregistré", async () => {
    const [avant] = await c.db.select({ n: count() }).from(signalements);
    await expect(enregistrerSignalement(c.db, loudeac, { categories: ["horaires"], message: "spam", courriel: "", piege: "http://spam" })).resolves.toBe("ignore");
    const [apres] = await c.db.select({ n: count() }).from(signalements);
    expect(apres?.n).toBe(avant?.n);
  });

  it("refuse un lieu inconnu ou fusionné", async () => {
    const s = { categories: ["horaires" as const], message: "", courriel: "", piege: "" };
    await expect(enregistrerSignalement(c.db, "6f1c1f8e-0000-4000-8000-000000000000", s)).rejects.toSatisfy((e) => e instanceof ErreurPasserelle && e.code === "introuvable");
    await expect(enregistrerSignalement(c.db, "0b0b0b0b-0000-4000-8000-000000000001", s)).rejects.toSatisfy((e) => e instanceof ErreurPasserelle && e.code === "introuvable");
  });
});
