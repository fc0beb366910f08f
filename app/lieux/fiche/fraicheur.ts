/**
 * How fresh a declared update date is, for the badge on place cards and pages. Thresholds are
 * those the hub uses in its reminders: after a year the information should be checked with the
 * place, after two it is likely outdated.
 */
export type Fraicheur = "a_jour" | "a_verifier" | "ancienne";

export const LIBELLES_FRAICHEUR: Record<Fraicheur, string> = {
  a_jour: "à jour",
  a_verifier: "à vérifier",
  ancienne: "ancienne",
};

/** The default of PASSERELLE_FRAICHEUR_MOIS: a place unconfirmed for longer shows « à vérifier ». */
export const FRAICHEUR_MOIS_PAR_DEFAUT = 6;

/** Whole months between an ISO date (YYYY-MM-DD) and today, never negative. */
export function moisDepuis(dateIso: string, aujourdhui: Date): number {
  const [a, m, j] = dateIso.split("-").map(Number);
  if (a === undefined || m === undefined || j === undefined || Number.isNaN(a + m + j)) return Number.POSITIVE_INFINITY;
  let mois = (aujourdhui.getUTCFullYear() - a) * 12 + (aujourdhui.getUTCMonth() + 1 - m);
  if (aujourdhui.getUTCDate() < j) mois -= 1;
  return Math.max(0, mois);
}

/**
 * The one freshness rule. `seuilMois` is the setting PASSERELLE_FRAICHEUR_MOIS (the place page and
 * the reminder job pass it); callers without the configuration (cards in lists) keep 12 months.
 * « ancienne » starts at 24 months, or twice the threshold when that is later.
 */
export function fraicheur(dateIso: string, aujourdhui: Date, seuilMois = FRAICHEUR_MOIS_PAR_DEFAUT): Fraicheur {
  const mois = moisDepuis(dateIso, aujourdhui);
  if (mois >= Math.max(24, 2 * seuilMois)) return "ancienne";
  if (mois >= seuilMois) return "a_verifier";
  return "a_jour";
}

/** The explanation of the badge for a given threshold. */
export function explicationFraicheur(seuilMois: number): string {
  const ancienne = Math.max(24, 2 * seuilMois);
  return `« à jour » : confirmée il y a moins de ${seuilMois} mois ; « à vérifier » : entre ${seuilMois} et ${ancienne} mois, appelez le lieu avant de vous déplacer ; « ancienne » : plus de ${ancienne} mois, l'information a pu changer.`;
}

/** The last day (ISO) a place may have been confirmed and be « à vérifier » at `seuilMois`: N months before today. */
export function dateLimiteFraicheur(aujourdhui: Date, seuilMois: number): string {
  const d = new Date(Date.UTC(aujourdhui.getUTCFullYear(), aujourdhui.getUTCMonth() - seuilMois, aujourdhui.getUTCDate()));
  // 31 March minus one month: JavaScript rolls over to 3 March; moisDepuis would count the last day of February.
  if (d.getUTCDate() !== aujourdhui.getUTCDate()) d.setUTCDate(0);
  return d.toISOString().slice(0, 10);
}
