/**
 * Known spellings that are not the standard's v1.0.2 values but whose meaning is clear, mapped to
 * standard values. Matching is done on a loose key (case, accents, apostrophes, spaces and punctuation
 * ignored, see liste.ts), so "Étapes numériques(La Poste)" — the spelling of the standard's own
 * regex — already matches "Étapes numériques (La Poste)" and needs no entry here.
 * Every mapping here changes the value's wording, so the validator reports it as a warning.
 */
import {
  DispositifProgrammeNational as D,
  Frais,
  ModaliteAccompagnement as M,
  PriseEnChargeSpecifique as P,
  PublicSpecifiquementAdresse as PU,
  Service,
} from "@gouvfr-anct/lieux-de-mediation-numerique";
import type { ChampListe } from "./champs";

export interface Variante {
  vers: readonly string[];
  /** Why the spelling is not standard, shown to the producer. */
  raison: string;
}

/**
 * The 15 services of standard v0.1 (2022, `;`-separated, required field) → the 9 services of v1.
 * Same choices as the national pipeline (LIB `from-schema-data-inclusion` THEMATIQUES_TO_SERVICES),
 * so that our places merge cleanly with the national ones. No v0.1 service maps to
 * "Utilisation sécurisée du numérique": v0.1 had no security service, and guessing one would over-claim.
 */
export const SERVICES_V0_VERS_V1: Readonly<Record<string, readonly Service[]>> = {
  // Both administrative services (alone or helped) became one; health procedures are administrative ones.
  "Devenir autonome dans les démarches administratives": [Service.AideAuxDemarchesAdministratives],
  "Réaliser des démarches administratives avec un accompagnement": [Service.AideAuxDemarchesAdministratives],
  "Accompagner les démarches de santé": [Service.AideAuxDemarchesAdministratives],
  // Basic skills on any device.
  "Prendre en main un smartphone ou une tablette": [Service.MaitriseDesOutilsNumeriquesDuQuotidien],
  "Prendre en main un ordinateur": [Service.MaitriseDesOutilsNumeriquesDuQuotidien],
  "Utiliser le numérique au quotidien": [Service.MaitriseDesOutilsNumeriquesDuQuotidien],
  // Digital culture and citizenship: understanding the digital world.
  "Approfondir ma culture numérique": [Service.ComprehensionDuMondeNumerique],
  "Promouvoir la citoyenneté numérique": [Service.ComprehensionDuMondeNumerique],
  // Employment and entrepreneurship.
  "Favoriser mon insertion professionnelle": [Service.InsertionProfessionnelleViaLeNumerique],
  "Créer et développer mon entreprise": [Service.InsertionProfessionnelleViaLeNumerique],
  // Using equipment on site vs. buying one.
  "Accéder à une connexion internet": [Service.AccesInternetEtMaterielInformatique],
  "Accéder à du matériel": [Service.AccesInternetEtMaterielInformatique],
  "S'équiper en matériel informatique": [Service.MaterielInformatiqueAPrixSolidaire],
  "Équiper en matériel informatique": [Service.MaterielInformatiqueAPrixSolidaire], // same, without "S'" as sometimes quoted
  "Créer avec le numérique": [Service.LoisirsEtCreationsNumeriques],
  "Soutenir la parentalité et l'éducation avec le numérique": [Service.ParentaliteEtEducationAvecLeNumerique],
};

const V01 = "libellé de la version 0.1 du standard";

function depuis(table: Readonly<Record<string, readonly string[]>>, raison: string): Record<string, Variante> {
  return Object.fromEntries(Object.entries(table).map(([de, vers]) => [de, { vers, raison }]));
}

export const VARIANTES: Partial<Record<ChampListe, Readonly<Record<string, Variante>>>> = {
  services: depuis(SERVICES_V0_VERS_V1, V01),
  prise_en_charge_specifique: {
    // Without (anglais)/(autres), we cannot know English is spoken: "(autres)" claims the least, and is
    // what the national pipeline maps data·inclusion's generic "public-langues-etrangeres" to.
    "Langues étrangères": { vers: [P.LanguesEtrangeresAutre], raison: "langue non précisée, comptée dans « (autres) » ; précisez « (anglais) » si l'anglais est pratiqué" },
    "Public langues étrangères": { vers: [P.LanguesEtrangeresAutre], raison: `${V01}, langue non précisée` },
    "Personnes en situation d'illettrisme": { vers: [P.Illettrisme], raison: V01 },
  },
  publics_specifiquement_adresses: depuis(
    { "Jeunes (16-26 ans)": [PU.Jeunes], "Familles/enfants": [PU.FamillesEnfants], "Seniors (+ 65 ans)": [PU.Seniors], "Uniquement femmes": [PU.Femmes] },
    V01,
  ),
  // v0.1 "Adhésion" is left unknown on purpose: free with a membership, or paid? Only the producer knows.
  frais_a_charge: depuis({ "Accepte le Pass numérique": [Frais.GratuitSousCondition] }, `${V01} (le Pass numérique rend l'accès gratuit sous condition)`),
  modalites_accompagnement: {
    ...depuis({ Seul: [M.EnAutonomie], "Avec de l'aide": [M.AccompagnementIndividuel], "Dans un atelier": [M.DansUnAtelier] }, V01),
    // v1 dropped "A ma place" (someone does it for you); the national pipeline counts it as individual support.
    "A ma place": { vers: [M.AccompagnementIndividuel], raison: `${V01}, supprimé en v1` },
    "À distance (par téléphone ou en visioconférence)": { vers: [M.ADistance], raison: "libellé long de la description" },
  },
  dispositif_programmes_nationaux: depuis(
    {
      CNFS: [D.ConseillersNumeriques],
      "Conseiller numérique": [D.ConseillersNumeriques],
      "France Service": [D.FranceServices],
      "Grandes écoles du numérique": [D.GrandeEcoleDuNumerique],
      "Point numérique CAF": [D.PointNumeriqueCAF],
      "Point relais CAF": [D.PointNumeriqueCAF],
    },
    "ancien libellé (labels nationaux de la version 0.1)",
  ),
};
