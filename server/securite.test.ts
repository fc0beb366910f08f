import { describe, expect, it } from "vitest";
import { entetesSecurite, politiqueContenu } from "./securite";

function entetesPour(chemin: string, styleCarte?: string): { entetes: Map<string, string>; nonce: unknown } {
  const entetes = new Map<string, string>();
  const locals: Record<string, unknown> = {};
  let suite = false;
  entetesSecurite({ styleCarte })({ path: chemin }, { setHeader: (nom: string, valeur: string) => entetes.set(nom, valeur), locals }, () => (suite = true));
  expect(suite).toBe(true);
  return { entetes, nonce: locals.nonce };
}

describe("en-têtes de sécurité", () => {
  it("nosniff partout ; interdit l'affichage dans un cadre d'un autre site, sauf pour /embed", () => {
    const page = entetesPour("/lieux").entetes;
    expect(page.get("X-Content-Type-Options")).toBe("nosniff");
    expect(page.get("Referrer-Policy")).toBe("strict-origin-when-cross-origin");
    expect(page.get("X-Frame-Options")).toBe("SAMEORIGIN");
    expect(page.get("Content-Security-Policy")).toMatch(/; frame-ancestors 'self'$/);
    const embed = entetesPour("/embed").entetes;
    expect(embed.has("X-Frame-Options")).toBe(false);
    expect(embed.get("X-Content-Type-Options")).toBe("nosniff");
    expect(embed.get("Content-Security-Policy")).toMatch(/; frame-ancestors \*$/);
  });

  it("les fichiers construits (/assets/) n'ont que nosniff : une politique n'y gouverne rien", () => {
    const { entetes, nonce } = entetesPour("/assets/entry.client-abc.js");
    expect(entetes.get("X-Content-Type-Options")).toBe("nosniff");
    expect(entetes.has("Content-Security-Policy")).toBe(false);
    expect(entetes.has("X-Frame-Options")).toBe(false);
    expect(nonce).toBeUndefined();
  });

  it("CSP stricte : scripts du site et du nonce de la réponse seulement, un nonce neuf à chaque réponse", () => {
    const a = entetesPour("/");
    const b = entetesPour("/");
    expect(typeof a.nonce).toBe("string");
    expect(String(a.nonce)).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(a.nonce).not.toBe(b.nonce);
    expect(a.entetes.get("Content-Security-Policy")).toBe(
      `default-src 'self'; script-src 'self' 'nonce-${String(a.nonce)}'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; worker-src 'self' blob:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'`,
    );
    expect(a.entetes.get("Content-Security-Policy")).not.toContain("unsafe-eval");
    expect(a.entetes.get("Content-Security-Policy")?.match(/script-src[^;]*/)?.[0]).not.toContain("unsafe-inline");
  });

  it("la carte peut joindre l'origine de MAP_STYLE_URL, et seulement elle", () => {
    const { entetes } = entetesPour("/lieux", "https://tuiles.exemple.fr/styles/bretagne/style.json?cle=1");
    expect(entetes.get("Content-Security-Policy")).toContain("; connect-src 'self' https://tuiles.exemple.fr; ");
    expect(politiqueContenu("n", false, { dev: true })).toContain("; connect-src 'self' ws:; ");
  });
});
