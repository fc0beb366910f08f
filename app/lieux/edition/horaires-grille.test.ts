import { describe, expect, it } from "vitest";
import { horaires } from "../standard/valeurs/horaires";
import { depuisHoraires, enMots, grilleDuFormulaire, grilleVide, versHoraires, type Grille } from "./horaires-grille";

const matin = { debut: "09:00", fin: "12:00" };
const apresMidi = { debut: "14:00", fin: "18:00" };

describe("grille des horaires ↔ opening_hours", () => {
  const g: Grille = { jours: [[matin, apresMidi], [matin, apresMidi], [matin, apresMidi], [matin, apresMidi], [matin, apresMidi], [matin], []], fermetures: ["2099-12-24"], fermeJoursFeries: true };

  it("regroupe les jours identiques qui se suivent et ajoute fermetures et jours fériés", () => {
    const s = versHoraires(g);
    expect(s).toBe("Mo-Fr 09:00-12:00,14:00-18:00; Sa 09:00-12:00; 2099 Dec 24 off; PH off");
    // The library reads it without any correction.
    expect(horaires(s)).toEqual({ ok: true, valeur: s });
  });

  it("relit la chaîne en la même grille (aller-retour)", () => {
    expect(depuisHoraires(versHoraires(g))).toEqual(g);
    expect(depuisHoraires("Mo,We 10:00-12:00")).toEqual({ ...grilleVide(), jours: [[{ debut: "10:00", fin: "12:00" }], [], [{ debut: "10:00", fin: "12:00" }], [], [], [], []] });
    expect(versHoraires(grilleVide())).toBe("");
  });

  it("laisse au mode expert ce que la grille ne sait pas montrer", () => {
    expect(depuisHoraires("Mo-Fr 09:00-12:00; We off")).toBeNull();
    expect(depuisHoraires("Mo 08:00-10:00,11:00-12:00,14:00-16:00")).toBeNull();
    expect(depuisHoraires("Mo-Fr 09:00-18:00 || \"sur rendez-vous\"")).toBeNull();
    expect(depuisHoraires("Mo 09:00-12:00; Mo 14:00-16:00")).toBeNull();
  });

  it("décrit les horaires en mots", () => {
    expect(enMots(g)).toBe("Du lundi au vendredi : 9 h – 12 h et 14 h – 18 h. Samedi : 9 h – 12 h. Fermé le 24 décembre 2099. Fermé les jours fériés.");
    expect(enMots({ ...grilleVide(), jours: [[], [], [], [], [{ debut: "13:30", fin: "17:00" }], [{ debut: "13:30", fin: "17:00" }], []] })).toBe("Vendredi et samedi : 13 h 30 – 17 h.");
    expect(enMots(grilleVide())).toBe("Aucun horaire d'ouverture indiqué.");
  });

  it("lit la grille postée et nomme le jour d'une plage incomplète", () => {
    const champs: Record<string, string> = { h_0_1_debut: "09:00", h_0_1_fin: "12:00", h_2_1_debut: "14:00", h_2_1_fin: "", h_fermetures: "2025-12-24\n25/12", h_feries: "on" };
    const { grille, erreurs } = grilleDuFormulaire((n) => champs[n] ?? "");
    expect(versHoraires(grille)).toBe("Mo 09:00-12:00; 2025 Dec 24 off; PH off");
    expect(erreurs).toEqual([
      "mercredi, plage 1 : indiquez une heure de début et une heure de fin plus tardive (par exemple 09:00 et 12:00).",
      "Date de fermeture « 25/12 » : écrivez-la sous la forme AAAA-MM-JJ (par exemple 2025-12-24).",
    ]);
  });
});
