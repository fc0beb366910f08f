/** What the dashboards and the coordinators' view share between server and pages (no database here). */

/** `type` of the receiving side when the place answers through signed links (no account). */
export const SANS_COMPTE = "sans_compte";
/** The coordinators' per-place table lists the busiest places; the counts above it cover all of them. */
export const LIEUX_MAX = 200;

/** « 5 h » under two days, « 3,5 jours » beyond: what a person reads in a table cell. */
export function dureeEnClair(h: number | null): string {
  if (h === null) return "—";
  if (h < 48) return `${String(Math.round(h)).replace(".", ",")} h`;
  return `${String(Math.round((h / 24) * 10) / 10).replace(".", ",")} jours`;
}
