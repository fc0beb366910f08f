import { describe, expect, it } from "vitest";
import { lieuxValides } from "../sources/sources-test-utils";
import type { LieuStandard } from "../standard/lieu";
import type { ReseauPorteurDI } from "../taxonomie/vocabulaires-data-inclusion";
import { versDataInclusion, type LieuPourDataInclusion } from "./data-inclusion";
import { invalides, validerService } from "./data-inclusion-test-outils";

const base: LieuStandard = {
  id: "l1",
  pivot: "00000000000000",
  nom: "Médiathèque",
  commune: "Rennes",
  code_postal: "35000",
  adresse: "1 rue de la Paix",
  typologie: [],
  courriels: [],
  site_web: [],
  itinerance: [],
  date_maj: "2025-03-01",
  services: [],
  publics_specifiquement_adresses: [],
  prise_en_charge_specifique: [],
  frais_a_charge: [],
  dispositif_programmes_nationaux: [],
  formations_labels: [],
  autres_formations_labels: [],
  modalites_acces: [],
  modalites_accompagnement: [],
};
const lieu = (uuid: string, l: Partial<LieuStandard>): LieuPourDataInclusion => ({ ...base, ...l, uuid, modifieLe: "2026-01-15T10:00:00.000Z" });

const complet = lieu("11111111-1111-4111-8111-111111111111", {
  pivot: "W353001234",
  nom: "EP.",
  code_insee: "35238",
  complement_adresse: "2e étage",
  latitude: 48.11,
  longitude: -1.68,
  typologie: ["EPN", "TIERS_LIEUX"],
  telephone: "+33299000000",
  courriels: ["pas une adresse", "contact@médiathèque.fr"],
  site_web: ["www.exemple.fr"],
  horaires: "Mo-Fr 09:00-12:00",
  presentation_resume: "Un lieu pour apprendre.",
  presentation_detail: "Ateliers et accompagnement tout au long de l'année.",
  itinerance: ["Itinérant"],
  services: [
    "Aide aux démarches administratives",
    "Maîtrise des outils numériques du quotidien",
    "Insertion professionnelle via le numérique",
    "Utilisation sécurisée du numérique",
    "Parentalité et éducation avec le numérique",
    "Loisirs et créations numériques",
    "Compréhension du monde numérique",
    "Accès internet et matériel informatique",
    "Acquisition de matériel informatique à prix solidaire",
  ],
  publics_specifiquement_adresses: ["Seniors", "Familles et/ou enfants"],
  prise_en_charge_specifique: ["Surdité", "Langues étrangères (anglais)"],
  frais_a_charge: ["Gratuit sous condition", "Payant"],
  dispositif_programmes_nationaux: ["Aidants Connect", "Conseillers numériques", "Promeneurs du net"],
  formations_labels: ["Fabriques de Territoire"],
  modalites_acces: ["Se présenter", "Téléphoner", "Contacter par mail"],
  modalites_accompagnement: ["En autonomie", "Accompagnement individuel", "Dans un atelier collectif", "À distance"],
  fiche_acces_libre: "https://acceslibre.beta.gouv.fr/app/35-rennes/a/bibliotheque/erp/x/",
  prise_rdv: "https://www.rdv-aide-numerique.fr/org/1",
});
const minimal = lieu("22222222-2222-4222-8222-222222222222", {});
const sansPublic = lieu("33333333-3333-4333-8333-333333333333", {
  nom: `${"Très long nom ".repeat(15)}.`,
  services: ["Maîtrise des outils numériques du quotidien"],
  modalites_acces: ["Ce lieu n'accueille pas de public"],
  modalites_accompagnement: ["À distance"],
});
const prescription = lieu("44444444-4444-4444-8444-444444444444", {
  pivot: "13002603200016",
  services: ["Aide aux démarches administratives", "Loisirs et créations numériques"],
  frais_a_charge: ["Gratuit sous condition"],
  modalites_acces: ["Envoyer un mail avec une fiche de prescription"],
  modalites_accompagnement: ["Dans un atelier collectif"],
});

describe("versDataInclusion sur des lieux faits main", () => {
  const sortie = versDataInclusion([complet, minimal, sansPublic, prescription], { source: "passerelle" });
  const service = (uuid: string, cle: string) => sortie.services.find((s) => s.id === `passerelle--${uuid}--${cle}`);

  it("produit des structures et services valides au schéma v1", () => {
    expect(invalides(sortie)).toEqual([]);
    expect(sortie.structures).toHaveLength(4);
    // The check is live: a value outside the vocabulary is caught.
    const faux = { ...sortie.services[0], frais: "gratuit-sous-conditions" };
    expect(validerService(faux)).toBe(false);
  });

  it("structure : identifiant, nom, SIRET, contacts, réseaux porteurs", () => {
    const s = sortie.structures[0];
    expect(s).toMatchObject({
      source: "passerelle",
      id: `passerelle--${complet.uuid}`,
      nom: "EP (Rennes)",
      siret: null,
      date_maj: "2025-03-01",
      courriel: "contact@xn--mdiathque-53af.fr",
      site_web: "https://www.exemple.fr/",
      description: "Ateliers et accompagnement tout au long de l'année.",
      horaires_accueil: "Mo-Fr 09:00-12:00",
      reseaux_porteurs: ["aidants-connect", "conseillers-numeriques", "fabrique-de-territoire", "espaces-publics-numeriques"],
    });
    expect(sortie.structures[1]).toMatchObject({ siret: null, reseaux_porteurs: null, courriel: null, description: null, latitude: null });
    expect(sortie.structures[3]?.siret).toBe("13002603200016");
    expect(sortie.structures[2]?.nom).toHaveLength(150);
  });

  it("un service par groupe et par type : démarches, accompagnement, atelier, accès libre, équipement", () => {
    const cles = sortie.services.filter((s) => s.structure_id === `passerelle--${complet.uuid}`).map((s) => [s.id.split("--")[2], s.type]);
    expect(cles).toEqual([
      ["demarches", "accompagnement"],
      ["usages-accompagnement", "accompagnement"],
      ["usages-atelier", "atelier"],
      ["acces-libre", "aide-materielle"],
      ["equipement", "aide-materielle"],
    ]);
    expect(service(complet.uuid, "demarches")?.thematiques).toEqual([
      "difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives",
      "difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits",
      "numerique--acceder-a-des-services-en-ligne",
    ]);
    expect(service(complet.uuid, "usages-atelier")?.thematiques).toContain("famille--soutien-a-la-parentalite-et-a-leducation");
    expect(sortie.services.filter((s) => s.structure_id === `passerelle--${minimal.uuid}`)).toEqual([]);
  });

  it("publics, frais et mobilisation", () => {
    const s = service(complet.uuid, "usages-accompagnement");
    expect(s).toMatchObject({
      publics: ["seniors", "familles"],
      publics_precisions: "Accompagnement adapté : Surdité, Langues étrangères (anglais).",
      frais: null,
      frais_precisions: "Gratuit sous condition, Payant",
      modes_mobilisation: ["se-presenter", "telephoner", "envoyer-un-courriel", "utiliser-lien-mobilisation"],
      mobilisable_par: ["usagers", "professionnels"],
      lien_mobilisation: "https://www.rdv-aide-numerique.fr/org/1",
      modes_accueil: ["a-distance", "en-presentiel"],
      horaires_accueil: null,
    });
    expect(s?.description).toContain("Lieu itinérant");
    expect(service(complet.uuid, "usages-atelier")?.modes_accueil).toEqual(["en-presentiel"]);
    expect(service(prescription.uuid, "demarches")).toMatchObject({
      publics: ["tous-publics"],
      frais: "gratuit",
      frais_precisions: "Gratuit sous condition",
      modes_mobilisation: ["envoyer-un-courriel"],
      mobilisable_par: ["professionnels"],
    });
    expect(service(prescription.uuid, "usages-atelier")?.type).toBe("atelier");
  });

  it("lieu sans accueil du public : à distance seulement, sans mode de mobilisation", () => {
    expect(service(sansPublic.uuid, "usages-accompagnement")).toMatchObject({ modes_accueil: ["a-distance"], modes_mobilisation: null, mobilisable_par: null });
  });
});

describe("versDataInclusion sur les trois fichiers réels, via validerLieu", () => {
  const lieux = [...lieuxValides("cnfs-2022"), ...lieuxValides("france-services"), ...lieuxValides("aidants-connect")];
  const sortie = versDataInclusion(lieux, { source: "passerelle" });

  it("723 lieux → 723 structures et 723 services, tous valides", () => {
    expect(lieux).toHaveLength(311 + 130 + 282);
    expect(invalides(sortie)).toEqual([]);
    expect(sortie.structures).toHaveLength(723);
    expect(sortie.services).toHaveLength(723);
    expect(new Set(sortie.services.map((s) => s.id)).size).toBe(723);
  });

  it("réseaux porteurs : Conseillers numériques, France services, Aidants Connect", () => {
    const compte = (r: ReseauPorteurDI) => sortie.structures.filter((s) => s.reseaux_porteurs?.includes(r)).length;
    expect(compte("conseillers-numeriques")).toBe(311);
    expect(compte("france-service")).toBe(130 + 43 + 100);
    expect(compte("aidants-connect")).toBe(282 + 26);
  });
});
