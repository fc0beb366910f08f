import { describe, expect, it } from "vitest";
import { cnfs2022 } from "./cnfs-2022";
import { convertirFichier } from "./sources-test-utils";

describe("adaptateur cnfs-2022 sur le fichier livré", () => {
  const convertis = convertirFichier("cnfs-2022");

  it("lit les 311 lieux, sans problème, tous marqués Conseillers numériques", () => {
    expect(convertis).toHaveLength(311);
    expect(convertis.flatMap((c) => c.problemes)).toEqual([]);
    for (const { brut } of convertis) {
      expect(brut.dispositif_programmes_nationaux?.split("|")).toContain("Conseillers numériques");
      expect(brut.source).toBe("conseiller-numerique");
      expect(brut.code_insee).toBeUndefined();
      expect(Object.keys(brut)).not.toContain("nombre_aidants");
    }
  });

  it("convertit le premier lieu champ par champ", () => {
    expect(convertis[0]?.ligne).toBe(2);
    expect(convertis[0]?.brut).toEqual({
      id: "6267db2d3a929e0790b16905",
      pivot: "20007284100014",
      nom: "SIVOM DU PAYS GLAZIK",
      commune: "BRIEC",
      code_postal: "29510",
      adresse: "PL DE RUTHIN",
      latitude: "48.0901",
      longitude: "-4.0091",
      telephone: "+33298577091",
      courriels: "accueil@glazik.bzh",
      site_web: "https://www.glazik.bzh",
      horaires: "Mo-Fr 08:30-12:00,13:30-17:30",
      date_maj: "2022-04-26",
      services:
        "Prendre en main un smartphone ou une tablette;Prendre en main un ordinateur;Utiliser le numérique au quotidien;Approfondir ma culture numérique",
      frais_a_charge: "Gratuit",
      dispositif_programmes_nationaux: "Conseillers numériques",
      source: "conseiller-numerique",
    });
  });

  it("garde la prise de rendez-vous en ligne (ligne 7)", () => {
    const bubry = convertis.find((c) => c.ligne === 7)?.brut;
    expect(bubry?.nom).toBe("COMMUNE DE BUBRY");
    expect(bubry?.prise_rdv).toBe("https://www.rdv-aide-numerique.fr/org/2981");
    expect(bubry?.courriels).toBe("accueil.bubry@gmail.com");
    expect(bubry?.horaires).toBe("Mo-Fr 09:00-12:00,14:00-17:00; Th,Sa 09:00-12:00");
  });

  it("répartit les labels nationaux v0.1 (ligne 64 : CNFS;Aidants Connect;France Services)", () => {
    const loudeac = convertis.find((c) => c.ligne === 64)?.brut;
    expect(loudeac?.dispositif_programmes_nationaux).toBe("Conseillers numériques|Aidants Connect|France Services");
    expect(loudeac?.autres_formations_labels).toBeUndefined();
  });

  it("laisse absents les champs vides (ligne 36 : ni téléphone ni horaires)", () => {
    const brut = convertis.find((c) => c.ligne === 36)?.brut;
    expect(brut?.telephone).toBeUndefined();
    expect(brut?.horaires).toBeUndefined();
    expect(brut?.courriels).toBeUndefined();
  });
});

describe("adaptateur cnfs-2022 : règles de correspondance", () => {
  it("replie Pass numérique et adhésion sur « Gratuit sous condition »", () => {
    const { brut, problemes } = cnfs2022.convertir(
      {
        conditions_access:
          "Payant : L'accès est payant;Accepte le Pass numérique : Il est possible d'utiliser un Pass;Adhésion : Il faut adhérer;Gratuit sous condition : selon critères",
      },
      5,
    );
    expect(brut.frais_a_charge).toBe("Payant|Gratuit sous condition");
    expect(problemes).toEqual([]);
  });

  it("signale une condition d'accès inconnue sans la garder", () => {
    const { brut, problemes } = cnfs2022.convertir({ conditions_access: "Sur devis" }, 9);
    expect(brut.frais_a_charge).toBeUndefined();
    expect(problemes).toEqual([expect.objectContaining({ line: 9, field: "frais_a_charge", severity: "warning", value: "Sur devis" })]);
  });

  it("range les labels : programmes, formations, autres", () => {
    const { brut } = cnfs2022.convertir({ labels_nationaux: "APTIC;Point numérique CAF;Fabriques de territoire;Conseillers numériques" }, 2);
    expect(brut.dispositif_programmes_nationaux).toBe("Conseillers numériques|Point d'accès numérique CAF");
    expect(brut.formations_labels).toBe("Fabriques de Territoire");
    expect(brut.autres_formations_labels).toBe("APTIC");
  });

  it("ne lève jamais d'exception sur un enregistrement mal formé", () => {
    const { brut } = cnfs2022.convertir({ id: 12, nom: null, latitude: { x: 1 }, services: ["a"] }, 2);
    expect(brut).toEqual({ id: "12", dispositif_programmes_nationaux: "Conseillers numériques", source: "conseiller-numerique" });
  });
});
