import { describe, expect, it } from "vitest";
import { url } from "./url";

describe("url", () => {
  it("keeps an http or https address as written", () => {
    expect(url("https://www.laquincaillerie.tl/")).toEqual({ ok: true, valeur: "https://www.laquincaillerie.tl/" });
    expect(url("http://mediatheque.lannion.fr/epn?x=1")).toEqual({ ok: true, valeur: "http://mediatheque.lannion.fr/epn?x=1" });
  });

  it("adds https:// to a bare www. address, with a warning", () => {
    expect(url("www.rennes.fr")).toMatchObject({ ok: true, valeur: "https://www.rennes.fr", avertissement: expect.stringMatching(/https:\/\//) });
  });

  it("rejects other protocols, spaces, and addresses without a domain", () => {
    for (const brut of ["ftp://rennes.fr", "javascript:alert(1)", "mailto:a@b.fr", "https://www.rennes .fr", "rennes", "https://localhost/", "voir site"]) {
      expect(url(brut).ok, brut).toBe(false);
    }
  });
});
