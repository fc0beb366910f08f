import { describe, expect, it } from "vitest";
import { choixFaits, relachements } from "./choix";
import { champsCaches, lienVue, lireParcours } from "./parcours";

const p = (q: string) => lireParcours(new URLSearchParams(q));
const DEMARCHES = "Aide aux démarches administratives";

describe("le questionnaire lu depuis l'adresse", () => {
  it("commence à l'étape 1, avec 30 km par défaut", () => {
    const r = p("");
    expect(r.vue).toBe(1);
    expect(r.criteres.rayon_km).toBe(30);
    expect(r.erreurs).toEqual([]);
  });

  it("va à l'étape demandée quand les réponses d'avant sont là", () => {
    const r = p(`services=${encodeURIComponent(DEMARCHES)}&ou=Brest&etape=3`);
    expect(r.vue).toBe(3);
    expect(r.criteres.services).toEqual([DEMARCHES]);
    expect(r.criteres.ou).toBe("Brest");
  });

  it("revient à l'étape 1 avec une erreur liée au champ quand aucun besoin n'est coché", () => {
    const r = p("etape=2");
    expect(r.vue).toBe(1);
    expect(r.erreurs).toEqual([{ champ: "services", message: "Choisissez au moins un besoin." }]);
  });

  it("demande un lieu à l'étape 2 avant d'aller plus loin", () => {
    const r = p(`services=${encodeURIComponent(DEMARCHES)}&etape=3`);
    expect(r.vue).toBe(2);
    expect(r.erreurs[0]?.champ).toBe("ou");
  });

  it("« autour de moi » et une commune s'excluent : la commune tapée l'emporte", () => {
    const r = p(`services=${encodeURIComponent(DEMARCHES)}&ou=Vannes&lat=48.1&lon=-1.6&etape=3`);
    expect(r.criteres.lat).toBeUndefined();
    expect(r.criteres.ou).toBe("Vannes");
    const autour = p(`services=${encodeURIComponent(DEMARCHES)}&ou=&lat=48.1&lon=-1.6&etape=3`);
    expect(autour.vue).toBe(3);
    expect(autour.criteres.lat).toBe(48.1);
  });

  it("l'étape 4 traduit le choix « quand » en critères, et remplace les anciens", () => {
    const base = `services=${encodeURIComponent(DEMARCHES)}&ou=Brest&etape=resultats`;
    expect(p(`${base}&quand=soir&ouvert_maintenant=1`).criteres).toMatchObject({ soir: true, ouvert_maintenant: false });
    expect(p(`${base}&quand=jour&jour=mardi&heure=14:30`).criteres).toMatchObject({ jour: "mardi", heure: "14:30" });
    const maintenant = p(`${base}&quand=maintenant&jour=mardi`).criteres;
    expect(maintenant.ouvert_maintenant).toBe(true);
    expect(maintenant.jour).toBeUndefined();
    expect(p(`${base}&quand=soir`).quand).toBe("soir");
    const sansJour = p(`${base}&quand=jour`);
    expect(sansJour.vue).toBe(4);
    expect(sansJour.quand).toBe("jour");
    expect(sansJour.erreurs[0]?.champ).toBe("jour");
  });

  it("une valeur invalide est écartée et signalée sur son étape", () => {
    const r = p(`services=${encodeURIComponent(DEMARCHES)}&ou=Brest&heure=25:99&etape=resultats`);
    expect(r.vue).toBe(4);
    expect(r.erreurs[0]?.champ).toBe("heure");
    expect(r.criteres.heure).toBeUndefined();
  });

  it("les liens « Retour » et les champs cachés gardent toutes les réponses", () => {
    const r = p(`services=${encodeURIComponent(DEMARCHES)}&ou=Brest&rayon_km=50&rendez_vous=sans&etape=3`);
    const retour = new URL(lienVue(r.criteres, 2), "http://x").searchParams;
    expect(retour.get("etape")).toBe("2");
    expect(retour.get("rendez_vous")).toBe("sans");
    expect(retour.get("rayon_km")).toBe("50");
    const caches = champsCaches(r.criteres, 3);
    expect(caches).toContainEqual(["services", DEMARCHES]);
    expect(caches).toContainEqual(["ou", "Brest"]);
    expect(caches.map(([c]) => c)).not.toContain("rendez_vous");
    expect(lienVue(r.criteres, 1)).not.toContain("etape=");
  });
});

describe("annuler une réponse et sortir de zéro résultat", () => {
  const c = p(`services=${encodeURIComponent(DEMARCHES)}&ou=Brest&rendez_vous=sans&prise_en_charge=Surdité&quand=week_end&etape=resultats`).criteres;

  it("chaque réponse donnée peut être retirée", () => {
    const choix = choixFaits(c);
    expect(choix.map((x) => x.libelle)).toEqual(["Faire une démarche en ligne", "Je suis sourd ou malentendant", "Sans rendez-vous", "Ouvert le week-end"]);
    expect(choix.find((x) => x.libelle === "Sans rendez-vous")?.sans.rendez_vous).toBeUndefined();
    expect(choix.find((x) => x.libelle === "Ouvert le week-end")?.sans.week_end).toBe(false);
  });

  it("propose d'enlever une réponse ou d'aller plus loin, jamais d'enlever le seul besoin", () => {
    const r = relachements(c).map((x) => x.libelle);
    expect(r).not.toContain("Enlever « Faire une démarche en ligne »");
    expect(r).toContain("Enlever « Sans rendez-vous »");
    expect(r).toContain("Chercher jusqu'à 50 km");
  });
});
