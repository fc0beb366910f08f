import { describe, expect, it } from "vitest";
import { referentiel } from "../../../test/aide/lieux";
import type { ValeurLue } from "./entrees";
import { composante, mesure } from "./mesures";
import { indexerValeurs } from "./valeurs";

const v = (x: Partial<ValeurLue> & Pick<ValeurLue, "niveau" | "code" | "indicateur" | "valeur">): ValeurLue => ({
  commune: null,
  annee: 2021,
  source: "CNAF, allocataires au 31 décembre 2021",
  ...x,
});

describe("valeurs par commune", () => {
  it("somme les IRIS d'une commune ; une valeur communale de la même année l'emporte ; la dernière année est gardée", () => {
    const i = indexerValeurs(
      [
        // Rennes: two IRIS, 2021 → 120 + 35 = 155.
        v({ niveau: "iris", code: "352380101", commune: "35238", indicateur: "allocataires_rsa", valeur: 120 }),
        v({ niveau: "iris", code: "352380102", commune: "35238", indicateur: "allocataires_rsa", valeur: 35 }),
        // Brest: IRIS 10 + 20, but the commune's own 2021 value (40) wins.
        v({ niveau: "iris", code: "290190101", commune: "29019", indicateur: "allocataires_rsa", valeur: 10 }),
        v({ niveau: "iris", code: "290190102", commune: "29019", indicateur: "allocataires_rsa", valeur: 20 }),
        v({ niveau: "commune", code: "29019", commune: "29019", indicateur: "allocataires_rsa", valeur: 40 }),
        // Quimper: commune value 2020, IRIS 2022 → the 2022 sum (7 + 8) is the latest.
        v({ niveau: "commune", code: "29232", commune: "29232", indicateur: "allocataires_rsa", valeur: 99, annee: 2020 }),
        v({ niveau: "iris", code: "292320101", commune: "29232", indicateur: "allocataires_rsa", valeur: 7, annee: 2022 }),
        v({ niveau: "iris", code: "292320102", commune: "29232", indicateur: "allocataires_rsa", valeur: 8, annee: 2022 }),
      ],
      referentiel,
    );
    expect(i.communes.get("35238")?.get("allocataires_rsa")).toMatchObject({ valeur: 155, annee: 2021, depuisIris: true });
    expect(i.communes.get("29019")?.get("allocataires_rsa")).toMatchObject({ valeur: 40, annee: 2021, depuisIris: false });
    expect(i.communes.get("29232")?.get("allocataires_rsa")).toMatchObject({ valeur: 15, annee: 2022, depuisIris: true });
  });

  it("les anciennes communes s'additionnent dans la commune actuelle ; les scores ne s'additionnent pas", () => {
    const i = indexerValeurs(
      [
        // Le Mené (22046) published under two of its former codes.
        v({ niveau: "commune", code: "22066", commune: "22046", indicateur: "pop_65_plus", valeur: 300 }),
        v({ niveau: "commune", code: "22102", commune: "22046", indicateur: "pop_65_plus", valeur: 200 }),
        // A `commune` column holding a former code is mapped too.
        v({ niveau: "commune", code: "22191", commune: "22191", indicateur: "pop_65_plus", valeur: 50 }),
        v({ niveau: "commune", code: "22046", commune: "22046", indicateur: "ifn_total", valeur: 6.5, source: "IFN" }),
        v({ niveau: "commune", code: "22066", commune: "22046", indicateur: "ifn_total", valeur: 9, source: "IFN" }),
        v({ niveau: "epci", code: "243500139", indicateur: "ifn_total", valeur: 3.6, source: "IFN" }),
        // An IRIS score is not a commune's.
        v({ niveau: "iris", code: "352380101", commune: "35238", indicateur: "ifn_total", valeur: 8, source: "IFN" }),
      ],
      referentiel,
    );
    expect(i.communes.get("22046")?.get("pop_65_plus")?.valeur).toBe(550);
    expect(i.communes.get("22046")?.get("ifn_total")?.valeur).toBe(6.5);
    expect(i.epcis.get("243500139")?.get("ifn_total")?.valeur).toBe(3.6);
    expect(i.communes.get("35238")?.get("ifn_total")).toBeUndefined();
  });
});

describe("composantes et mesures", () => {
  const i = indexerValeurs(
    [
      v({ niveau: "iris", code: "352380101", commune: "35238", indicateur: "allocataires_rsa", valeur: 100 }),
      v({ niveau: "iris", code: "352380102", commune: "35238", indicateur: "allocataires_rsa", valeur: 50 }),
      v({ niveau: "commune", code: "35238", commune: "35238", indicateur: "allocataires_ppa", valeur: 300 }),
      v({ niveau: "commune", code: "35238", commune: "35238", indicateur: "allocataires_aah", valeur: 40 }),
    ],
    referentiel,
  );

  it("couverture partielle : nombre null, nombre_partiel = ce qui est connu, et pourquoi", () => {
    const rennesMetropole = referentiel.epci("243500139")?.communes ?? [];
    expect(rennesMetropole).toHaveLength(43);
    const c = composante("allocataires_rsa", rennesMetropole, i);
    expect(c).toMatchObject({ nombre: null, nombre_partiel: 150, communes_connues: 1, communes: 43, annee: 2021 });
    expect(c.raison).toBe("Connu pour 1 commune sur 43 (CNAF, allocataires au 31 décembre 2021 : seules les communes découpées en IRIS sont publiées).");
    expect(composante("allocataires_rsa", ["35024"], i).raison).toMatch(/^Non publié pour cette commune : la source « CNAF, allocataires au 31 décembre 2021 » ne donne de valeur que pour 1 commune de la région/);
  });

  it("une mesure dont une donnée manque est null et nomme la donnée manquante", () => {
    const composantes = (["allocataires_rsa", "allocataires_ppa", "allocataires_aah", "demandeurs_emploi"] as const).map((x) => composante(x, ["35238"], i));
    const m = mesure("exposition", composantes, 230_890);
    expect(m.nombre).toBeNull();
    expect(m.taux).toBeNull();
    expect(m.raison).toBe("Non calculée, faute de : « Demandeurs d'emploi inscrits à France Travail (catégories A, B, C) » (donnée non importée).");
    expect(composantes[3]?.raison).toMatch(/^Donnée non importée : importer le fichier France Travail – DARES des demandeurs d'emploi/);
    expect(composantes.slice(0, 3).map((c) => c.nombre)).toEqual([150, 300, 40]);
  });

  it("toutes les données connues : nombre = somme, taux = nombre / population", () => {
    const composantes = (["allocataires_rsa", "allocataires_ppa", "allocataires_aah"] as const).map((x) => composante(x, ["35238"], i));
    const m = mesure("exposition", composantes, 1000);
    expect(m).toMatchObject({ nombre: 490, taux: 0.49, annee: 2021, source: "CNAF, allocataires au 31 décembre 2021", raison: null });
  });
});
