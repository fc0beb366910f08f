import type { Jour } from "../recherche/criteres";

export type { Jour };

export interface Plage {
  /** "HH:MM", Paris time. */
  debut: string;
  /** "HH:MM"; "24:00" when open until midnight. */
  fin: string;
}

export interface JourHoraires {
  jour: Jour;
  /** YYYY-MM-DD. */
  date: string;
  plages: Plage[];
  /** Name of the public holiday that day ("Noël"…). */
  ferie?: string;
}
