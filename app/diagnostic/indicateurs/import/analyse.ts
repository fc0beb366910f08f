import { decoderTexte } from "~/lieux/import/fichier";
import type { ProblemeImport } from "~/lieux/standard/lieu";
import { lireCnaf } from "./format-cnaf";
import { lireFranceTravail } from "./format-france-travail";
import { lireGenerique } from "./format-generique";
import { lireIfn } from "./format-ifn";
import { lireInsee } from "./format-insee";
import type { ContexteLecture, FormatIndicateurs, LectureIndicateurs, ValeurIndicateur } from "./types";

export interface AnalyseIndicateurs {
  /** Data rows read (header excluded). */
  lignes: number;
  horsRegion: number;
  acceptees: number;
  rejetees: number;
  valeurs: ValeurIndicateur[];
  problemes: ProblemeImport[];
}

/** Decodes and reads a file in one of the official layouts. Throws FichierInutilisable when it cannot be read at all. */
export function lireIndicateurs(octets: Uint8Array, format: FormatIndicateurs, contexte: ContexteLecture): LectureIndicateurs {
  const texte = decoderTexte(octets);
  switch (format) {
    case "generique":
      return lireGenerique(texte, contexte);
    case "insee-population":
      return lireInsee(texte, contexte, "population");
    case "insee-diplomes":
      return lireInsee(texte, contexte, "diplomes");
    case "cnaf":
      return lireCnaf(texte, contexte);
    case "france-travail":
      return lireFranceTravail(texte, contexte);
    case "ifn":
      return lireIfn(texte, contexte);
  }
}

function cle(v: ValeurIndicateur): string {
  return `${v.niveau}|${v.code}|${v.indicateur}|${v.annee}`;
}

/**
 * Reads a whole file without touching the database: rows outside Bretagne are only counted, a row
 * with an error is rejected whole, and a value given twice (same level, code, indicator and year)
 * rejects the second row.
 */
export function analyserIndicateurs(octets: Uint8Array, format: FormatIndicateurs, contexte: ContexteLecture): AnalyseIndicateurs {
  const lecture = lireIndicateurs(octets, format, contexte);
  const analyse: AnalyseIndicateurs = { lignes: lecture.lignes.length, horsRegion: 0, acceptees: 0, rejetees: 0, valeurs: [], problemes: [...lecture.problemesFichier] };
  const premiereLigne = new Map<string, number>();
  for (const ligne of lecture.lignes) {
    if (ligne.horsRegion) {
      analyse.horsRegion++;
      continue;
    }
    const doublons = ligne.valeurs.flatMap((v) => {
      const dejaVue = premiereLigne.get(cle(v));
      if (dejaVue === undefined) premiereLigne.set(cle(v), ligne.ligne);
      return dejaVue === undefined ? [] : [{ v, dejaVue }];
    });
    const [doublon] = doublons;
    if (doublon) {
      const { v, dejaVue } = doublon;
      ligne.problemes.push({
        line: ligne.ligne,
        field: "*",
        severity: "error",
        value: `${v.code} ${v.indicateur} ${v.annee}`,
        message: `Ligne en double : la ligne ${dejaVue} donne déjà ${v.indicateur} ${v.annee} pour ${v.code}.`,
      });
    }
    analyse.problemes.push(...ligne.problemes);
    if (ligne.problemes.some((p) => p.severity === "error")) {
      analyse.rejetees++;
      continue;
    }
    analyse.acceptees++;
    analyse.valeurs.push(...ligne.valeurs);
  }
  return analyse;
}
