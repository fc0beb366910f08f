import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Connexion } from "~/platform/db/connexion.server";
import { ErreurPasserelle } from "~/platform/erreurs";
import { baseDeTest } from "../../../test/aide/base";
import { csv, ligne, referentiel } from "../../../test/aide/lieux";
import { importerLieux } from "../import/importer.server";
import { lieux } from "../lieux.schema";
import { chargerDonneesBretagne } from "../seed.server";
import { schemaCriteres, type Criteres } from "./criteres";
import { rechercherLieux } from "./rechercher.server";

let c: Connexion;
// Tuesday 13 January 2026, 10:00 in Paris.
const MARDI_10H = new Date("2026-01-13T09:00:00Z");
const criteres = (brut: Record<string, unknown>): Criteres => schemaCriteres.parse(brut);
const chercher = (brut: Record<string, unknown>) => rechercherLieux(c.db, referentiel, criteres(brut), { maintenant: MARDI_10H });

/** Three test places in Rennes, next to each other, with what the filters look at. */
const FIXTURES = [
  ligne({
    id: "t-anglais", nom: "Zeta Test anglais", adresse: "1 rue du Test", latitude: "48.1100", longitude: "-1.6800",
    prise_en_charge_specifique: "Langues étrangères (anglais)", modalites_acces: "Se présenter|Téléphoner", publics_specifiquement_adresses: "Jeunes",
  }),
  ligne({
    id: "t-autres", nom: "Zeta Test autres langues", adresse: "2 avenue de l'Essai", latitude: "48.1110", longitude: "-1.6810",
    prise_en_charge_specifique: "Langues étrangères (autres)", modalites_acces: "Téléphoner|Prendre un RDV en ligne", publics_specifiquement_adresses: "",
    horaires: "Sa 09:00-12:00", itinerance: "Itinérant",
  }),
  ligne({
    id: "t-seniors", nom: "Zeta Test seniors", adresse: "3 place de l'Épreuve", latitude: "48.1120", longitude: "-1.6820",
    prise_en_charge_specifique: "Surdité", modalites_acces: "Se présenter", publics_specifiquement_adresses: "Seniors", horaires: "",
  }),
];
const noms = (r: { lieux: { nom: string }[] }) => r.lieux.map((l) => l.nom);

beforeAll(async () => {
  c = await baseDeTest();
  await chargerDonneesBretagne(c.db, referentiel);
  await importerLieux(c.db, csv(FIXTURES), { format: "standard-csv", fichier: "test.csv", source: "test", dryRun: false, referentiel });
  // The expression index must survive maintenance (PostgreSQL ≥ 17 runs it with a restricted search_path).
  await c.db.execute(sql`analyze lieux`);
}, 60_000);
afterAll(async () => c.fermer());

describe("recherche de lieux", () => {
  it("autour de Brest : triés par distance réelle, dans le rayon, distance arrondie à 0,1 km", async () => {
    const r = await chercher({ commune: "29019", par_page: "100" });
    expect(r.centre).toMatchObject({ libelle: "Brest", code_insee: "29019" });
    expect(r.rayon_km).toBe(30);
    expect(r.total).toBeGreaterThan(20);
    const d = r.lieux.map((l) => l.distance_km ?? NaN);
    expect(d).toEqual([...d].sort((a, b) => a - b));
    expect(d.every((x) => x <= 30 && Math.round(x * 10) === x * 10)).toBe(true);
    expect(d[0]).toBeLessThan(3);
    const proche = await chercher({ commune: "29019", rayon_km: "5", par_page: "100" });
    expect(proche.total).toBeLessThan(r.total);
    expect(proche.lieux.every((l) => (l.distance_km ?? 99) <= 5)).toBe(true);
  });

  it("sans centre : par commune puis par nom, sans distance", async () => {
    const r = await chercher({ par_page: "50" });
    expect(r.centre).toBeUndefined();
    expect(r.lieux.every((l) => l.distance_km === undefined)).toBe(true);
    const cles = r.lieux.map((l) => [l.commune, l.nom]);
    const triees = [...cles].sort(([a1, n1], [a2, n2]) => (a1 === a2 ? ((n1 ?? "") < (n2 ?? "") ? -1 : 1) : (a1 ?? "") < (a2 ?? "") ? -1 : 1));
    expect(cles.map((x) => x[0])).toEqual(triees.map((x) => x[0]));
  });

  it("un filtre par facette : une valeur quelconque suffit ; entre facettes, toutes", async () => {
    const un = await chercher({ commune: "35238", services: "Aide aux démarches administratives", par_page: "100" });
    expect(un.total).toBeGreaterThan(0);
    expect(un.lieux.every((l) => l.services.includes("Aide aux démarches administratives"))).toBe(true);
    const deux = await chercher({ commune: "35238", services: ["Aide aux démarches administratives", "Loisirs et créations numériques"], par_page: "100" });
    expect(deux.total).toBeGreaterThanOrEqual(un.total);
    const croises = await chercher({ commune: "35238", services: "Aide aux démarches administratives", dispositifs: "France Services", par_page: "100" });
    expect(croises.total).toBeLessThanOrEqual(un.total);
    expect(croises.lieux.every((l) => l.dispositif_programmes_nationaux.includes("France Services"))).toBe(true);
    const gratuit = await chercher({ commune: "35238", frais: "Gratuit", par_page: "100" });
    expect(gratuit.lieux.every((l) => l.frais_a_charge.includes("Gratuit"))).toBe(true);
  });

  it("« Langues étrangères » trouve les deux valeurs enregistrées", async () => {
    const r = await chercher({ commune: "35238", prise_en_charge: "Langues étrangères", par_page: "100" });
    expect(noms(r)).toEqual(expect.arrayContaining(["Zeta Test anglais", "Zeta Test autres langues"]));
    expect(r.lieux.every((l) => l.prise_en_charge_specifique.some((p) => p.startsWith("Langues étrangères")))).toBe(true);
    const anglais = await chercher({ commune: "35238", prise_en_charge: "Langues étrangères (anglais)", par_page: "100" });
    expect(noms(anglais)).toContain("Zeta Test anglais");
    expect(noms(anglais)).not.toContain("Zeta Test autres langues");
  });

  it("un lieu sans public spécifique est « tout public » et répond à chaque filtre de public", async () => {
    const r = await chercher({ commune: "35238", rayon_km: "1", publics: "Jeunes", par_page: "100" });
    expect(noms(r)).toEqual(expect.arrayContaining(["Zeta Test anglais", "Zeta Test autres langues"]));
    expect(noms(r)).not.toContain("Zeta Test seniors");
    expect(r.lieux.every((l) => l.publics_specifiquement_adresses.length === 0 || l.publics_specifiquement_adresses.includes("Jeunes"))).toBe(true);
  });

  it("rendez-vous : « sur » = il faut prendre contact et on ne peut pas se présenter ; « sans » = se présenter", async () => {
    const sur = await chercher({ commune: "35238", rendez_vous: "sur", par_page: "100" });
    expect(noms(sur)).toContain("Zeta Test autres langues");
    expect(noms(sur)).not.toContain("Zeta Test anglais");
    expect(sur.lieux.every((l) => l.sur_rendez_vous && !l.modalites_acces.includes("Se présenter"))).toBe(true);
    const sans = await chercher({ commune: "35238", rendez_vous: "sans", rayon_km: "1", par_page: "100" });
    expect(noms(sans)).toEqual(expect.arrayContaining(["Zeta Test anglais", "Zeta Test seniors"]));
    expect(sans.lieux.every((l) => !l.sur_rendez_vous && l.modalites_acces.includes("Se présenter"))).toBe(true);
  });

  it("itinérant", async () => {
    const r = await chercher({ commune: "35238", rayon_km: "1", itinerant: "1" });
    expect(noms(r)).toEqual(["Zeta Test autres langues"]);
  });

  it("ouvert maintenant, un jour à une heure, le week-end, le soir : à l'heure de Paris, jamais sans horaires", async () => {
    const maintenant = await chercher({ commune: "35238", rayon_km: "1", ouvert_maintenant: "1", par_page: "100" });
    expect(noms(maintenant)).toContain("Zeta Test anglais");
    expect(noms(maintenant)).not.toContain("Zeta Test autres langues");
    expect(noms(maintenant)).not.toContain("Zeta Test seniors");
    expect(maintenant.lieux.every((l) => l.ouvert_maintenant === true)).toBe(true);
    const samedi = await chercher({ commune: "35238", rayon_km: "1", jour: "samedi", heure: "10:00", par_page: "100" });
    expect(noms(samedi)).toContain("Zeta Test autres langues");
    expect(noms(samedi)).not.toContain("Zeta Test anglais");
    const weekEnd = await chercher({ commune: "35238", rayon_km: "1", week_end: "1", par_page: "100" });
    expect(noms(weekEnd)).toContain("Zeta Test autres langues");
    const soir = await chercher({ commune: "35238", rayon_km: "1", soir: "1", par_page: "100" });
    expect(noms(soir)).not.toContain("Zeta Test anglais");
    const tous = await chercher({ commune: "35238", rayon_km: "1", par_page: "100" });
    expect(tous.lieux.find((l) => l.nom === "Zeta Test anglais")?.ouvert_maintenant).toBe(true);
    expect(tous.lieux.find((l) => l.nom === "Zeta Test autres langues")?.ouvert_maintenant).toBe(false);
    expect(tous.lieux.find((l) => l.nom === "Zeta Test seniors")).not.toHaveProperty("ouvert_maintenant");
  });

  it("pagination : pages disjointes, même total, au-delà de la dernière page une liste vide", async () => {
    const p1 = await chercher({ commune: "35238", par_page: "5" });
    const p2 = await chercher({ commune: "35238", par_page: "5", page: "2" });
    expect(p2.total).toBe(p1.total);
    expect(p1.pages).toBe(Math.ceil(p1.total / 5));
    expect(p1.lieux).toHaveLength(5);
    expect(p2.lieux.map((l) => l.id).filter((id) => p1.lieux.some((l) => l.id === id))).toEqual([]);
    expect((p2.lieux[0]?.distance_km ?? 0) >= (p1.lieux[4]?.distance_km ?? 0)).toBe(true);
    const loin = await chercher({ commune: "35238", par_page: "5", page: "9999" });
    expect(loin).toMatchObject({ lieux: [], total: p1.total });
    const filtre = { commune: "35238", services: "Aide aux démarches administratives", publics: "Jeunes", par_page: "5" };
    const loinFiltre = await chercher({ ...filtre, page: "9999" });
    expect(loinFiltre).toMatchObject({ lieux: [], total: (await chercher(filtre)).total });
    const temporel = await chercher({ commune: "35238", par_page: "2", page: "2", ouvert_maintenant: "1" });
    const tout = await chercher({ commune: "35238", par_page: "100", ouvert_maintenant: "1" });
    expect(temporel.total).toBe(tout.total);
    expect(temporel.lieux.map((l) => l.id)).toEqual(tout.lieux.slice(2, 4).map((l) => l.id));
  });

  it("un lieu fusionné dans un autre n'apparaît jamais", async () => {
    const avant = await chercher({ commune: "35238", rayon_km: "1", par_page: "100" });
    const [absorbe, survivant] = ["Zeta Test seniors", "Zeta Test anglais"].map((n) => avant.lieux.find((l) => l.nom === n));
    await c.db.update(lieux).set({ fusionne_dans: survivant?.id ?? null }).where(eq(lieux.id, absorbe?.id ?? ""));
    const apres = await chercher({ commune: "35238", rayon_km: "1", par_page: "100" });
    expect(apres.total).toBe(avant.total - 1);
    expect(noms(apres)).not.toContain("Zeta Test seniors");
    expect(noms(await chercher({ par_page: "100", publics: "Seniors", commune: "35238", rayon_km: "1" }))).not.toContain("Zeta Test seniors");
    await c.db.update(lieux).set({ fusionne_dans: null }).where(eq(lieux.id, absorbe?.id ?? ""));
  });

  it("centre : commune, code postal, nom sans accents, point, géocodeur", async () => {
    expect((await chercher({ ou: "29200" })).centre).toMatchObject({ code_insee: "29019", libelle: "Brest (29200)" });
    expect((await chercher({ ou: "saint brieuc" })).centre).toMatchObject({ code_insee: "22278", libelle: "Saint-Brieuc" });
    expect((await chercher({ ou: "PLOUGASTEL DAOULAS" })).centre?.code_insee).toBe("29189");
    const partage = await chercher({ ou: "29800" });
    expect(partage.centre?.libelle).toMatch(/^Landerneau \(29800, la plus peuplée des \d+ communes de ce code postal\)$/);
    expect((await chercher({ lat: "48.11", lon: "-1.68", rayon_km: "1" })).centre).toEqual({ latitude: 48.11, longitude: -1.68, libelle: "Autour de ce point" });
    const geocodeur = { geocoder: async () => ({ latitude: 48.39, longitude: -4.486, libelle: "2 Rue de Siam 29200 Brest" }) };
    const adresse = await rechercherLieux(c.db, referentiel, criteres({ ou: "2 rue de Siam Brest" }), { geocodeur });
    expect(adresse.centre).toEqual({ latitude: 48.39, longitude: -4.486, libelle: "2 Rue de Siam 29200 Brest" });
  });

  it("commune ou lieu inconnus : erreur d'entrée qui nomme le paramètre", async () => {
    await expect(chercher({ commune: "75056" })).rejects.toMatchObject({ code: "entree_invalide", details: [{ champ: "commune" }] });
    await expect(chercher({ ou: "Zzyzx-sur-Mer" })).rejects.toBeInstanceOf(ErreurPasserelle);
    await expect(chercher({ ou: "99999" })).rejects.toMatchObject({ code: "entree_invalide", details: [{ champ: "ou" }] });
  });
});
