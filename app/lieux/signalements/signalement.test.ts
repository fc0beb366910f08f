import { describe, expect, it } from "vitest";
import { CHAMP_PIEGE, lireSignalement } from "./signalement";

function formulaire(champs: Record<string, string | string[]>): FormData {
  const f = new FormData();
  for (const [cle, valeur] of Object.entries(champs)) for (const v of Array.isArray(valeur) ? valeur : [valeur]) f.append(cle, v);
  return f;
}

describe("lecture du formulaire « Signaler une erreur »", () => {
  it("accepte des catégories, un message et un courriel facultatif", () => {
    const r = lireSignalement(formulaire({ categories: ["horaires", "n_existe_plus"], message: "  Fermé depuis mars.\r\n ", courriel: "", [CHAMP_PIEGE]: "" }));
    expect(r).toEqual({ ok: true, signalement: { categories: ["horaires", "n_existe_plus"], message: "Fermé depuis mars.", courriel: "", piege: "" } });
  });
  it("un message seul suffit", () => {
    expect(lireSignalement(formulaire({ message: "Le numéro a changé." })).ok).toBe(true);
  });
  it("refuse un signalement vide, en français", () => {
    expect(lireSignalement(formulaire({ message: "   " }))).toEqual({ ok: false, erreurs: { categories: "Cochez ce qui est faux ou décrivez l'erreur." } });
  });
  it("refuse une catégorie inconnue, un message trop long et un courriel invalide", () => {
    const r = lireSignalement(formulaire({ categories: ["horaires", "pirate"], message: "x".repeat(2001), courriel: "pas-un-courriel" }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.erreurs.categories).toBe("Catégorie inconnue.");
    expect(r.erreurs.message).toContain("2000 caractères");
    expect(r.erreurs.courriel).toContain("n'est pas valide");
  });
  it("accepte exactement 2000 caractères", () => {
    expect(lireSignalement(formulaire({ message: "é".repeat(2000) })).ok).toBe(true);
  });
});
