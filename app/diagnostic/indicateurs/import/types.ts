import type { ProblemeImport } from "~/lieux/standard/lieu";
import { appartient } from "~/platform/listes";
import type { Referentiel } from "~/territoire/types";
import type { CleIndicateur, Niveau } from "../vocabulaire";

/** The official layouts `npx passerelle indicateurs import --format` reads (see reference-data/indicateurs/README.md). */
export const FORMATS_INDICATEURS = ["generique", "insee-population", "insee-diplomes", "cnaf", "france-travail", "ifn"] as const;
export type FormatIndicateurs = (typeof FORMATS_INDICATEURS)[number];

export function estFormatIndicateurs(valeur: string): valeur is FormatIndicateurs {
  return appartient(FORMATS_INDICATEURS, valeur);
}

/** One value ready to store; `commune` is the current commune (null for an EPCI). */
export interface ValeurIndicateur {
  niveau: Niveau;
  code: string;
  commune: string | null;
  indicateur: CleIndicateur;
  valeur: number;
  annee: number;
  source: string;
}

/** One row of a file: the values it gives and its problems. */
export interface LigneLue {
  ligne: number;
  /** A well-formed code the referentiel does not know: a row of a national file outside Bretagne. */
  horsRegion: boolean;
  valeurs: ValeurIndicateur[];
  problemes: ProblemeImport[];
}

export interface LectureIndicateurs {
  lignes: LigneLue[];
  /** Problems of the file as a whole (missing optional columns…), reported on line 1. */
  problemesFichier: ProblemeImport[];
}

export interface ContexteLecture {
  referentiel: Referentiel;
  /** `--annee`: required by the formats whose files carry no year. */
  annee: number | undefined;
}
