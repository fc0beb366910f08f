import { ModaliteAcces, PriseEnChargeSpecifique } from "@gouvfr-anct/lieux-de-mediation-numerique";
import { ouvertA, ouvertLe, ouvertLeSoir, ouvertLeWeekEnd } from "../horaires";
import { JOURS, LANGUES_ETRANGERES, type Criteres, type Jour } from "./criteres";

/** Ways of access that mean "contact them first": booking online, by phone, by e-mail, with a prescription. */
export const ACCES_SUR_RENDEZ_VOUS: readonly string[] = [
  ModaliteAcces.PrendreRdvEnLigne,
  ModaliteAcces.Telephoner,
  ModaliteAcces.ContacterParMail,
  ModaliteAcces.PrescriptionParMail,
];
export const SE_PRESENTER: string = ModaliteAcces.SePresenter;

/**
 * "Sur rendez-vous": one must contact the place first AND cannot just walk in. The national map
 * showed this badge on places that accept walk-ins (it read the list the other way round).
 */
export function estSurRendezVous(modalitesAcces: readonly string[]): boolean {
  return !modalitesAcces.includes(SE_PRESENTER) && modalitesAcces.some((m) => ACCES_SUR_RENDEZ_VOUS.includes(m));
}

/** The stored values a `prise_en_charge` filter matches: "Langues étrangères" stands for both language values. */
export function valeursPriseEnCharge(filtre: readonly string[]): string[] {
  return [
    ...new Set(
      filtre.flatMap((v) => (v === LANGUES_ETRANGERES ? [PriseEnChargeSpecifique.LanguesEtrangeresAnglais, PriseEnChargeSpecifique.LanguesEtrangeresAutre] : [v])),
    ),
  ];
}

export type FiltreTemporel = (horaires: string) => boolean;

/**
 * The time filters of the criteria as one test on a place's hours, or undefined when none is asked.
 * All asked filters must hold; unreadable hours never match (unknown is not "open").
 * `heure` without `jour` means today at that time.
 */
export function filtreTemporel(criteres: Criteres, maintenant: Date): FiltreTemporel | undefined {
  const tests: FiltreTemporel[] = [];
  if (criteres.ouvert_maintenant) tests.push((h) => ouvertA(h, maintenant) === true);
  if (criteres.jour !== undefined || criteres.heure !== undefined) {
    const jour = criteres.jour ?? jourDe(maintenant);
    const heure = criteres.heure;
    tests.push((h) => ouvertLe(h, jour, heure, maintenant) === true);
  }
  if (criteres.soir) tests.push((h) => ouvertLeSoir(h, maintenant) === true);
  if (criteres.week_end) tests.push((h) => ouvertLeWeekEnd(h, maintenant) === true);
  if (tests.length === 0) return undefined;
  return (h) => tests.every((t) => t(h));
}

const JOUR_PARIS = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Paris", weekday: "short" });
const ANGLAIS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

function jourDe(instant: Date): Jour {
  return JOURS[ANGLAIS.indexOf(JOUR_PARIS.format(instant))] ?? "lundi";
}
