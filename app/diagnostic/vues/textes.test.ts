import { describe, expect, it } from "vitest";
import { ACCES, AIDE, RAPPORT_EXEMPLE } from "./exemple.test-outils";
import { sourcesRapport } from "./methode";
import { resumeMesure, texteComposante, texteIfnAbsent, texteMesure } from "./textes-besoins";
import { chiffresOffre, grouperEloignees, plusGrandsEcarts, texteEcart } from "./textes-offre";

const e = "\u202f";
const [rsa, demandeurs] = RAPPORT_EXEMPLE.exposition.composantes;

describe("textes des besoins", () => {
  it("gives a known measure as count and rate with its year and source", () => {
    expect(resumeMesure(RAPPORT_EXEMPLE.fragilite)).toBe(`2${e}300 personnes, soit 41${e}% de la population (INSEE, recensement 2021).`);
    expect(texteMesure(RAPPORT_EXEMPLE.fragilite)).toBe("Données 2021, source : INSEE, recensement 2021. Elle additionne :");
  });

  it("says plainly why a measure is unknown, and what is known of each input", () => {
    expect(resumeMesure(RAPPORT_EXEMPLE.exposition)).toBe("Le nombre d'allocataires du RSA n'est connu que pour 1 commune sur 4.");
    expect(texteComposante(rsa!)).toBe(
      "inconnu pour le territoire ; ce qui est connu : 120 pour 1 commune sur 4 (données 2021, source : CNAF, données par IRIS 2021). Les petites communes ne sont pas publiées par la CNAF.",
    );
    expect(texteComposante(demandeurs!)).toBe("310 (données 2021, source : INSEE, recensement 2021).");
    expect(texteComposante({ ...rsa!, nombre_partiel: null, communes_connues: 0, annee: null, source: null, raison: "Donnée non importée." })).toBe(
      "inconnu pour toutes les communes du territoire. Donnée non importée.",
    );
  });

  it("explains why a département has no IFN score", () => {
    expect(texteIfnAbsent({ type: "departement", nom: "Morbihan" })).toContain("pas pour un département ni pour la région");
    expect(texteIfnAbsent({ type: "commune", nom: "Sauzon" })).toBe("Aucun score de l'IFN n'est publié pour Sauzon.");
  });

  it("lists every source once", () => {
    const sources = sourcesRapport(RAPPORT_EXEMPLE);
    expect(sources).toContain("Foyers allocataires du RSA : CNAF, données par IRIS 2021.");
    expect(sources).toContain("Indice de fragilité numérique : Indice de fragilité numérique (France Numérique Ensemble) (2023).");
    expect(new Set(sources).size).toBe(sources.length);
  });
});

describe("textes de l'offre et des écarts", () => {
  it("gives the offer's key figures with French plurals", () => {
    expect(chiffresOffre(RAPPORT_EXEMPLE.offre, RAPPORT_EXEMPLE.population).map((c) => `${c.valeur} ${c.libelle}`)).toEqual([
      "6 lieux de médiation numérique",
      `10,7 lieux pour 10 000 habitants (5${e}607 habitants)`,
      "1 lieu itinérant ou service mobile",
      "1 lieu ouvert après 18 h au moins un jour",
      "2 lieux ouverts le samedi",
      "1 espace France services",
      "2 lieux avec un conseiller numérique",
      "1 lieu Aidants Connect",
    ]);
  });

  it("ranks the largest gaps and leaves out rows without a rank", () => {
    expect(plusGrandsEcarts(RAPPORT_EXEMPLE.comparaison.lignes, 5).map(texteEcart)).toEqual([
      "1. Locmaria : besoin 1,00, offre 0,00, écart 1,00",
      "2. Bangor : besoin 0,80, offre 0,10, écart 0,70",
      "3. Le Palais : besoin 0,00, offre 1,00, écart -1,00",
    ]);
    expect(plusGrandsEcarts(RAPPORT_EXEMPLE.comparaison.lignes, 1)).toHaveLength(1);
  });

  it("groups far communes by commune, farthest first", () => {
    const base = RAPPORT_EXEMPLE.communes_eloignees[0]!;
    const groupes = grouperEloignees([
      { ...base, code: "56009", nom: "Bangor", service: AIDE, distance_km: 15.5 },
      base,
      { ...base, code: "56009", nom: "Bangor", service: ACCES, distance_km: 17 },
    ]);
    expect(groupes.map((g) => [g.nom, g.services.map((s) => s.distance_km)])).toEqual([
      ["Bangor", [17, 15.5]],
      ["Locmaria", [16.4]],
    ]);
  });
});
