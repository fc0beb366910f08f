import { describe, expect, it } from "vitest";
import { chargerReferentiel } from "./referentiel.server";

const r = chargerReferentiel();

describe("référentiel: counts and populations", () => {
  it("has the 1,202 communes of COG 2026, by département", () => {
    expect(r.communes()).toHaveLength(1202);
    const parDepartement = new Map<string, number>();
    for (const c of r.communes()) parDepartement.set(c.departement, (parDepartement.get(c.departement) ?? 0) + 1);
    expect(Object.fromEntries(parDepartement)).toEqual({ "22": 344, "29": 277, "35": 332, "56": 249 });
    expect(r.epcis()).toHaveLength(61);
    expect(r.departements().map((d) => d.code)).toEqual(["22", "29", "35", "56"]);
  });

  it("adds populations up from the communes", () => {
    const region = r.region();
    expect(region).toMatchObject({ code: "53", nom: "Bretagne", population: 3_449_370 });
    const departements = r.departements().reduce((s, d) => s + d.population, 0);
    const communes = r.communes().reduce((s, c) => s + c.population, 0);
    expect(departements).toBe(region.population);
    expect(communes).toBe(region.population);
    expect(r.commune("35238")).toMatchObject({ nom: "Rennes", population: 230_890, epci: "243500139" });
  });

  it("gives EPCIs the population of their Breton communes, not the DGCL figure", () => {
    const rennesMetropole = r.epci("243500139");
    const somme = rennesMetropole?.communes.reduce((s, code) => s + (r.commune(code)?.population ?? 0), 0);
    expect(rennesMetropole?.population).toBe(somme);
    // Redon Agglomération: 31 members, 23 in Bretagne, across 35 and 56.
    const redon = r.epci("243500741");
    expect(redon?.communes).toHaveLength(23);
    expect(redon?.departements).toEqual(["35", "56"]);
    expect(r.epci("242900744")?.departements).toEqual(["22", "29"]);
    const epcis = r.epcis().reduce((s, e) => s + e.population, 0);
    const sansEpci = r.communes().filter((c) => c.epci === undefined).reduce((s, c) => s + c.population, 0);
    expect(epcis + sansEpci).toBe(r.region().population);
  });
});

describe("référentiel: EPCI membership", () => {
  it("lists every commune in its EPCI", () => {
    for (const c of r.communes()) {
      if (c.epci === undefined) continue;
      expect(r.epci(c.epci)?.communes).toContain(c.code);
    }
  });

  it("leaves exactly the three islands outside any EPCI", () => {
    const iles = r.communes().filter((c) => c.epci === undefined);
    expect(iles.map((c) => `${c.code} ${c.nom}`).sort()).toEqual(["22016 Île-de-Bréhat", "29083 Île-de-Sein", "29155 Ouessant"]);
    expect(iles.every((c) => !("epci" in c))).toBe(true);
  });
});

describe("référentiel: look-ups by code", () => {
  it("finds a commune by a former code of a merged commune", () => {
    expect(r.commune("29019")?.anciensCodes).toContain("29096");
    expect(r.commune("29096")).toMatchObject({ code: "29019", nom: "Brest" });
  });

  it("finds a commune nouvelle by the code of a commune déléguée or associée", () => {
    expect(r.commune("35209")).toMatchObject({ code: "35069", nom: "Châteaugiron" }); // Ossé
    expect(r.commune("29092")).toMatchObject({ code: "29241", nom: "Rosporden" }); // Kernével, associée
    expect(r.commune("22046")?.nom).toBe("Le Mené"); // same code as its déléguée Collinée
    expect(r.commune("99999")).toBeUndefined();
  });

  it("lists the communes of a postal code", () => {
    expect(r.communesParCodePostal("35000").map((c) => c.code)).toEqual(["35238"]);
    expect(r.communesParCodePostal("35200").map((c) => c.nom)).toEqual(["Rennes"]);
    expect(r.communesParCodePostal("29510").map((c) => c.nom)).toContain("Briec");
    expect(r.communesParCodePostal("75001")).toEqual([]);
  });

  it("finds départements and EPCIs", () => {
    expect(r.departement("29")).toMatchObject({ nom: "Finistère" });
    expect(r.departement("44")).toBeUndefined();
    expect(r.epci("200039022")).toMatchObject({ nom: "CA Vitré Communauté", type: "CA", departements: ["35"] });
    expect(r.epci("200039022")?.communes).toHaveLength(46);
  });
});

describe("référentiel: territoire", () => {
  it("reads the region, a département, an EPCI or a commune from its code", () => {
    expect(r.territoire("53")).toMatchObject({ type: "region", nom: "Bretagne" });
    expect(r.territoire("53")?.communes).toHaveLength(1202);
    expect(r.territoire("56")).toMatchObject({ type: "departement", nom: "Morbihan" });
    expect(r.territoire("56")?.communes).toHaveLength(249);
    expect(r.territoire("200039022")).toMatchObject({ type: "epci", code: "200039022", nom: "CA Vitré Communauté" });
    expect(r.territoire("200039022")?.communes).toHaveLength(46);
    expect(r.territoire("244400610")?.communes).toHaveLength(3); // Cap Atlantique, Breton part
    expect(r.territoire("35238")).toEqual({ type: "commune", code: "35238", nom: "Rennes", communes: ["35238"] });
  });

  it("resolves former codes to the current commune, and rejects unknown codes", () => {
    expect(r.territoire("29096")).toEqual({ type: "commune", code: "29019", nom: "Brest", communes: ["29019"] });
    for (const code of ["44", "75056", "123456789", "", "5", "2A004"]) expect(r.territoire(code)).toBeUndefined();
  });
});
