import { Service } from "@gouvfr-anct/lieux-de-mediation-numerique";
import { describe, expect, it } from "vitest";
import { SERVICES } from "~/lieux/standard/enumerations";
import { A_APPORTER, aApporter } from "./a-apporter";

describe("ce qu'il faut apporter", () => {
  it("chaque service a sa liste, et chaque objet dit pourquoi", () => {
    for (const s of SERVICES) {
      expect(A_APPORTER[s].length).toBeGreaterThan(0);
      for (const o of A_APPORTER[s]) expect(o.pourquoi.length).toBeGreaterThan(10);
    }
  });

  it("pour une démarche : identifiants, pièce d'identité, téléphone, courriers", () => {
    const objets = aApporter([Service.AideAuxDemarchesAdministratives]).map((o) => o.objet);
    expect(objets.some((o) => /identifiants et mots de passe.*allocataire CAF.*numéro fiscal/.test(o))).toBe(true);
    expect(objets.some((o) => /pièce d'identité/.test(o))).toBe(true);
    expect(objets.some((o) => /téléphone portable/.test(o))).toBe(true);
    expect(objets.some((o) => /courriers reçus/.test(o))).toBe(true);
  });

  it("plusieurs besoins : chaque objet une seule fois", () => {
    const objets = aApporter([Service.AideAuxDemarchesAdministratives, Service.AccesInternetEtMaterielInformatique]).map((o) => o.objet);
    expect(new Set(objets).size).toBe(objets.length);
    expect(objets.some((o) => /imprimer ou à scanner/.test(o))).toBe(true);
  });

  it("sans besoin connu : l'essentiel", () => {
    expect(aApporter([]).length).toBe(3);
    expect(aApporter(["inconnu"]).length).toBe(3);
  });
});
