import { cite, echec, succes, type Resultat } from "./resultat";

/** French postal code: 5 digits. Spreadsheets drop the leading zero of 01xxx-09xxx codes: it is put back, with a warning. */
export function codePostal(brut: string): Resultat<string> {
  const propre = brut.replace(/\s/g, "").replace(/\.0+$/, "");
  if (/^\d{5}$/.test(propre) && !propre.startsWith("00")) return succes(propre);
  if (/^[1-9]\d{3}$/.test(propre)) {
    return succes(`0${propre}`, `Code postal ${propre} à 4 chiffres : le zéro initial (perdu par un tableur) a été rétabli en 0${propre}.`);
  }
  return echec(`Code postal ${cite(brut)} invalide : attendu 5 chiffres (ex. 35000).`);
}
