import { max } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lieux } from "~/lieux/lieux.schema";
import { importerLieux } from "~/lieux/import/importer.server";
import type { Connexion } from "~/platform/db/connexion.server";
import { baseDeTest } from "../../../test/aide/base";
import { csv, ligne, referentiel } from "../../../test/aide/lieux";
import { rapportDiagnostic } from "../diagnostic.server";
import { importsIndicateurs, valeursIndicateurs } from "../indicateurs/indicateurs.schema";
import type { RapportDiagnostic } from "../types";
import { chargerDonneesDiagnostic } from "./donnees.server";
import { calculerTableau, type TableauDiagnostic } from "./tableau";

/**
 * Small fixtures, numbers checked by hand: 1 person aged 65+ and 2 people without a diploma in every
 * commune (so 3 × the number of communes), CNAF counts for Rennes and Brest only, three places.
 */
let c: Connexion;
let tableau: TableauDiagnostic;
const MAINTENANT = new Date("2026-11-23T10:00:00Z"); // a Monday, no public holiday that week
const DEMARCHES = "Aide aux démarches administratives";
const OUTILS = "Maîtrise des outils numériques du quotidien";
const INSEE = "INSEE, recensement de la population 2021";
const CNAF = "CNAF, allocataires au 31 décembre 2021";
const RENNES = { latitude: 48.11593, longitude: -1.68844 };
// 0.2° due north of Rennes' point: 0.2 × 111.1947 = 22.239 km (earthdistance's radius).
const NORD = { latitude: 48.31593, longitude: -1.68844 };

const rapport = (type: string, code: string, seuilKm?: number) =>
  rapportDiagnostic(c.db, referentiel, type, code, { maintenant: MAINTENANT, ...(seuilKm === undefined ? {} : { seuilKm }) });

beforeAll(async () => {
  c = await baseDeTest();
  const [imp] = await c.db.insert(importsIndicateurs).values({ format: "generique", fichier: "essai.csv", lignes: 0, valeurs: 0 }).returning();
  const import_id = imp?.id ?? "";
  const valeur = (niveau: string, code: string, commune: string | null, indicateur: string, v: number, source: string, annee = 2021) => ({
    niveau,
    code,
    commune,
    indicateur,
    valeur: v,
    annee,
    source,
    import_id,
  });
  await c.db.insert(valeursIndicateurs).values([
    ...referentiel.communes().flatMap((x) => [valeur("commune", x.code, x.code, "pop_65_plus", 1, INSEE), valeur("commune", x.code, x.code, "sans_diplome_moins_65", 2, INSEE)]),
    valeur("iris", "352380101", "35238", "allocataires_rsa", 100, CNAF),
    valeur("iris", "352380102", "35238", "allocataires_rsa", 50, CNAF),
    valeur("commune", "35238", "35238", "allocataires_ppa", 300, CNAF),
    valeur("commune", "35238", "35238", "allocataires_aah", 40, CNAF),
    valeur("iris", "290190101", "29019", "allocataires_rsa", 10, CNAF),
    valeur("iris", "290190102", "29019", "allocataires_rsa", 20, CNAF),
    valeur("commune", "29019", "29019", "allocataires_rsa", 40, CNAF),
    valeur("commune", "35238", "35238", "ifn_total", 3.77, "IFN", 2023),
    valeur("epci", "243500139", null, "ifn_total", 3.6, "IFN", 2023),
  ]);
  const fichierLieux = csv([
    ligne({ id: "p1", nom: "Espace France services", ...chaines(RENNES), services: DEMARCHES, horaires: "Mo-Fr 09:00-19:00; Sa 09:00-12:00", dispositif_programmes_nationaux: "France Services|Aidants Connect" }),
    ligne({ id: "p2", nom: "Bus numérique", pivot: "21350238800027", adresse: "Route de Saint-Malo", ...chaines(NORD), services: OUTILS, horaires: "Mo-Fr 09:00-12:00", itinerance: "Itinérant", dispositif_programmes_nationaux: "Conseillers numériques" }),
    // A former code (Collinée, merged into Le Mené 22046): counted in Le Mené.
    ligne({ id: "p3", nom: "Médiathèque de Collinée", pivot: "21220066000016", commune: "Collinée", code_postal: "22330", code_insee: "22066", adresse: "Rue de la Mairie", latitude: "48.28373", longitude: "-2.51437", services: DEMARCHES }),
  ]);
  const r = await importerLieux(c.db, fichierLieux, { format: "standard-csv", fichier: "lieux.csv", dryRun: false, referentiel });
  expect(r.crees).toBe(3);
  tableau = calculerTableau(await chargerDonneesDiagnostic(c.db), referentiel, { maintenant: MAINTENANT });
}, 60_000);
afterAll(async () => c.fermer());

function chaines(p: { latitude: number; longitude: number }) {
  return { latitude: String(p.latitude), longitude: String(p.longitude) };
}

const agregat = (cle: string) => {
  const a = tableau.territoires.get(cle);
  if (!a) throw new Error(`${cle} absent du tableau`);
  return a.diagnostic;
};

describe("cumuls des communes vers l'EPCI, le département et la région", () => {
  it("la population de chaque EPCI, département et de la région est la somme de ses communes (3 449 370 pour la région)", () => {
    expect(agregat("region:53").population).toBe(3_449_370);
    for (const e of referentiel.epcis()) {
      const somme = e.communes.reduce((s, code) => s + (referentiel.commune(code)?.population ?? 0), 0);
      expect(agregat(`epci:${e.code}`).population).toBe(somme);
      expect(somme).toBe(e.population);
    }
    for (const d of referentiel.departements()) {
      const somme = referentiel.communes().filter((x) => x.departement === d.code).reduce((s, x) => s + x.population, 0);
      expect(agregat(`departement:${d.code}`).population).toBe(somme);
    }
    expect(tableau.territoires.size).toBe(1 + 4 + 61 + 1202);
  });

  it("fragilité connue partout : 3 par commune, additionné jusqu'à la région", () => {
    expect(agregat("commune:35238").fragilite).toMatchObject({ nombre: 3, taux: 3 / 230_890, annee: 2021, source: INSEE, raison: null });
    expect(agregat("epci:243500139").fragilite.nombre).toBe(3 * 43);
    // Communes per département: 22 → 344, 29 → 277, 35 → 332, 56 → 249.
    expect(["22", "29", "35", "56"].map((d) => agregat(`departement:${d}`).fragilite.nombre)).toEqual([1032, 831, 996, 747]);
    const region = agregat("region:53").fragilite;
    expect(region.nombre).toBe(3606);
    expect(region.taux).toBeCloseTo(3606 / 3_449_370, 12);
    expect(region.composantes.map((x) => [x.indicateur, x.nombre, x.communes_connues])).toEqual([
      ["pop_65_plus", 1202, 1202],
      ["sans_diplome_moins_65", 2404, 1202],
    ]);
  });

  it("IRIS additionnés à la commune, la valeur communale l'emporte, couverture partielle", () => {
    const rsa = (cle: string) => agregat(cle).exposition.composantes.find((x) => x.indicateur === "allocataires_rsa");
    expect(rsa("commune:35238")).toMatchObject({ nombre: 150, communes_connues: 1 });
    expect(rsa("commune:29019")).toMatchObject({ nombre: 40 });
    expect(rsa("epci:243500139")).toMatchObject({ nombre: null, nombre_partiel: 150, communes_connues: 1, communes: 43 });
    expect(rsa("epci:243500139")?.raison).toBe(`Connu pour 1 commune sur 43 (${CNAF} : seules les communes découpées en IRIS sont publiées).`);
    // Brest's value is its own (not summed from IRIS): no explanation about IRIS for the region.
    expect(rsa("region:53")).toMatchObject({ nombre: null, nombre_partiel: 190, communes_connues: 2, communes: 1202, raison: "Connu pour 2 communes sur 1\u202f202." });
  });

  it("une donnée manquante : la mesure est nulle et la nomme ; jamais d'estimation", () => {
    const e = agregat("commune:35238").exposition;
    expect(e.composantes.map((x) => x.nombre)).toEqual([150, 300, 40, null]);
    expect(e).toMatchObject({ nombre: null, taux: null });
    expect(e.raison).toBe("Non calculée, faute de : « Demandeurs d'emploi inscrits à France Travail (catégories A, B, C) » (donnée non importée).");
    expect(e.composantes[3]?.raison).toMatch(/^Donnée non importée : importer le fichier France Travail – DARES des demandeurs d'emploi .*--format france-travail/);
  });

  it("scores IFN : ceux de la commune, ceux de l'EPCI, rien pour le département et la région", () => {
    expect(agregat("commune:35238").ifn).toMatchObject({ total: 3.77, annee: 2023, source: "IFN" });
    expect(agregat("epci:243500139").ifn?.total).toBe(3.6);
    expect(agregat("departement:35").ifn).toBeNull();
    expect(agregat("region:53").ifn).toBeNull();
  });
});

describe("offre et distances", () => {
  it("les lieux de la commune, le soir, le samedi, l'itinérance, les programmes, et l'ancien code compté dans la commune actuelle", () => {
    const o = agregat("commune:35238").offre;
    expect(o).toMatchObject({ lieux: 2, itinerants: 1, ouverts_soir: 1, ouverts_samedi: 1, programmes: { france_services: 1, conseillers_numeriques: 1, aidants_connect: 1 } });
    expect(o.lieux_pour_10000).toBe(Math.round((2 / 230_890) * 10_000 * 100) / 100);
    expect(agregat("commune:22046").offre.lieux).toBe(1);
    expect(agregat("epci:200067460").offre.lieux).toBe(1); // Loudéac Communauté, Le Mené's EPCI
    expect(agregat("departement:35").offre.lieux).toBe(2);
    expect(agregat("region:53").offre.lieux).toBe(3);
  });

  it("distance au lieu le plus proche par service, calculée à la main", () => {
    const d = tableau.distances.get("35238");
    expect(d?.parService.get(DEMARCHES)?.km).toBeCloseTo(0, 9);
    expect(d?.parService.get(DEMARCHES)?.element.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(d?.parService.get(OUTILS)?.km).toBeCloseTo(22.239, 3);
    expect(d?.parService.get("Loisirs et créations numériques")).toBeNull();
    expect(d?.tout?.km).toBeCloseTo(0, 9);
    const outils = agregat("commune:35238").offre.services.find((s) => s.service === OUTILS);
    expect(outils).toMatchObject({ lieux: 1, distance_moyenne_km: 22.2, distance_max_km: 22.2, communes_eloignees: 1, population_eloignee: 230_890 });
    // No place offers it: every commune is beyond reach, with no distance.
    const loisirs = agregat("region:53").offre.services.find((s) => s.service === "Loisirs et créations numériques");
    expect(loisirs).toMatchObject({ lieux: 0, distance_moyenne_km: null, communes_eloignees: 1202, population_eloignee: 3_449_370 });
  });

  it("communes éloignées d'un service, avec le lieu le plus proche ; le seuil se règle", async () => {
    const r: RapportDiagnostic = await rapport("commune", "35238");
    expect(r.communes_eloignees).toEqual([
      {
        code: "35238",
        nom: "Rennes",
        population: 230_890,
        service: OUTILS,
        libelle: "Utiliser un ordinateur, un téléphone, internet",
        distance_km: 22.2,
        lieu_le_plus_proche: { id: expect.stringMatching(/^[0-9a-f-]{36}$/), nom: "Bus numérique", commune: "Rennes" },
      },
    ]);
    const large = await rapport("commune", "35238", 25);
    expect(large.communes_eloignees).toEqual([]);
    expect(large.offre.seuil_eloignement_km).toBe(25);
    const epci = await rapport("epci", "243500139");
    const distances = epci.communes_eloignees.map((x) => x.distance_km);
    expect(distances).toEqual([...distances].sort((a, b) => b - a));
    expect(epci.communes_eloignees.every((x) => x.distance_km > 15)).toBe(true);
  });
});

describe("rapport d'un territoire", () => {
  it("une commune : ses parents, ses pairs (les communes de son EPCI) et sa ligne", async () => {
    const r = await rapport("commune", "35238");
    expect(r.parents).toEqual([
      { type: "region", code: "53", nom: "Bretagne" },
      { type: "departement", code: "35", nom: "Ille-et-Vilaine" },
      { type: "epci", code: "243500139", nom: "Rennes Métropole" },
    ]);
    expect(r.comparaison.niveau).toBe("commune");
    expect(r.comparaison.lignes).toHaveLength(43);
    expect(r.communes).toHaveLength(1);
    expect(r.communes[0]).toEqual(r.comparaison.lignes.find((l) => l.code === "35238"));
    // Fragility is known for every peer: it is the need, as the criteria say.
    expect(r.comparaison.criteres[1]).toMatch(/^Besoin : le taux de fragilité socio-numérique/);
    // The date of the latest input (here the places, imported after the indicators), not of the computation.
    const [dernier] = await c.db.select({ le: max(lieux.modifie_le) }).from(lieux);
    expect(r.donnees_a_jour_le).toBe(dernier?.le?.toISOString());
    expect((await rapport("epci", "243500139")).donnees_a_jour_le).toBe(r.donnees_a_jour_le);
  });

  it("la région : ses 61 EPCI classés, ses 1 202 communes par nom", async () => {
    const r = await rapport("region", "53");
    expect(r.comparaison.niveau).toBe("epci");
    expect(r.comparaison.lignes.map((l) => l.rang)).toEqual(Array.from({ length: 61 }, (_, i) => i + 1));
    expect(r.communes).toHaveLength(1202);
    const noms = r.communes.map((l) => l.nom);
    expect(noms).toEqual([...noms].sort((a, b) => a.localeCompare(b, "fr")));
  });

  it("un territoire inconnu : introuvable", async () => {
    await expect(rapport("commune", "75056")).rejects.toMatchObject({ code: "introuvable" });
    await expect(rapport("canton", "35")).rejects.toMatchObject({ code: "introuvable" });
    await expect(rapport("epci", "35")).rejects.toMatchObject({ code: "introuvable" });
  });
});
