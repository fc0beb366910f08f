import type { Jour, LANGUES_ETRANGERES } from "~/lieux/recherche/criteres";
import {
  DispositifProgrammeNational,
  Frais,
  ModaliteAcces,
  ModaliteAccompagnement,
} from "@gouvfr-anct/lieux-de-mediation-numerique";

/** Plain-language texts and formats shared by the place pages (search, place, territory, embed, orientation). */

const km = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1, minimumFractionDigits: 0 });
const nombre = new Intl.NumberFormat("fr-FR");

export function formaterNombre(n: number): string {
  return nombre.format(n);
}

/** "à 2,3 km", or "à moins de 100 m". */
export function formaterDistance(distanceKm: number): string {
  if (distanceKm < 0.1) return "à moins de 100 m";
  return `à ${km.format(distanceKm)} km`;
}

/** An ISO date (YYYY-MM-DD) as "2 mai 2024", read in UTC so that server and browser agree. */
export function formaterDate(dateIso: string): string {
  const d = new Date(`${dateIso.slice(0, 10)}T12:00:00Z`);
  if (Number.isNaN(d.getTime())) return dateIso;
  return d.toLocaleDateString("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
}

/** A time as "14 h 30" in Paris time. */
export function formaterHeure(instant: Date): string {
  return instant.toLocaleTimeString("fr-FR", { hour: "2-digit", minute: "2-digit", timeZone: "Europe/Paris" }).replace(":", " h ");
}

/** Day and time, "mardi à 9 h 00", in Paris time. */
export function formaterJourHeure(instant: Date): string {
  const jour = instant.toLocaleDateString("fr-FR", { weekday: "long", timeZone: "Europe/Paris" });
  return `${jour} à ${formaterHeure(instant)}`;
}

/** The three national programmes people know and look for (the filter shows these). */
export const PROGRAMMES_PRINCIPAUX = [
  {
    valeur: DispositifProgrammeNational.FranceServices,
    libelle: "France services",
    explication: "Guichet public où l'on est aidé pour les démarches de la CAF, des impôts, de l'Assurance maladie, de France Travail…",
  },
  {
    valeur: DispositifProgrammeNational.ConseillersNumeriques,
    libelle: "Conseillers numériques",
    explication: "Des professionnels formés pour apprendre à utiliser le numérique.",
  },
  {
    valeur: DispositifProgrammeNational.AidantsConnect,
    libelle: "Aidants Connect",
    explication: "Des aidants habilités à faire une démarche en ligne à votre place, de façon sécurisée.",
  },
] as const;

export const EXPLICATIONS_ACCES: Record<string, string> = {
  [ModaliteAcces.SePresenter]: "Vous pouvez venir directement, sans rendez-vous.",
  [ModaliteAcces.Telephoner]: "Téléphonez avant de venir.",
  [ModaliteAcces.ContacterParMail]: "Écrivez un courriel avant de venir.",
  [ModaliteAcces.PrendreRdvEnLigne]: "Prenez rendez-vous sur internet.",
  [ModaliteAcces.PasDePublic]: "Ce lieu n'accueille pas de public.",
  [ModaliteAcces.PrescriptionParMail]: "Un professionnel (travailleur social, agent d'accueil…) vous y oriente en envoyant une fiche de prescription par courriel.",
};

export const EXPLICATIONS_ACCOMPAGNEMENT: Record<string, { libelle: string; explication: string }> = {
  [ModaliteAccompagnement.EnAutonomie]: { libelle: "En autonomie", explication: "J'utilise le matériel seul ; quelqu'un peut m'aider si besoin." },
  [ModaliteAccompagnement.AccompagnementIndividuel]: { libelle: "Seul avec une personne", explication: "Une personne m'aide, seule avec moi." },
  [ModaliteAccompagnement.DansUnAtelier]: { libelle: "En atelier collectif", explication: "J'apprends en groupe, avec d'autres personnes." },
  [ModaliteAccompagnement.ADistance]: { libelle: "À distance", explication: "On m'aide par téléphone ou en ligne." },
};

export const EXPLICATIONS_FRAIS: Record<string, string> = {
  [Frais.Gratuit]: "Gratuit",
  [Frais.GratuitSousCondition]: "Gratuit sous conditions (par exemple selon vos ressources ou une adhésion)",
  [Frais.Payant]: "Payant",
};

/** Typographic apostrophes in free text from sources are fine; enumeration values stay as stored. */
export function libelleListe(valeurs: readonly string[]): string {
  if (valeurs.length <= 1) return valeurs.join("");
  return `${valeurs.slice(0, -1).join(", ")} et ${valeurs.at(-1) ?? ""}`;
}

/** "+33299000000" → "02 99 00 00 00"; other forms are shown as stored. */
export function formaterTelephone(telephone: string): string {
  const m = /^\+33(\d{9})$/.exec(telephone);
  if (!m?.[1]) return telephone;
  return `0${m[1]}`.replace(/(\d{2})(?=\d)/g, "$1 ");
}

/** The Paris calendar date (YYYY-MM-DD) of an instant. */
export function dateParis(instant: Date): string {
  return instant.toLocaleDateString("en-CA", { timeZone: "Europe/Paris" });
}

/**
 * Copies of two constants of the criteria module, typed against it: importing that module would
 * bring zod into the browser bundle (26 KB), for seven words.
 */
export const JOURS_SEMAINE = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"] as const satisfies readonly Jour[];
export const LANGUES: typeof LANGUES_ETRANGERES = "Langues étrangères";
