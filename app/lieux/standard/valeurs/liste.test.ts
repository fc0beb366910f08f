import { describe, expect, it } from "vitest";
import type { ChampListe } from "../champs";
import { SERVICES_V0_VERS_V1 } from "../variantes";
import { liste, type ListeNormalisee } from "./liste";

function lire(brut: string, champ: ChampListe): ListeNormalisee {
  const r = liste(brut, champ);
  if (!r.ok) throw new Error(r.message);
  return r.valeur;
}

describe("liste", () => {
  it("splits on |, trims, drops empty items and duplicates, silently", () => {
    expect(lire(" Gratuit |  | Payant|Gratuit|", "frais_a_charge")).toEqual({ valeurs: ["Gratuit", "Payant"], remarques: [] });
  });

  it("matches enumeration values whatever the case, accents and apostrophes, and returns the standard spelling", () => {
    const r = lire("aide aux demarches administratives|MAÎTRISE DES OUTILS NUMÉRIQUES DU QUOTIDIEN", "services");
    expect(r).toEqual({ valeurs: ["Aide aux démarches administratives", "Maîtrise des outils numériques du quotidien"], remarques: [] });
    expect(lire("Ce lieu n’accueille pas de public", "modalites_acces").valeurs).toEqual(["Ce lieu n'accueille pas de public"]);
    expect(lire("tiers-lieux|asso|autre", "typologie").valeurs).toEqual(["TIERS_LIEUX", "ASSO", "Autre"]);
    expect(lire("itinerant", "itinerance").valeurs).toEqual(["Itinérant"]);
  });

  it("reads the standard regex's spelling 'Étapes numériques(La Poste)' as the documented value, silently", () => {
    expect(lire("Étapes numériques(La Poste)", "formations_labels")).toEqual({ valeurs: ["Étapes numériques (La Poste)"], remarques: [] });
  });

  it("splits on ; when there is no |, as v0.1 files do, and says so", () => {
    const r = lire("Gratuit;Payant", "frais_a_charge");
    expect(r.valeurs).toEqual(["Gratuit", "Payant"]);
    expect(r.remarques).toEqual([{ valeur: "Gratuit;Payant", message: expect.stringMatching(/Séparateur « ; »/) }]);
    expect(lire("Gratuit|Payant;x", "autres_formations_labels").valeurs).toEqual(["Gratuit", "Payant;x"]);
  });

  it("converts v0.1 services to v1, one remark per converted label, duplicates merged", () => {
    const r = lire("Prendre en main un ordinateur|Utiliser le numérique au quotidien|Aide aux démarches administratives", "services");
    expect(r.valeurs).toEqual(["Maîtrise des outils numériques du quotidien", "Aide aux démarches administratives"]);
    expect(r.remarques).toHaveLength(2);
    expect(r.remarques[0]?.message).toMatch(/version 0\.1.*converti en « Maîtrise des outils numériques du quotidien »/);
  });

  it("maps each of the 15 v0.1 services, including the typographic apostrophe of the original schema", () => {
    const labels = Object.keys(SERVICES_V0_VERS_V1).filter((l) => l !== "Équiper en matériel informatique");
    expect(labels).toHaveLength(15);
    for (const label of labels) expect(lire(label, "services").valeurs, label).toEqual(SERVICES_V0_VERS_V1[label]);
    expect(lire("S’équiper en matériel informatique", "services").valeurs).toEqual(["Acquisition de matériel informatique à prix solidaire"]);
  });

  it("maps 'Langues étrangères' alone to '(autres)', with a remark asking to be precise", () => {
    const r = lire("Langues étrangères|Surdité", "prise_en_charge_specifique");
    expect(r.valeurs).toEqual(["Langues étrangères (autres)", "Surdité"]);
    expect(r.remarques[0]?.message).toMatch(/précisez « \(anglais\) »/);
  });

  it("reduces the long labels of v0.1 and of the v1 descriptions to the standard value", () => {
    expect(lire("Gratuit : Je peux accéder gratuitement au lieu et à ses services", "frais_a_charge").valeurs).toEqual(["Gratuit"]);
    expect(lire("Dans un atelier collectif : j'apprends collectivement à utiliser le numérique", "modalites_accompagnement").valeurs).toEqual([
      "Dans un atelier collectif",
    ]);
    expect(lire("Seul : j'ai accès à du matériel et une connexion", "modalites_accompagnement").valeurs).toEqual(["En autonomie"]);
  });

  it("drops unknown values with one remark per value, naming it", () => {
    const r = lire("Gratuit|Sur devis|Offert", "frais_a_charge");
    expect(r.valeurs).toEqual(["Gratuit"]);
    expect(r.remarques.map((x) => x.valeur)).toEqual(["Sur devis", "Offert"]);
    expect(r.remarques[0]?.message).toMatch(/« Sur devis » inconnue .*Gratuit \| Gratuit sous condition \| Payant/);
  });

  it("validates each e-mail and URL, dropping only the bad items", () => {
    const courriels = lire("contact@epn.fr | pas-un-courriel | Accueil@EPN.FR", "courriels");
    expect(courriels.valeurs).toEqual(["contact@epn.fr", "Accueil@epn.fr"]);
    expect(courriels.remarques).toEqual([{ valeur: "pas-un-courriel", message: expect.stringMatching(/Courriel .* invalide/) }]);
    const sites = lire("www.epn.fr|https://facebook.com/epn", "site_web");
    expect(sites.valeurs).toEqual(["https://www.epn.fr", "https://facebook.com/epn"]);
    expect(sites.remarques).toHaveLength(1);
  });

  it("keeps free labels as cleaned text", () => {
    expect(lire("Label  d’or | PassNum", "autres_formations_labels").valeurs).toEqual(["Label d'or", "PassNum"]);
  });
});
