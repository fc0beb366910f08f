import { JOURS } from "../recherche/criteres";
import { analyser, nomFerie, type HorairesAnalyses } from "./analyse";
import type { Jour, JourHoraires, Plage } from "./types";
import { dateIso, dateMurale, heureMurale, instantDepuisMurale, lundiMural } from "./paris";

/**
 * Opening hours (OpenStreetMap syntax, as the standard stores them) read in Europe/Paris time with
 * French public holidays. Every function answers `undefined` (or an empty week) when the place
 * publishes no hours or hours the library cannot read: "unknown" is never shown as "closed".
 */

export type { Jour, JourHoraires, Plage };

const SEMAINE_MS = 7 * 86_400_000;

/** Open at that instant. */
export function ouvertA(horaires: string, instant: Date): boolean | undefined {
  const a = analyser(horaires);
  if (!a) return undefined;
  const t = instant.getTime();
  // Between two changes the answer cannot differ: searches ask for the same minute many times.
  if (a.etat && a.etat.depuis <= t && t < a.etat.jusqua) return a.etat.ouvert;
  const murale = dateMurale(instant);
  const ouvert = a.oh.getState(murale);
  const prochain = a.oh.getNextChange(murale, new Date(murale.getTime() + SEMAINE_MS));
  a.etat = { depuis: t, jusqua: prochain ? instantDepuisMurale(prochain).getTime() : t + SEMAINE_MS, ouvert };
  return ouvert;
}

/** The 7 days Monday → Sunday of the week containing `instant` (Paris); `[]` without usable hours. */
export function semaine(horaires: string, instant: Date): JourHoraires[] {
  const a = analyser(horaires);
  // A copy: the computed week is shared through the cache.
  return a ? semaineAnalysee(a, instant).map((j) => ({ ...j, plages: j.plages.map((p) => ({ ...p })) })) : [];
}

/** Open on that day of the current week: at `heure` ("HH:MM"), or at some time that day without it. */
export function ouvertLe(horaires: string, jour: Jour, heure: string | undefined, instant: Date): boolean | undefined {
  const a = analyser(horaires);
  if (!a) return undefined;
  const j = semaineAnalysee(a, instant)[JOURS.indexOf(jour)];
  if (!j) return undefined;
  if (heure === undefined) return j.plages.length > 0;
  return j.plages.some((p) => p.debut <= heure && heure < p.fin);
}

/** Open after 18:00 on at least one day of the current week. */
export function ouvertLeSoir(horaires: string, instant: Date): boolean | undefined {
  const a = analyser(horaires);
  if (!a) return undefined;
  return semaineAnalysee(a, instant).some((j) => j.plages.some((p) => p.fin > "18:00"));
}

/** Open on the Saturday or the Sunday of the current week. */
export function ouvertLeWeekEnd(horaires: string, instant: Date): boolean | undefined {
  const a = analyser(horaires);
  if (!a) return undefined;
  return semaineAnalysee(a, instant)
    .slice(5)
    .some((j) => j.plages.length > 0);
}

/**
 * The next opening or closing within a week, for "ferme à 18:00" / "ouvre à 14:00":
 * `ouvert` is the state NOW, `a` the instant it changes. Undefined without usable hours or change.
 */
export function prochainChangement(horaires: string, instant: Date): { ouvert: boolean; a: Date } | undefined {
  const a = analyser(horaires);
  if (!a) return undefined;
  const murale = dateMurale(instant);
  const prochain = a.oh.getNextChange(murale, new Date(murale.getTime() + SEMAINE_MS));
  if (!prochain) return undefined;
  return { ouvert: a.oh.getState(murale), a: instantDepuisMurale(prochain) };
}

function semaineAnalysee(a: HorairesAnalyses, instant: Date): JourHoraires[] {
  const lundi = lundiMural(instant);
  const cle = dateIso(lundi);
  if (a.semaine?.lundi === cle) return a.semaine.jours;
  const jours = JOURS.map((jour, i): JourHoraires => {
    const debut = new Date(lundi.getFullYear(), lundi.getMonth(), lundi.getDate() + i);
    const fin = new Date(lundi.getFullYear(), lundi.getMonth(), lundi.getDate() + i + 1);
    const plages = a.oh.getOpenIntervals(debut, fin).map(([de, a_]) => ({
      debut: heureMurale(de),
      fin: a_.getTime() >= fin.getTime() ? "24:00" : heureMurale(a_),
    }));
    const ferie = nomFerie(debut);
    return { jour, date: dateIso(debut), plages, ...(ferie === undefined ? {} : { ferie }) };
  });
  a.semaine = { lundi: cle, jours };
  return jours;
}
