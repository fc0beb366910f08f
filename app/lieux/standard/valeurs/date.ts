import { cite, echec, succes, type Resultat } from "./resultat";

const JOURS_PAR_MOIS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function dateReelle(annee: number, mois: number, jour: number): boolean {
  const bissextile = (annee % 4 === 0 && annee % 100 !== 0) || annee % 400 === 0;
  const max = mois === 2 && bissextile ? 29 : JOURS_PAR_MOIS[mois - 1];
  return max !== undefined && jour >= 1 && jour <= max;
}

const deux = (n: number): string => String(n).padStart(2, "0");

/**
 * A calendar date as the standard wants it: ISO `YYYY-MM-DD`.
 * An ISO datetime is cut to its date (harmless); a French `JJ/MM/AAAA` is converted, with a warning.
 */
export function date(brut: string): Resultat<string> {
  const propre = brut.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}.*)?$/.exec(propre);
  const francaise = iso ? null : /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(propre);
  const [annee, mois, jour] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : francaise
      ? [Number(francaise[3]), Number(francaise[2]), Number(francaise[1])]
      : [NaN, NaN, NaN];
  if (Number.isNaN(annee)) {
    return echec(`Date ${cite(brut)} illisible : attendu le format AAAA-MM-JJ (ex. 2024-04-02).`);
  }
  if (!dateReelle(annee, mois, jour)) {
    return echec(`Date ${cite(brut)} inexistante dans le calendrier : attendu une date réelle au format AAAA-MM-JJ.`);
  }
  const valeur = `${annee}-${deux(mois)}-${deux(jour)}`;
  return francaise
    ? succes(valeur, `Date au format français ${cite(propre)} convertie en ${valeur} (format AAAA-MM-JJ du standard).`)
    : succes(valeur);
}
