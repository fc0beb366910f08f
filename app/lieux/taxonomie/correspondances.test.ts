import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  DISPOSITIFS_PROGRAMMES_NATIONAUX,
  FRAIS_A_CHARGE,
  MODALITES_ACCES as MODALITES_ACCES_STANDARD,
  MODALITES_ACCOMPAGNEMENT as MODALITES_ACCOMPAGNEMENT_STANDARD,
  PUBLICS_SPECIFIQUEMENT_ADRESSES,
  SERVICES as SERVICES_STANDARD,
  TYPOLOGIES as TYPOLOGIES_STANDARD,
  FORMATIONS_LABELS as FORMATIONS_LABELS_STANDARD,
} from "../standard/enumerations";
import {
  DISPOSITIFS,
  FORMATIONS_LABELS,
  FRAIS,
  MODALITES_ACCES,
  MODALITES_ACCOMPAGNEMENT,
  PUBLIC_PAR_DEFAUT,
  PUBLICS,
  SERVICES,
  SERVICES_DI,
  THEMES_CRA,
  TYPOLOGIES,
} from "./correspondances";
import {
  FRAIS_DI,
  MODES_ACCUEIL_DI,
  MODES_MOBILISATION_DI,
  PERSONNES_MOBILISATRICES_DI,
  PUBLICS_DI,
  RESEAUX_PORTEURS_DI,
  THEMATIQUES_DI,
  TYPES_DE_SERVICES_DI,
} from "./vocabulaires-data-inclusion";

const DOSSIER = fileURLToPath(new URL("../../../reference-data/schemas/data-inclusion-v1/", import.meta.url));

/** The `value`s of one shipped vocabulary file. */
function vocabulaire(fichier: string): Set<string> {
  const contenu: unknown = JSON.parse(readFileSync(`${DOSSIER}${fichier}.json`, "utf8"));
  if (!Array.isArray(contenu)) throw new Error(`${fichier}.json : tableau attendu`);
  return new Set(contenu.map((e: unknown) => (typeof e === "object" && e !== null && "value" in e ? String(e.value) : "")));
}

const triees = (valeurs: Iterable<string>): string[] => [...valeurs].sort();

describe("vocabulaires data·inclusion recopiés en TypeScript", () => {
  it.each([
    ["frais", FRAIS_DI],
    ["modes-accueil", MODES_ACCUEIL_DI],
    ["modes-mobilisation", MODES_MOBILISATION_DI],
    ["personnes-mobilisatrices", PERSONNES_MOBILISATRICES_DI],
    ["publics", PUBLICS_DI],
    ["types-de-services", TYPES_DE_SERVICES_DI],
  ])("%s : identique au fichier", (fichier, valeurs) => {
    expect(triees(valeurs)).toEqual(triees(vocabulaire(fichier)));
  });

  it.each([
    ["thematiques", THEMATIQUES_DI],
    ["reseaux-porteurs", RESEAUX_PORTEURS_DI],
  ])("%s : chaque valeur existe dans le fichier", (fichier, valeurs) => {
    const connu = vocabulaire(fichier);
    expect(valeurs.filter((v) => !connu.has(v))).toEqual([]);
  });
});

describe("correspondances : chaque valeur cible existe dans le vocabulaire livré", () => {
  const thematiques = vocabulaire("thematiques");
  const reseaux = vocabulaire("reseaux-porteurs");

  it("services → thématiques", () => {
    const cibles = Object.values(SERVICES).flatMap((s) => s.thematiques);
    expect(cibles.filter((t) => !thematiques.has(t))).toEqual([]);
    for (const s of Object.values(SERVICES)) expect(s.thematiques.length).toBeGreaterThan(0);
  });

  it("groupes → types de services", () => {
    const types = vocabulaire("types-de-services");
    expect(Object.values(SERVICES_DI).filter((s) => !types.has(s.type))).toEqual([]);
  });

  it("frais, publics", () => {
    const frais = vocabulaire("frais");
    const publics = vocabulaire("publics");
    expect(Object.values(FRAIS).filter((f) => !frais.has(f))).toEqual([]);
    expect([...Object.values(PUBLICS), PUBLIC_PAR_DEFAUT].filter((p) => !publics.has(p))).toEqual([]);
  });

  it("dispositifs, labels, typologies → réseaux porteurs", () => {
    const cibles = [...Object.values(DISPOSITIFS), ...Object.values(FORMATIONS_LABELS), ...Object.values(TYPOLOGIES)];
    expect(cibles.filter((r) => r !== null && r !== undefined && !reseaux.has(r))).toEqual([]);
  });

  it("modalités d'accès → modes de mobilisation et personnes mobilisatrices ; accompagnement → modes d'accueil", () => {
    const modes = vocabulaire("modes-mobilisation");
    const personnes = vocabulaire("personnes-mobilisatrices");
    const accueil = vocabulaire("modes-accueil");
    const acces = Object.values(MODALITES_ACCES).filter((m) => m !== null);
    expect(acces.filter((m) => !modes.has(m.mode))).toEqual([]);
    expect(acces.flatMap((m) => m.par).filter((p) => !personnes.has(p))).toEqual([]);
    expect(Object.values(MODALITES_ACCOMPAGNEMENT).filter((m) => !accueil.has(m.accueil))).toEqual([]);
  });
});

describe("correspondances : couverture des valeurs du standard", () => {
  it.each([
    ["services", SERVICES, SERVICES_STANDARD],
    ["frais_a_charge", FRAIS, FRAIS_A_CHARGE],
    ["publics_specifiquement_adresses", PUBLICS, PUBLICS_SPECIFIQUEMENT_ADRESSES],
    ["dispositif_programmes_nationaux", DISPOSITIFS, DISPOSITIFS_PROGRAMMES_NATIONAUX],
    ["modalites_acces", MODALITES_ACCES, MODALITES_ACCES_STANDARD],
    ["modalites_accompagnement", MODALITES_ACCOMPAGNEMENT, MODALITES_ACCOMPAGNEMENT_STANDARD],
  ])("%s : exactement les valeurs de l'énumération", (_, table, enumeration) => {
    expect(triees(Object.keys(table))).toEqual(triees(enumeration));
  });

  it("labels et typologies : des valeurs du standard", () => {
    const labels: readonly string[] = FORMATIONS_LABELS_STANDARD;
    const typologies: readonly string[] = TYPOLOGIES_STANDARD;
    expect(Object.keys(FORMATIONS_LABELS).filter((l) => !labels.includes(l))).toEqual([]);
    expect(Object.keys(TYPOLOGIES).filter((t) => !typologies.includes(t))).toEqual([]);
  });

  it("chaque thème CRA appartient à un seul service du standard", () => {
    expect(new Set(THEMES_CRA).size).toBe(30);
    const vus = Object.values(SERVICES).flatMap((s) => s.cra);
    expect(triees(vus)).toEqual(triees(THEMES_CRA));
  });
});
