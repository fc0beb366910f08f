/** Number formats of the orientation dashboards and flows (French). */

const pourcent = new Intl.NumberFormat("fr-FR", { style: "percent", maximumFractionDigits: 0 });
const entier = new Intl.NumberFormat("fr-FR");

export function partEnClair(part: number | null): string {
  return part === null ? "—" : pourcent.format(part);
}

export function nombreEnClair(n: number): string {
  return entier.format(n);
}

/** `2026-03` → « mars 2026 ». */
export function moisEnClair(mois: string): string {
  const [a, m] = mois.split("-").map(Number);
  return new Intl.DateTimeFormat("fr-FR", { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(Date.UTC(a ?? 2000, (m ?? 1) - 1, 1)));
}
