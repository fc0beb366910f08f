import { Frais, PriseEnChargeSpecifique, PublicSpecifiquementAdresse } from "@gouvfr-anct/lieux-de-mediation-numerique";
import { explicationService } from "~/lieux/presentation/services";
import { LANGUES_ETRANGERES, type Criteres } from "~/lieux/recherche/criteres";
import { RAYONS_KM, type NumeroEtape } from "./parcours";

/** Plain-language labels of step 3's answers, and the list of answers given so far (to undo one). */

export interface Option {
  valeur: string;
  libelle: string;
}

export const OPTIONS_PUBLICS: readonly Option[] = [
  { valeur: PublicSpecifiquementAdresse.Jeunes, libelle: "Jeunes" },
  { valeur: PublicSpecifiquementAdresse.Etudiants, libelle: "Étudiants" },
  { valeur: PublicSpecifiquementAdresse.FamillesEnfants, libelle: "Familles et enfants" },
  { valeur: PublicSpecifiquementAdresse.Seniors, libelle: "Personnes âgées" },
  { valeur: PublicSpecifiquementAdresse.Femmes, libelle: "Femmes" },
];

/** "Langues étrangères" stands for both stored values (anglais, autres). */
export const OPTIONS_PRISE_EN_CHARGE: readonly Option[] = [
  { valeur: LANGUES_ETRANGERES, libelle: "Je parle peu le français (accueil dans une autre langue)" },
  { valeur: PriseEnChargeSpecifique.Illettrisme, libelle: "J'ai du mal à lire ou à écrire" },
  { valeur: PriseEnChargeSpecifique.Surdite, libelle: "Je suis sourd ou malentendant" },
  { valeur: PriseEnChargeSpecifique.DeficienceVisuelle, libelle: "Je suis aveugle ou malvoyant" },
  { valeur: PriseEnChargeSpecifique.HandicapsMoteurs, libelle: "Je me déplace difficilement (fauteuil roulant…)" },
  { valeur: PriseEnChargeSpecifique.HandicapsMentaux, libelle: "Handicap mental ou psychique" },
];

export const OPTIONS_RENDEZ_VOUS: readonly Option[] = [
  { valeur: "", libelle: "Peu importe" },
  { valeur: "sans", libelle: "Sans rendez-vous : je veux pouvoir venir directement" },
  { valeur: "sur", libelle: "Sur rendez-vous : je préfère avoir un rendez-vous" },
];

export const OPTIONS_FRAIS: readonly Option[] = [
  { valeur: Frais.Gratuit, libelle: "Gratuit" },
  { valeur: Frais.GratuitSousCondition, libelle: "Gratuit sous conditions (par exemple selon vos ressources)" },
  { valeur: Frais.Payant, libelle: "Payant" },
];

export const OPTIONS_QUAND: readonly Option[] = [
  { valeur: "", libelle: "N'importe quand" },
  { valeur: "maintenant", libelle: "Maintenant : ouvert en ce moment" },
  { valeur: "jour", libelle: "Un jour précis de cette semaine" },
  { valeur: "soir", libelle: "Le soir, après 18 h" },
  { valeur: "week_end", libelle: "Le week-end" },
];

function libelle(options: readonly Option[], valeur: string): string {
  return options.find((o) => o.valeur === valeur)?.libelle ?? valeur;
}

/** One answer given, with the criteria as they would be without it ("retirer" = undo that answer). */
export interface ChoixFait {
  etape: NumeroEtape;
  libelle: string;
  sans: Criteres;
}

const sansValeur = <K extends "services" | "publics" | "prise_en_charge" | "frais">(c: Criteres, cle: K, v: string): Criteres => ({
  ...c,
  [cle]: c[cle].filter((x: string) => x !== v),
});

export function choixFaits(c: Criteres): ChoixFait[] {
  const choix: ChoixFait[] = [];
  for (const s of c.services) choix.push({ etape: 1, libelle: explicationService(s)?.libelle ?? s, sans: sansValeur(c, "services", s) });
  for (const v of c.publics) choix.push({ etape: 3, libelle: libelle(OPTIONS_PUBLICS, v), sans: sansValeur(c, "publics", v) });
  for (const v of c.prise_en_charge) choix.push({ etape: 3, libelle: libelle(OPTIONS_PRISE_EN_CHARGE, v), sans: sansValeur(c, "prise_en_charge", v) });
  if (c.rendez_vous) {
    const { rendez_vous: _, ...sans } = c;
    choix.push({ etape: 3, libelle: c.rendez_vous === "sans" ? "Sans rendez-vous" : "Sur rendez-vous", sans });
  }
  for (const v of c.frais) choix.push({ etape: 3, libelle: libelle(OPTIONS_FRAIS, v), sans: sansValeur(c, "frais", v) });
  if (c.ouvert_maintenant) choix.push({ etape: 4, libelle: "Ouvert maintenant", sans: { ...c, ouvert_maintenant: false } });
  if (c.jour) {
    const { jour: _j, heure: _h, ...sans } = c;
    choix.push({ etape: 4, libelle: `Ouvert le ${c.jour}${c.heure ? ` à ${c.heure.replace(":", " h ")}` : ""}`, sans });
  }
  if (c.soir) choix.push({ etape: 4, libelle: "Ouvert le soir", sans: { ...c, soir: false } });
  if (c.week_end) choix.push({ etape: 4, libelle: "Ouvert le week-end", sans: { ...c, week_end: false } });
  return choix;
}

/** A way out of zero results: an answer to drop, or a longer distance. */
export interface Relachement {
  libelle: string;
  criteres: Criteres;
}

/** Candidate relaxations, tried by the server (it keeps those that find places). */
export function relachements(c: Criteres): Relachement[] {
  // Dropping the only need would leave the person without their need: never suggested.
  const liste: Relachement[] = choixFaits(c)
    .filter((ch) => !(ch.etape === 1 && c.services.length === 1))
    .map((ch) => ({ libelle: `Enlever « ${ch.libelle} »`, criteres: ch.sans }));
  // When single answers are not enough: a whole step, then everything but the need and the place.
  const sansEtape3: Criteres = { ...c, publics: [], prise_en_charge: [], frais: [], rendez_vous: undefined };
  const sansEtape4: Criteres = { ...c, ouvert_maintenant: false, soir: false, week_end: false, jour: undefined, heure: undefined };
  const parEtape = (n: NumeroEtape) => choixFaits(c).filter((ch) => ch.etape === n).length;
  if (parEtape(3) > 1) liste.push({ libelle: "Enlever vos réponses sur l'accueil (étape 3)", criteres: sansEtape3 });
  if (parEtape(4) > 1) liste.push({ libelle: "Enlever vos réponses sur le moment (étape 4)", criteres: sansEtape4 });
  if (parEtape(3) > 0 && parEtape(4) > 0) {
    liste.push({ libelle: "Garder seulement votre besoin et le lieu", criteres: { ...sansEtape3, ...sansEtape4, publics: [], prise_en_charge: [], frais: [] } });
  }
  const plusLoin = RAYONS_KM.find((r) => r > (c.rayon_km ?? 0));
  if (plusLoin !== undefined && (c.ou !== undefined || c.commune !== undefined || c.lat !== undefined)) {
    liste.push({ libelle: `Chercher jusqu'à ${plusLoin} km`, criteres: { ...c, rayon_km: plusLoin } });
  }
  return liste;
}
