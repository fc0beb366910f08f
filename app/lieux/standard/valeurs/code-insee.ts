import { cite, echec, succes, type Resultat } from "./resultat";

/** The standard's pattern (COG commune code; Corsica 2A/2B). */
export const MOTIF_CODE_INSEE = /^([013-9]\d|2[AB1-9])\d{3}$/;

/** INSEE (COG) commune code. Lower-case 2a/2b is upper-cased; a 4-digit code gets its leading zero back, with a warning. */
export function codeInsee(brut: string): Resultat<string> {
  const propre = brut.replace(/\s/g, "").replace(/\.0+$/, "").toUpperCase();
  if (MOTIF_CODE_INSEE.test(propre)) return succes(propre);
  if (/^\d{4}$/.test(propre) && MOTIF_CODE_INSEE.test(`0${propre}`)) {
    return succes(`0${propre}`, `Code INSEE ${propre} à 4 chiffres : le zéro initial (perdu par un tableur) a été rétabli en 0${propre}.`);
  }
  return echec(`Code INSEE ${cite(brut)} invalide : attendu le code officiel géographique de la commune, 5 caractères (ex. 35238, ou 2A004 en Corse).`);
}
