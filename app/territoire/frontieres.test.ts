import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { cheminFrontieres, lireFrontieres } from "./frontieres.server";
import { chargerReferentiel } from "./referentiel.server";
import { SOURCES_GEOGRAPHIE } from "./sources";

describe("frontières", () => {
  it("serves the shipped TopoJSON with its three layers", () => {
    expect(existsSync(cheminFrontieres())).toBe(true);
    const topo: unknown = JSON.parse(lireFrontieres());
    expect(topo).toMatchObject({ type: "Topology" });
    const objets = typeof topo === "object" && topo !== null && "objects" in topo ? topo.objects : {};
    expect(Object.keys(objets ?? {}).sort()).toEqual(["communes", "departements", "epci"]);
    expect(lireFrontieres()).toBe(lireFrontieres());
  });

  it("has the same communes and EPCI as the référentiel", () => {
    const couche = z.object({ geometries: z.array(z.object({ properties: z.object({ code: z.string() }) })) });
    const topo = z.object({ objects: z.object({ communes: couche, epci: couche }) }).parse(JSON.parse(lireFrontieres()));
    const codes = (c: z.infer<typeof couche>) => c.geometries.map((g) => g.properties.code).sort();
    const r = chargerReferentiel();
    expect(codes(topo.objects.communes)).toEqual(r.communes().map((c) => c.code).sort());
    expect(codes(topo.objects.epci)).toEqual(r.epcis().map((e) => e.code).sort());
  });
});

describe("SOURCES_GEOGRAPHIE", () => {
  it("names a producer, a licence and a vintage for every data set", () => {
    expect(SOURCES_GEOGRAPHIE.length).toBeGreaterThanOrEqual(3);
    for (const source of SOURCES_GEOGRAPHIE) {
      for (const valeur of Object.values(source)) expect(valeur.trim()).not.toBe("");
    }
    expect(SOURCES_GEOGRAPHIE.map((s) => s.millesime).join(" ")).toMatch(/2026/);
  });
});
