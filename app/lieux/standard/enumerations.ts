/**
 * Closed vocabularies of the standard v1.0.2, values spelled exactly as the standard's regexes
 * (schema.json), in the standard's order. They reuse the enums of `@gouvfr-anct/lieux-de-mediation-numerique`:
 * every library value was checked equal to the standard's (accents, straight apostrophes, spacing);
 * enumerations.test.ts compares them with the regexes of schema.json so a future drift is caught.
 */
import {
  DispositifProgrammeNational,
  FormationLabel,
  Frais,
  Itinerance,
  ModaliteAcces,
  ModaliteAccompagnement,
  PriseEnChargeSpecifique,
  PublicSpecifiquementAdresse,
  Service,
  Typologie,
} from "@gouvfr-anct/lieux-de-mediation-numerique";
import type { ChampListe } from "./champs";

export const SERVICES = [
  Service.AideAuxDemarchesAdministratives,
  Service.MaitriseDesOutilsNumeriquesDuQuotidien,
  Service.InsertionProfessionnelleViaLeNumerique,
  Service.UtilisationSecuriseeDuNumerique,
  Service.ParentaliteEtEducationAvecLeNumerique,
  Service.LoisirsEtCreationsNumeriques,
  Service.ComprehensionDuMondeNumerique,
  Service.AccesInternetEtMaterielInformatique,
  Service.MaterielInformatiqueAPrixSolidaire,
] as const;

export const PUBLICS_SPECIFIQUEMENT_ADRESSES = [
  PublicSpecifiquementAdresse.Jeunes,
  PublicSpecifiquementAdresse.Etudiants,
  PublicSpecifiquementAdresse.FamillesEnfants,
  PublicSpecifiquementAdresse.Seniors,
  PublicSpecifiquementAdresse.Femmes,
] as const;

export const PRISES_EN_CHARGE_SPECIFIQUES = [
  PriseEnChargeSpecifique.Surdite,
  PriseEnChargeSpecifique.HandicapsMoteurs,
  PriseEnChargeSpecifique.HandicapsMentaux,
  PriseEnChargeSpecifique.Illettrisme,
  PriseEnChargeSpecifique.LanguesEtrangeresAnglais,
  PriseEnChargeSpecifique.LanguesEtrangeresAutre,
  PriseEnChargeSpecifique.DeficienceVisuelle,
] as const;

export const FRAIS_A_CHARGE = [Frais.Gratuit, Frais.GratuitSousCondition, Frais.Payant] as const;

export const DISPOSITIFS_PROGRAMMES_NATIONAUX = [
  DispositifProgrammeNational.AidantsConnect,
  DispositifProgrammeNational.BibliothequesNumeriqueDeReference,
  DispositifProgrammeNational.CertificationPIX,
  DispositifProgrammeNational.ConseillersNumeriques,
  DispositifProgrammeNational.EmmausConnect,
  DispositifProgrammeNational.FranceServices,
  DispositifProgrammeNational.GrandeEcoleDuNumerique,
  DispositifProgrammeNational.LaCroixRouge,
  DispositifProgrammeNational.PointNumeriqueCAF,
  DispositifProgrammeNational.PromeneursDuNet,
  DispositifProgrammeNational.RelaisNumeriqueEmmausConnect,
] as const;

export const FORMATIONS_LABELS = [
  FormationLabel.FormeAMonEspaceSante,
  FormationLabel.FormeADuplex,
  FormationLabel.ArniaMednum,
  FormationLabel.CollectifRessourcesEtActeursReemploi,
  // "Étapes numériques (La Poste)", with the space: the field's description, the library and every
  // neighbour value have it; only the schema.json regex lost it (defect, anchor doc a.4). The no-space
  // spelling is still read (liste.ts matching ignores spacing) and written back with the space.
  FormationLabel.EtapesNumeriques,
  FormationLabel.FabriquesDeTerritoire,
  FormationLabel.LesEclaireurs,
  FormationLabel.MesPapiers,
  FormationLabel.Ordi3,
  FormationLabel.SudLabs,
] as const;

export const MODALITES_ACCES = [
  ModaliteAcces.SePresenter,
  ModaliteAcces.Telephoner,
  ModaliteAcces.ContacterParMail,
  ModaliteAcces.PrendreRdvEnLigne,
  ModaliteAcces.PasDePublic,
  ModaliteAcces.PrescriptionParMail,
] as const;

export const MODALITES_ACCOMPAGNEMENT = [
  ModaliteAccompagnement.EnAutonomie,
  ModaliteAccompagnement.AccompagnementIndividuel,
  ModaliteAccompagnement.DansUnAtelier,
  ModaliteAccompagnement.ADistance,
] as const;

export const ITINERANCES = [Itinerance.Itinerant, Itinerance.Fixe] as const;

/**
 * data·inclusion structure typology codes (92), which the standard points to without listing them
 * in schema.json; the library's enum is the only maintained TS copy. Note `Autre` is mixed case.
 */
export const TYPOLOGIES: readonly Typologie[] = Object.values(Typologie);

/** Closed vocabulary of each enumerated list field (the other list fields are free: courriels, site_web, autres_formations_labels). */
export const ENUMERATIONS: Partial<Record<ChampListe, readonly string[]>> = {
  typologie: TYPOLOGIES,
  itinerance: ITINERANCES,
  services: SERVICES,
  publics_specifiquement_adresses: PUBLICS_SPECIFIQUEMENT_ADRESSES,
  prise_en_charge_specifique: PRISES_EN_CHARGE_SPECIFIQUES,
  frais_a_charge: FRAIS_A_CHARGE,
  dispositif_programmes_nationaux: DISPOSITIFS_PROGRAMMES_NATIONAUX,
  formations_labels: FORMATIONS_LABELS,
  modalites_acces: MODALITES_ACCES,
  modalites_accompagnement: MODALITES_ACCOMPAGNEMENT,
};
