import { describe, expect, it } from "vitest";
import { entetesSecurite } from "./securite";

function entetesPour(chemin: string): Map<string, string> {
  const entetes = new Map<string, string>();
  let suite = false;
  entetesSecurite({ path: chemin }, { setHeader: (nom, valeur) => entetes.set(nom, valeur) }, () => (suite = true));
  expect(suite).toBe(true);
  return entetes;
}

describe("en-têtes de sécurité", () => {
  it("interdit l'affichage dans un cadre d'un autre site, sauf pour /embed", () => {
    const page = entetesPour("/lieux");
    expect(page.get("X-Content-Type-Options")).toBe("nosniff");
    expect(page.get("X-Frame-Options")).toBe("SAMEORIGIN");
    expect(page.get("Content-Security-Policy")).toBe("frame-ancestors 'self'");
    const embed = entetesPour("/embed");
    expect(embed.has("X-Frame-Options")).toBe(false);
    expect(embed.get("Content-Security-Policy")).toBe("frame-ancestors *");
  });
});
