/**
 * Europe/Paris wall-clock time, whatever the server's TZ.
 *
 * The `opening_hours` library reads dates through local-time getters (getDay, getHours…), so it is
 * given "wall dates": Date objects whose *local* fields equal Paris wall-clock fields. With the
 * server in UTC or in Europe/Paris (the two supported settings) every Paris wall time exists in
 * local time; a server TZ with DST on other dates could shift times by an hour around its changes.
 */

export interface MomentParis {
  annee: number;
  /** 1–12. */
  mois: number;
  jour: number;
  heure: number;
  minute: number;
  seconde: number;
  /** 0 = Monday … 6 = Sunday. */
  jourSemaine: number;
}

const FORMAT = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Paris",
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "numeric",
  minute: "numeric",
  second: "numeric",
  hourCycle: "h23",
});

export function momentParis(instant: Date): MomentParis {
  const champs: Record<string, number> = {};
  for (const p of FORMAT.formatToParts(instant)) if (p.type !== "literal") champs[p.type] = Number(p.value);
  const annee = champs.year ?? 1970;
  const mois = champs.month ?? 1;
  const jour = champs.day ?? 1;
  const jourSemaine = (new Date(Date.UTC(annee, mois - 1, jour)).getUTCDay() + 6) % 7;
  return { annee, mois, jour, heure: champs.hour ?? 0, minute: champs.minute ?? 0, seconde: champs.second ?? 0, jourSemaine };
}

/** The wall date of an instant (see the module comment). */
export function dateMurale(instant: Date): Date {
  const m = momentParis(instant);
  return new Date(m.annee, m.mois - 1, m.jour, m.heure, m.minute, m.seconde, instant.getMilliseconds());
}

/** The real instant of a wall date: its local fields read as Paris wall-clock time. */
export function instantDepuisMurale(murale: Date): Date {
  const utcSuppose = Date.UTC(murale.getFullYear(), murale.getMonth(), murale.getDate(), murale.getHours(), murale.getMinutes(), murale.getSeconds(), murale.getMilliseconds());
  // Paris is UTC+1 or +2: correct by the offset seen at the guess, then once more across a change.
  let t = utcSuppose - decalage(new Date(utcSuppose));
  t = utcSuppose - decalage(new Date(t));
  return new Date(t);
}

/** Paris offset from UTC at an instant, in ms. */
function decalage(instant: Date): number {
  const m = momentParis(instant);
  const commeUtc = Date.UTC(m.annee, m.mois - 1, m.jour, m.heure, m.minute, m.seconde);
  return commeUtc - (instant.getTime() - instant.getMilliseconds());
}

/** Midnight (wall date) of the Monday of the week containing the instant in Paris. */
export function lundiMural(instant: Date): Date {
  const m = momentParis(instant);
  return new Date(m.annee, m.mois - 1, m.jour - m.jourSemaine);
}

/** Wall date → "YYYY-MM-DD". */
export function dateIso(murale: Date): string {
  return `${murale.getFullYear()}-${deux(murale.getMonth() + 1)}-${deux(murale.getDate())}`;
}

/** Wall date → "HH:MM". */
export function heureMurale(murale: Date): string {
  return `${deux(murale.getHours())}:${deux(murale.getMinutes())}`;
}

function deux(n: number): string {
  return String(n).padStart(2, "0");
}
