import { describe, expect, it } from "vitest";
import { aidantsConnect, nettoyerAdresse, nettoyerSiret } from "./aidants-connect";
import { convertirFichier } from "./sources-test-utils";

describe("adaptateur aidants-connect sur le fichier livré", () => {
  const convertis = convertirFichier("aidants-connect");
  const rejetes = convertis.filter((c) => c.problemes.some((p) => p.severity === "error"));

  it("lit 288 structures dont 282 actives ; les 6 inactives sont rejetées avec une erreur « * »", () => {
    expect(convertis).toHaveLength(288);
    expect(rejetes.map((c) => c.ligne)).toEqual([174, 178, 180, 230, 240, 269]);
    for (const c of rejetes) {
      expect(c.problemes).toEqual([expect.objectContaining({ field: "*", severity: "error", value: "false" })]);
      expect(c.problemes[0]?.message).toMatch(/inactive/);
    }
    expect(convertis.filter((c) => c.problemes.length === 0)).toHaveLength(282);
  });

  it("ne garde ni coordonnées ni compteurs d'activité", () => {
    for (const { brut } of convertis) {
      expect(brut.latitude).toBeUndefined();
      expect(brut.longitude).toBeUndefined();
      expect(Object.keys(brut).some((k) => k.startsWith("Question") || k.startsWith("Nombre"))).toBe(false);
    }
  });

  it("convertit la première structure champ par champ", () => {
    expect(convertis[0]?.brut).toEqual({
      id: "fbc84d62-89c8-489a-bf71-8a8dcc0a24f7",
      pivot: "20006746000010",
      nom: "FRANCE SERVICES LOUDEAC",
      commune: "Loudeac",
      code_postal: "22600",
      code_insee: "22136",
      adresse: "15 RUE DE MONCONTOUR",
      source: "Aidants Connect (ANCT)",
      date_maj: "2024-02-12",
      services: "Aide aux démarches administratives",
      modalites_accompagnement: "Accompagnement individuel",
      frais_a_charge: "Gratuit",
      dispositif_programmes_nationaux: "Aidants Connect|France Services",
    });
  });

  it("43 structures portent aussi le label France Services", () => {
    expect(convertis.filter((c) => c.brut.dispositif_programmes_nationaux === "Aidants Connect|France Services")).toHaveLength(43);
  });

  it("laisse le code INSEE vide quand le fichier n'en a pas (ligne 221)", () => {
    const b = convertis.find((c) => c.ligne === 221)?.brut;
    expect(b?.nom).toBe("CCAS de Rosporden");
    expect(b?.code_insee).toBeUndefined();
    expect(b?.adresse).toBe("10 rue de Reims");
  });

  it("aucune adresse ne garde le code postal de la structure", () => {
    for (const { brut } of convertis) expect(brut.adresse).not.toContain(brut.code_postal ?? "-");
  });
});

describe("nettoyage des champs Aidants Connect", () => {
  it("retire le « .0 » des SIRET écrits en nombre", () => {
    expect(nettoyerSiret("13002603200016.0")).toBe("13002603200016");
    expect(nettoyerSiret("130 026 032 00016")).toBe("13002603200016");
  });

  it.each([
    ["1 Rue François Mitterrand 35136 Saint-Jacques-de-la-Lande", "35136", "St Jacques De La Lande", "1 Rue François Mitterrand"],
    ["9 PLACE DU CHAMP DE FOIRE, 35500, VITRE", "35500", "Vitre", "9 PLACE DU CHAMP DE FOIRE"],
    ["6 RUE DE MORLAIX - 29520 - CHATEAUNEUF-DU-FAOU", "29520", "Chateauneuf Du Faou", "6 RUE DE MORLAIX"],
    ["Place de l'Europe, 35235 Thorigné-Fouillard, France", "35235", "Thorigne Fouillard", "Place de l'Europe"],
    ["47 Rue du Docteur Rahuel -  Saint-Brieuc", "22000", "Saint-Brieuc", "47 Rue du Docteur Rahuel"],
    ["Mairie de Binic\n1 place Jean Heurtel\n22680 Binic", "22680", "Binic", "Mairie de Binic, 1 place Jean Heurtel"],
    ["2  avenue de Tizé\t35235\tTHORIGNE-FOUILLARD", "35235", "Thorigne Fouillard", "2 avenue de Tizé"],
    ["Pôle Social et Solidaire - rue de Fougères", "35560", "Marcille Raoul", "Pôle Social et Solidaire - rue de Fougères"],
    ["35000 RUE DU PORT", "35000", "Rennes", "35000 RUE DU PORT"],
  ])("%j → %j", (adresse, cp, ville, attendu) => {
    expect(nettoyerAdresse(adresse, cp, ville)).toBe(attendu);
  });

  it("structure inactive : erreur mais champs quand même convertis, pour un rapport lisible", () => {
    const { brut, problemes } = aidantsConnect.convertir({ UUID: "u", Name: "X", "Is Active": "false" }, 3);
    expect(brut.nom).toBe("X");
    expect(problemes).toHaveLength(1);
  });
});
