import { describe, expect, it } from "vitest";
import { erreursParametres, z } from "./validation";

describe("erreurs de validation", () => {
  it("en français, une par problème, nommées par le paramètre (sans position dans une liste)", () => {
    const schema = z.object({ n: z.number().min(1), liste: z.array(z.enum(["a", "b"])) });
    const r = schema.safeParse({ n: 0, liste: ["a", "c"] });
    expect(r.success).toBe(false);
    if (r.success) return;
    const erreurs = erreursParametres(r.error);
    expect(erreurs.map((e) => e.parametre)).toEqual(["n", "liste"]);
    expect(erreurs[0]?.message).toMatch(/trop petit/i);
    expect(erreurs[1]?.message).toMatch(/^Option invalide/);
  });

  it("une erreur sans chemin est nommée « * »", () => {
    const r = z.string().safeParse(1);
    expect(r.success ? [] : erreursParametres(r.error)).toEqual([{ parametre: "*", message: expect.any(String) }]);
  });
});
