import { describe, expect, it } from "vitest";
import { COLONNES_COMPARAISON, colonnesCommunes, PREFIXE_COMPARAISON, TRI_COMMUNES, TRI_COMPARAISON } from "./colonnes";
import { ACCES, COMMUNES_EXEMPLE, RAPPORT_EXEMPLE } from "./exemple.test-outils";
import { choisirIndicateur, servicesDe, slugService } from "./indicateurs-carte";
import { ariaSort, lienTri, lireTri, trierSelon } from "./tri";

const services = servicesDe(RAPPORT_EXEMPLE);
const colonnes = colonnesCommunes(choisirIndicateur(null, services), services);
const noms = (l: readonly { nom: string }[]) => l.map((x) => x.nom);

describe("tri des tableaux", () => {
  it("reads the sort from the URL, falling back to the default for an unknown column or order", () => {
    expect(lireTri(new URLSearchParams("tri=population&ordre=asc"), colonnes, TRI_COMMUNES)).toEqual({ cle: "population", ordre: "asc" });
    // Without an order, a number is sorted largest first.
    expect(lireTri(new URLSearchParams("tri=population"), colonnes, TRI_COMMUNES)).toEqual({ cle: "population", ordre: "desc" });
    expect(lireTri(new URLSearchParams("tri=mot_de_passe&ordre=asc"), colonnes, TRI_COMMUNES)).toEqual(TRI_COMMUNES);
    expect(lireTri(new URLSearchParams("tri=nom&ordre=n_importe"), colonnes, TRI_COMMUNES)).toEqual({ cle: "nom", ordre: "asc" });
    // The comparison table has its own parameters.
    const p = new URLSearchParams("tri=population&comparaison_tri=ecart&comparaison_ordre=asc");
    expect(lireTri(p, COLONNES_COMPARAISON, TRI_COMPARAISON, PREFIXE_COMPARAISON)).toEqual({ cle: "ecart", ordre: "asc" });
  });

  it("sorts numbers both ways with unknown values always last", () => {
    expect(noms(trierSelon(COMMUNES_EXEMPLE, colonnes, { cle: "population", ordre: "desc" }))).toEqual(["Le Palais", "Sauzon", "Bangor", "Locmaria"]);
    expect(noms(trierSelon(COMMUNES_EXEMPLE, colonnes, { cle: "population", ordre: "asc" }))).toEqual(["Locmaria", "Bangor", "Sauzon", "Le Palais"]);
    // Sauzon has no IFN score: last in both orders.
    expect(noms(trierSelon(COMMUNES_EXEMPLE, colonnes, { cle: "ifn_total", ordre: "desc" }))).toEqual(["Locmaria", "Bangor", "Le Palais", "Sauzon"]);
    expect(noms(trierSelon(COMMUNES_EXEMPLE, colonnes, { cle: "ifn_total", ordre: "asc" }))).toEqual(["Le Palais", "Bangor", "Locmaria", "Sauzon"]);
  });

  it("sorts names the French way and keeps ties in their order", () => {
    const lignes = [
      { ...COMMUNES_EXEMPLE[0]!, nom: "Île-aux-Moines" },
      { ...COMMUNES_EXEMPLE[1]!, nom: "Elven" },
      { ...COMMUNES_EXEMPLE[2]!, nom: "Ambon" },
    ];
    expect(noms(trierSelon(lignes, colonnes, { cle: "nom", ordre: "asc" }))).toEqual(["Ambon", "Elven", "Île-aux-Moines"]);
    // Bangor and Locmaria both have 0 places: Bangor stays first whatever the order.
    expect(noms(trierSelon(COMMUNES_EXEMPLE, colonnes, { cle: "lieux", ordre: "desc" }))).toEqual(["Le Palais", "Sauzon", "Bangor", "Locmaria"]);
    expect(noms(trierSelon(COMMUNES_EXEMPLE, colonnes, { cle: "lieux", ordre: "asc" }))).toEqual(["Bangor", "Locmaria", "Sauzon", "Le Palais"]);
  });

  it("ranks the comparison by gap, rank 1 first", () => {
    expect(noms(trierSelon(RAPPORT_EXEMPLE.comparaison.lignes, COLONNES_COMPARAISON, TRI_COMPARAISON))).toEqual(["Locmaria", "Bangor", "Le Palais", "Sauzon"]);
  });

  it("builds header links that keep the other parameters and flip the current order", () => {
    const params = new URLSearchParams("carte=fragilite&tri=population&ordre=desc");
    const population = colonnes.find((c) => c.cle === "population")!;
    const nom = colonnes.find((c) => c.cle === "nom")!;
    const actuel = { cle: "population", ordre: "desc" } as const;
    expect(lienTri("/d", params, population, actuel, "tableau-communes")).toBe("/d?carte=fragilite&tri=population&ordre=asc#tableau-communes");
    expect(lienTri("/d", params, nom, actuel, "tableau-communes")).toBe("/d?carte=fragilite&tri=nom&ordre=asc#tableau-communes");
    const rang = COLONNES_COMPARAISON.find((c) => c.cle === "rang")!;
    expect(lienTri("/d", params, rang, TRI_COMPARAISON, "t", PREFIXE_COMPARAISON)).toBe("/d?carte=fragilite&tri=population&ordre=desc&comparaison_tri=rang&comparaison_ordre=desc#t");
    expect(ariaSort(population, actuel)).toBe("descending");
    expect(ariaSort(nom, actuel)).toBeUndefined();
  });

  it("adds the mapped service's distance column to the communes table", () => {
    const indicateur = choisirIndicateur(`distance_${slugService(ACCES)}`, services);
    const avecDistance = colonnesCommunes(indicateur, services);
    const derniere = avecDistance[avecDistance.length - 1]!;
    expect(derniere.cle).toBe("distance_acces-internet-et-materiel-informatique");
    expect(derniere.entete).toBe("Distance au lieu le plus proche pour « Utiliser un ordinateur ou internet sur place » (km)");
    expect(COMMUNES_EXEMPLE.map((l) => derniere.cellule(l))).toEqual(["5,2", "0", "16,4", "inconnu"]);
    expect(colonnes.map((c) => c.cle)).not.toContain(derniere.cle);
  });

  it("writes cells without their unit, which is in the header", () => {
    const bangor = COMMUNES_EXEMPLE[0]!;
    expect(colonnes.map((c) => c.cellule(bangor))).toEqual(["Bangor", "994", "45", "inconnu", "6,1", "0", "0", "5,2"]);
    expect(COLONNES_COMPARAISON.map((c) => c.cellule(bangor))).toEqual(["2", "Bangor", "994", "0,80", "0,10", "0,70", "6,1", "0", "5,2"]);
  });
});
