import { describe, expect, it } from "vitest";
import { cheminDeRetour } from "./retour";

describe("cheminDeRetour", () => {
  it("garde un chemin de ce site, avec sa requête et son ancre", () => {
    expect(cheminDeRetour("/lieux?commune=29019&page=2#resultats")).toBe("/lieux?commune=29019&page=2#resultats");
    expect(cheminDeRetour("/admin/courriels")).toBe("/admin/courriels");
  });

  it("refuse tout ce qui mène ailleurs, et les pages de connexion elles-mêmes", () => {
    for (const v of ["https://evil.example/", "//evil.example/x", "/\\evil.example", "\\\\evil.example", "javascript:alert(1)", "lieux", "/\tx", "", null, 42, "/connexion", "/connexion/lien?jeton=x", "/deconnexion"]) {
      expect(cheminDeRetour(v)).toBe("/compte");
    }
  });
});
