import opening_hours, { type nominatim_object, type optional_conf } from "opening_hours";
import type { JourHoraires } from "./types";

/** Rennes area, so that `PH` means French public holidays (and `SH` Bretagne's school holidays). */
const BRETAGNE: nominatim_object = { lat: 48.1, lon: -1.7, address: { country_code: "fr", state: "Bretagne" } };
const CONFIGURATION: optional_conf = { mode: undefined, tag_key: undefined, map_value: undefined, warnings_severity: undefined, locale: "fr" };

/** What is remembered for one hours string: its parsed form and the last answers computed from it. */
export interface HorairesAnalyses {
  oh: opening_hours;
  /** State between two changes: any instant in [depuis, jusqua) has the same state (ms since epoch). */
  etat?: { depuis: number; jusqua: number; ouvert: boolean };
  /** Per-week answers (key: the Monday's date), only the last week asked. */
  semaine?: { lundi: string; jours: JourHoraires[] };
}

/**
 * Parsing costs about 0.3 ms and a directory repeats the same few patterns thousands of times:
 * parsed values are kept, at most TAILLE_MAX, the oldest dropped first. `null` = unusable.
 */
const CACHE = new Map<string, HorairesAnalyses | null>();
const TAILLE_MAX = 5_000;

export function analyser(horaires: string): HorairesAnalyses | undefined {
  const cle = horaires.trim();
  if (cle === "") return undefined;
  const connu = CACHE.get(cle);
  if (connu !== undefined) return connu ?? undefined;
  let analyse: HorairesAnalyses | null;
  try {
    analyse = { oh: new opening_hours(cle, BRETAGNE, CONFIGURATION) };
  } catch {
    analyse = null;
  }
  if (CACHE.size >= TAILLE_MAX) {
    const plusAncien = CACHE.keys().next();
    if (!plusAncien.done) CACHE.delete(plusAncien.value);
  }
  CACHE.set(cle, analyse);
  return analyse ?? undefined;
}

/** "PH" alone: its comment on a holiday is the holiday's name (the library's French names). */
const FERIES = new opening_hours("PH", BRETAGNE, CONFIGURATION);

/** The name of the French public holiday on that wall date, if it is one. */
export function nomFerie(murale: Date): string | undefined {
  const midi = new Date(murale.getFullYear(), murale.getMonth(), murale.getDate(), 12);
  if (!FERIES.getState(midi)) return undefined;
  return FERIES.getComment(midi) ?? "Jour férié";
}
