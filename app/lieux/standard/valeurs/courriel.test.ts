import { describe, expect, it } from "vitest";
import { courriel } from "./courriel";

describe("courriel", () => {
  it("accepts ordinary addresses and lower-cases only the domain", () => {
    expect(courriel("contact@laquincaillerie.tl")).toEqual({ ok: true, valeur: "contact@laquincaillerie.tl" });
    expect(courriel(" Jean.Dupont@Mairie-Rennes.FR ")).toEqual({ ok: true, valeur: "Jean.Dupont@mairie-rennes.fr" });
    expect(courriel("accueil+epn@cc-lamballe.bzh")).toMatchObject({ ok: true });
  });

  it("removes mailto: and accepts accented (IDN) domains", () => {
    expect(courriel("mailto:epn@médiathèque.fr")).toEqual({ ok: true, valeur: "epn@médiathèque.fr" });
  });

  it("rejects addresses without @, with spaces, double dots or no TLD", () => {
    for (const brut of ["contact", "contact@", "@mairie.fr", "jean dupont@mairie.fr", "jean..dupont@mairie.fr", "contact@mairie", "contact@mairie.f", "a@b@"]) {
      expect(courriel(brut).ok, brut).toBe(false);
    }
    const r = courriel("contact@mairie");
    expect(!r.ok && r.message).toMatch(/nom@domaine\.fr/);
  });
});
