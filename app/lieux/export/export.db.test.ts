import { fromSchemaLieuDeMediationNumerique } from "@gouvfr-anct/lieux-de-mediation-numerique";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Connexion } from "~/platform/db/connexion.server";
import { baseDeTest } from "../../../test/aide/base";
import { csv, ligne, referentiel } from "../../../test/aide/lieux";
import { importerLieux } from "../import/importer.server";
import { chargerDonneesBretagne } from "../seed.server";
import { CHAMPS, estChamp, type LigneStandard } from "../standard/champs";
import { violations } from "../standard/test-outils";
import { versDataInclusion } from "./data-inclusion";
import { invalides } from "./data-inclusion-test-outils";
import { lieuxAExporter, serialiser } from "./exporter.server";

let c: Connexion;
beforeAll(async () => {
  c = await baseDeTest();
  await chargerDonneesBretagne(c.db, referentiel);
});
afterAll(async () => c.fermer());

function lireCsvStandard(texte: string): LigneStandard[] {
  const lignes: Record<string, string>[] = parse(texte, { columns: true });
  return lignes.map((l) => {
    const sortie = ligne();
    for (const [cle, valeur] of Object.entries(l)) if (estChamp(cle)) sortie[cle] = valeur;
    return sortie;
  });
}

describe("export de l'annuaire de Bretagne", () => {
  it("le CSV standard a les 32 colonnes dans l'ordre et chaque ligne respecte schema.json", async () => {
    const texte = serialiser("standard-csv", await lieuxAExporter(c.db, referentiel));
    const [entete] = texte.split("\r\n");
    expect(entete?.split(",")).toEqual([...CHAMPS]);
    expect(texte).not.toContain("’");
    const lignes = lireCsvStandard(texte);
    expect(lignes.length).toBeGreaterThan(500);
    const fautives = lignes.map((l) => ({ id: l.id, erreurs: violations(l) })).filter((l) => l.erreurs.length > 0);
    expect(fautives).toEqual([]);
    expect(lignes.every((l) => /^\d{4}-\d{2}-\d{2}$/.test(l.date_maj))).toBe(true);
  });

  it("chaque ligne est acceptée par la bibliothèque officielle du standard", async () => {
    const lignes = lireCsvStandard(serialiser("standard-csv", await lieuxAExporter(c.db, referentiel)));
    const refusees: string[] = [];
    for (const l of lignes) {
      const { latitude, longitude, ...texte } = l;
      const entree = Object.fromEntries(Object.entries(texte).filter(([, v]) => v !== ""));
      try {
        fromSchemaLieuDeMediationNumerique({
          ...entree,
          id: l.id,
          nom: l.nom,
          pivot: l.pivot,
          commune: l.commune,
          code_postal: l.code_postal,
          adresse: l.adresse,
          date_maj: l.date_maj,
          ...(latitude ? { latitude: Number(latitude), longitude: Number(longitude) } : {}),
        });
      } catch (e) {
        refusees.push(`${l.id} ${l.nom}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    expect(refusees).toEqual([]);
  });

  it("l'export data·inclusion est valide aux schémas v1", async () => {
    const sortie = versDataInclusion(await lieuxAExporter(c.db, referentiel), { source: "passerelle" });
    expect(sortie.structures.length).toBeGreaterThan(500);
    expect(invalides(sortie)).toEqual([]);
  });

  it("filtre par département, EPCI ou commune, et refuse un territoire inconnu", async () => {
    const finistere = await lieuxAExporter(c.db, referentiel, "29");
    expect(finistere.length).toBeGreaterThan(50);
    expect(finistere.every((l) => l.code_insee?.startsWith("29"))).toBe(true);
    const rennesMetropole = await lieuxAExporter(c.db, referentiel, "243500139");
    const communes = new Set(referentiel.epci("243500139")?.communes);
    expect(rennesMetropole.length).toBeGreaterThan(10);
    expect(rennesMetropole.every((l) => l.code_insee !== undefined && communes.has(l.code_insee))).toBe(true);
    const rennes = await lieuxAExporter(c.db, referentiel, "35238");
    expect(rennes.every((l) => l.code_insee === "35238")).toBe(true);
    await expect(lieuxAExporter(c.db, referentiel, "99999")).rejects.toThrow(/Territoire inconnu/);
  });

  it("le GeoJSON ne place que les lieux à position précise", async () => {
    const lieux = await lieuxAExporter(c.db, referentiel);
    const geo = JSON.parse(serialiser("geojson", lieux));
    const precis = lieux.filter((l) => l.latitude !== undefined).length;
    expect(geo.type).toBe("FeatureCollection");
    expect(geo.features).toHaveLength(precis);
    expect(geo.features[0].geometry.type).toBe("Point");
  });
});

describe("aller-retour standard → import → export", () => {
  it("garde le sens de chaque champ", async () => {
    const originales = [
      ligne({ id: "a", typologie: "BIB|EPN", courriels: "contact@mediatheque.fr", site_web: "https://mediatheque.fr", publics_specifiquement_adresses: "Seniors", prise_en_charge_specifique: "Surdité|Langues étrangères (anglais)", dispositif_programmes_nationaux: "Conseillers numériques", formations_labels: "Étapes numériques (La Poste)", modalites_accompagnement: "Accompagnement individuel|Dans un atelier collectif", presentation_resume: "Ateliers pour tous.", itinerance: "Fixe", prise_rdv: "https://rdv.example.fr/lieu", fiche_acces_libre: "https://acceslibre.beta.gouv.fr/app/35-rennes/a/bibliotheque/erp/x/" }),
      ligne({ id: "b", nom: "Bus numérique", commune: "Brest", code_postal: "29200", code_insee: "29019", adresse: "Place de la Liberté", latitude: "48.3904", longitude: "-4.4861", itinerance: "Itinérant", frais_a_charge: "Gratuit sous condition" }),
    ];
    const b1 = await baseDeTest();
    const b2 = await baseDeTest();
    try {
      await importerLieux(b1.db, csv(originales), { format: "standard-csv", fichier: "a.csv", source: "origine", dryRun: false, referentiel });
      const export1 = lireCsvStandard(serialiser("standard-csv", await lieuxAExporter(b1.db, referentiel)));
      await importerLieux(b2.db, csv(export1), { format: "standard-csv", fichier: "b.csv", source: "origine", dryRun: false, referentiel });
      const export2 = lireCsvStandard(serialiser("standard-csv", await lieuxAExporter(b2.db, referentiel)));
      const sansId = (l: LigneStandard) => ({ ...l, id: "" });
      expect(export2.map(sansId)).toEqual(export1.map(sansId));
      const parNom = (nom: string, ls: LigneStandard[]) => ls.find((l) => l.nom === nom);
      for (const o of originales) {
        const e = parNom(o.nom, export1);
        expect(e).toBeDefined();
        // Same meaning: coordinates are numbers, "48.0860" and "48.086" are the same point.
        const nombre = (v: string) => (v === "" ? "" : String(Number(v)));
        expect({ ...e, id: o.id }).toEqual({ ...o, latitude: nombre(o.latitude), longitude: nombre(o.longitude) });
      }
    } finally {
      await b1.fermer();
      await b2.fermer();
    }
  });
});
