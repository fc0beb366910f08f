import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { FichierInutilisable } from "~/lieux/import/fichier";
import { chargerReferentiel } from "~/territoire/referentiel.server";
import { analyserIndicateurs } from "./analyse";
import type { FormatIndicateurs } from "./types";

const referentiel = chargerReferentiel();

function fixture(nom: string): Uint8Array {
  return readFileSync(new URL(`../../../../test/fixtures/indicateurs/${nom}`, import.meta.url));
}

function analyser(nom: string, format: FormatIndicateurs, annee?: number) {
  return analyserIndicateurs(fixture(nom), format, { referentiel, annee });
}

/** "line:field:severity" of every problem, in file order. */
function resume(problemes: readonly { line: number; field: string; severity: string }[]): string[] {
  return problemes.map((p) => `${p.line}:${p.field}:${p.severity}`);
}

describe("format generique", () => {
  const a = analyser("generique.csv", "generique");

  it("compte les lignes acceptées, rejetées et hors de Bretagne", () => {
    expect(a).toMatchObject({ lignes: 17, acceptees: 5, rejetees: 10, horsRegion: 2 });
  });

  it("rattache anciens codes, communes déléguées, IRIS et EPCI, avec virgule décimale et espaces de milliers", () => {
    expect(a.valeurs).toEqual([
      { niveau: "commune", code: "35238", commune: "35238", indicateur: "pop_65_plus", valeur: 37512, annee: 2021, source: "INSEE, recensement de la population 2021" },
      { niveau: "commune", code: "22142", commune: "22093", indicateur: "pop_65_plus", valeur: 812, annee: 2021, source: "INSEE, recensement de la population 2021" },
      { niveau: "commune", code: "22038", commune: "22206", indicateur: "sans_diplome_moins_65", valeur: 154, annee: 2021, source: "ORS Bretagne, d'après le recensement 2021" },
      { niveau: "iris", code: "352380101", commune: "35238", indicateur: "allocataires_rsa", valeur: 63, annee: 2021, source: "CNAF 2021" },
      { niveau: "epci", code: "243500139", commune: null, indicateur: "ifn_total", valeur: 3.61, annee: 2023, source: "Indice de fragilité numérique" },
    ]);
  });

  it("signale chaque problème avec sa ligne et sa colonne, sans une ligne par code hors région", () => {
    expect(resume(a.problemes)).toEqual([
      "3:code_insee:warning",
      "4:code_insee:warning",
      "9:indicateur:error",
      "10:valeur:error",
      "11:annee:error",
      "12:source:error",
      "13:code_insee:error",
      "14:code_insee:error",
      "15:*:error",
      "16:valeur:error",
      "17:code_insee:error",
      "18:valeur:error",
    ]);
    expect(a.problemes[1]?.message).toContain("Châtelaudren-Plouagat (22206)");
    expect(a.problemes[2]?.message).toContain("pop_65_plus, sans_diplome_moins_65");
    expect(a.problemes[8]?.message).toMatch(/Ligne en double : la ligne 2 donne déjà pop_65_plus 2021 pour 35238/);
  });
});

describe("formats INSEE", () => {
  it("base-cc-evol-struct-pop : une valeur par recensement présent (P21, P15), l'année tirée du nom de colonne", () => {
    const a = analyser("base-cc-evol-struct-pop-2021.csv", "insee-population");
    expect(a).toMatchObject({ lignes: 6, acceptees: 3, rejetees: 2, horsRegion: 1 });
    expect(a.valeurs.map((v) => [v.code, v.commune, v.annee, v.valeur])).toEqual([
      ["35238", "35238", 2021, 31502.5],
      ["35238", "35238", 2015, 28780],
      ["22142", "22093", 2021, 389.75],
      ["22142", "22093", 2015, 352],
      ["29019", "29019", 2015, 24918],
    ]);
    expect(a.valeurs.every((v) => v.indicateur === "pop_65_plus" && v.niveau === "commune")).toBe(true);
    expect(a.valeurs[0]?.source).toBe("INSEE, recensement de la population 2021");
    expect(resume(a.problemes)).toEqual(["3:CODGEO:warning", "5:P21_POP65P:warning", "6:P21_POP65P:error", "7:*:error"]);
  });

  it("--annee ne garde qu'un recensement, et refuse une année absente du fichier", () => {
    const a = analyser("base-cc-evol-struct-pop-2021.csv", "insee-population", 2015);
    expect(a).toMatchObject({ acceptees: 4, rejetees: 1 });
    expect(a.valeurs.map((v) => v.valeur)).toEqual([28780, 352, 24918, 11200]);
    expect(() => analyser("base-cc-evol-struct-pop-2021.csv", "insee-population", 2019)).toThrow(/recensement 2019 : années présentes 2021, 2015/);
  });

  it("base-ic-evol-struct-pop : valeurs par IRIS rattachées à la commune actuelle", () => {
    const a = analyser("base-ic-evol-struct-pop-2021.csv", "insee-population");
    expect(a).toMatchObject({ lignes: 6, acceptees: 4, rejetees: 1, horsRegion: 1 });
    expect(a.valeurs.map((v) => [v.niveau, v.code, v.commune, v.valeur])).toEqual([
      ["iris", "352380101", "35238", 402.7],
      ["iris", "352380102", "35238", 350.3],
      ["iris", "220010000", "22001", 158],
      ["iris", "221420000", "22093", 389.75],
    ]);
    expect(resume(a.problemes)).toEqual(["5:IRIS:warning", "7:IRIS:error"]);
    expect(a.problemes[1]?.message).toContain("n'appartient pas à la commune 29019");
  });

  it("base-cc-diplomes-formation : personnes sans diplôme de 15 ans et plus", () => {
    const a = analyser("base-cc-diplomes-formation-2021.csv", "insee-diplomes");
    expect(a).toMatchObject({ lignes: 4, acceptees: 2, rejetees: 1, horsRegion: 1 });
    expect(a.valeurs).toEqual([
      { niveau: "commune", code: "35238", commune: "35238", indicateur: "sans_diplome_15_plus", valeur: 19877.6, annee: 2021, source: "INSEE, recensement de la population 2021" },
      { niveau: "commune", code: "22038", commune: "22206", indicateur: "sans_diplome_15_plus", valeur: 188.4, annee: 2021, source: "INSEE, recensement de la population 2021" },
    ]);
    expect(resume(a.problemes)).toEqual(["3:CODGEO:warning", "5:P21_NSCOL15P_DIPLMIN:error"]);
  });

  it("un fichier sans CODGEO ni IRIS, ou sans la colonne attendue, est inutilisable", () => {
    expect(() => analyser("generique.csv", "insee-population")).toThrow(/CODGEO.*IRIS/);
    expect(() => analyser("base-cc-evol-struct-pop-2021.csv", "insee-diplomes")).toThrow(/Aucune colonne P<aa>_NSCOL15P_DIPLMIN/);
  });
});

describe("format cnaf", () => {
  it("par IRIS : AAH, prime d'activité et RSA ; cases secrètes ignorées avec un avertissement", () => {
    const a = analyser("caf-allocataires-iris.csv", "cnaf", 2021);
    expect(a).toMatchObject({ lignes: 8, acceptees: 5, rejetees: 2, horsRegion: 1 });
    const rennes = (indicateur: string) => a.valeurs.filter((v) => v.commune === "35238" && v.indicateur === indicateur).reduce((s, v) => s + v.valeur, 0);
    expect([rennes("allocataires_aah"), rennes("allocataires_ppa"), rennes("allocataires_rsa")]).toEqual([19 + 12 + 8, 201 + 111 + 131, 63 + 42 + 36]);
    expect(a.valeurs).toHaveLength(9);
    expect(a.valeurs[0]).toEqual({ niveau: "iris", code: "352380101", commune: "35238", indicateur: "allocataires_aah", valeur: 19, annee: 2021, source: "CNAF, allocataires au 31 décembre 2021" });
    expect(resume(a.problemes)).toEqual(["2:note:warning", "6:aaah:warning", "6:appa:warning", "6:arsas:warning", "8:aaah:error", "9:*:error"]);
    expect(a.problemes[0]?.message).toContain("secret statistique (note 3)");
  });

  it("par commune, sans colonne RSA : avertissement sur l'en-tête, le reste est lu", () => {
    const a = analyser("cnaf-communes.csv", "cnaf", 2022);
    expect(a).toMatchObject({ lignes: 4, acceptees: 3, rejetees: 0, horsRegion: 1 });
    expect(a.valeurs.map((v) => [v.code, v.commune, v.indicateur, v.valeur])).toEqual([
      ["29019", "29019", "allocataires_aah", 4512],
      ["29019", "29019", "allocataires_ppa", 9870],
      ["22027", "22241", "allocataires_aah", 4],
      ["22027", "22241", "allocataires_ppa", 11],
      ["56260", "56260", "allocataires_ppa", 2210],
    ]);
    expect(resume(a.problemes)).toEqual(["1:arsas:warning", "3:Codes_Insee:warning", "5:aaah:warning"]);
  });

  it("exige --annee, le fichier n'ayant pas d'année", () => {
    expect(() => analyser("caf-allocataires-iris.csv", "cnaf")).toThrow(FichierInutilisable);
    expect(() => analyser("caf-allocataires-iris.csv", "cnaf")).toThrow(/--annee/);
  });
});

describe("format france-travail", () => {
  it("demandeurs d'emploi A, B, C ; « secret », « n.d. », « <5 » ignorés avec un avertissement", () => {
    const a = analyser("defm-communes.csv", "france-travail", 2024);
    expect(a).toMatchObject({ lignes: 8, acceptees: 5, rejetees: 2, horsRegion: 1 });
    expect(a.valeurs).toEqual([
      { niveau: "commune", code: "35238", commune: "35238", indicateur: "demandeurs_emploi", valeur: 21340, annee: 2024, source: "France Travail – DARES, demandeurs d'emploi A, B, C" },
      { niveau: "commune", code: "22142", commune: "22093", indicateur: "demandeurs_emploi", valeur: 41, annee: 2024, source: "France Travail – DARES, demandeurs d'emploi A, B, C" },
    ]);
    expect(resume(a.problemes)).toEqual(["3:Code commune:warning", "5:DEABC:warning", "6:DEABC:warning", "7:DEABC:warning", "8:DEABC:error", "9:*:error"]);
  });

  it("prend l'année dans la colonne annee quand elle existe", () => {
    const a = analyser("defm-communes-annees.csv", "france-travail");
    expect(a).toMatchObject({ acceptees: 2, rejetees: 1 });
    expect(a.valeurs.map((v) => [v.annee, v.valeur])).toEqual([
      [2023, 20980],
      [2024, 21340],
    ]);
    expect(resume(a.problemes)).toEqual(["4:annee:error"]);
  });

  it("sans année ni colonne reconnue, le fichier est inutilisable et le message nomme les colonnes acceptées", () => {
    expect(() => analyser("defm-communes.csv", "france-travail")).toThrow(/--annee/);
    expect(() => analyser("ifn-epci.csv", "france-travail", 2024)).toThrow(
      /codgeo, code_commune, code commune, depcom, code_insee.*defm_abc, abc, nb_abc, categorie_abc, deabc/,
    );
  });
});

describe("format ifn", () => {
  it("communes : six scores de 0 à 10 par ligne ; hors échelle, division inconnue et doublon rejetés", () => {
    const a = analyser("ifn-communes.csv", "ifn", 2023);
    expect(a).toMatchObject({ lignes: 7, acceptees: 3, rejetees: 3, horsRegion: 1 });
    expect(a.valeurs).toHaveLength(18);
    expect(a.valeurs.filter((v) => v.code === "35238").map((v) => [v.indicateur, v.valeur])).toEqual([
      ["ifn_no_thd", 2],
      ["ifn_no_4g", 5],
      ["ifn_pauvrete", 6.989199792356706],
      ["ifn_65_plus", 2.9891446658183303],
      ["ifn_sans_diplome", 1.872708229014016],
      ["ifn_total", 3.7702105374378108],
    ]);
    expect(a.valeurs.find((v) => v.code === "22027")).toMatchObject({ niveau: "commune", commune: "22241", annee: 2023, source: "Indice de fragilité numérique (France Numérique Ensemble)" });
    expect(resume(a.problemes)).toEqual(["3:code:warning", "6:total:error", "7:division:error", "8:*:error"]);
    expect(a.problemes[1]?.message).toMatch(/de 0 à 10/);
  });

  it("EPCI : un score absent est ignoré avec un avertissement", () => {
    const a = analyser("ifn-epci.csv", "ifn", 2023);
    expect(a).toMatchObject({ lignes: 3, acceptees: 2, rejetees: 0, horsRegion: 1 });
    expect(a.valeurs).toHaveLength(11);
    expect(a.valeurs.every((v) => v.niveau === "epci" && v.commune === null)).toBe(true);
    expect(resume(a.problemes)).toEqual(["3:total:warning"]);
  });

  it("exige --annee", () => {
    expect(() => analyser("ifn-communes.csv", "ifn")).toThrow(/--annee/);
  });
});

describe("fichiers inutilisables", () => {
  const octets = (texte: string) => new TextEncoder().encode(texte);
  it("générique : nomme les colonnes manquantes", () => {
    expect(() => analyserIndicateurs(octets("code_insee,valeur\n35238,1\n"), "generique", { referentiel, annee: undefined })).toThrow(
      /Colonnes obligatoires absentes de l'en-tête : indicateur, annee, source/,
    );
  });
  it("refuse un fichier vide ou en Latin-1", () => {
    expect(() => analyserIndicateurs(new Uint8Array(), "generique", { referentiel, annee: undefined })).toThrow(/vide/);
    const latin1 = Uint8Array.from(Array.from("code_insee;indicateur;valeur;annee;source\n35238;pop_65_plus;1;2021;Décompte\n", (c) => c.charCodeAt(0) & 0xff));
    expect(() => analyserIndicateurs(latin1, "generique", { referentiel, annee: undefined })).toThrow(/Latin-1/);
  });
  it("accepte BOM et fins de ligne CRLF", () => {
    const a = analyserIndicateurs(octets("\uFEFFcode_insee,indicateur,valeur,annee,source\r\n35238,pop_65_plus,1,2021,X\r\n"), "generique", { referentiel, annee: undefined });
    expect(a).toMatchObject({ lignes: 1, acceptees: 1 });
  });
});
