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

export const EXPLICATION_FRAICHEUR =
  "« à jour » : mise à jour il y a moins de 12 mois ; « à vérifier » : entre 12 et 24 mois, appelez le lieu avant de vous déplacer ; « ancienne » : plus de 24 mois, l'information a pu changer.";

/** Whole months between an ISO date (YYYY-MM-DD) and today, never negative. */
export function moisDepuis(dateIso: string, aujourdhui: Date): number {
  const [a, m, j] = dateIso.split("-").map(Number);
  if (a === undefined || m === undefined || j === undefined || Number.isNaN(a + m + j)) return Number.POSITIVE_INFINITY;
  let mois = (aujourdhui.getUTCFullYear() - a) * 12 + (aujourdhui.getUTCMonth() + 1 - m);
  if (aujourdhui.getUTCDate() < j) mois -= 1;
  return Math.max(0, mois);
}

export function fraicheur(dateIso: string, aujourdhui: Date): Fraicheur {
  const mois = moisDepuis(dateIso, aujourdhui);
  if (mois >= 24) return "ancienne";
  if (mois >= 12) return "a_verifier";
  return "a_jour";
}
