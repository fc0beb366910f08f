/**
 * Numbers as the diagnostic shows them, in French (page, PDF, CSV). A missing value is always
 * written "inconnu", never 0 nor an empty cell: an elected official must see that it is unknown.
 */

export const INCONNU = "inconnu";

/** Units never go to the next line alone: narrow no-break space before "%" (as Intl writes it), no-break space elsewhere. */
const FINE = "\u202f";
const INSECABLE = "\u00a0";

const formats = new Map<string, Intl.NumberFormat>();

function format(min: number, max: number): Intl.NumberFormat {
  const cle = `${min}-${max}`;
  let f = formats.get(cle);
  if (!f) {
    f = new Intl.NumberFormat("fr-FR", { minimumFractionDigits: min, maximumFractionDigits: max });
    formats.set(cle, f);
  }
  return f;
}

/** "12 345", or "inconnu". */
export function formaterEntier(n: number | null): string {
  return n === null ? INCONNU : format(0, 0).format(n);
}

/** A decimal with at most `chiffres` digits after the comma: "3,4". */
export function formaterDecimal(n: number | null, chiffres = 1): string {
  return n === null ? INCONNU : format(0, chiffres).format(n);
}

/** A share between 0 and 1 as a percentage: 0.1234 → "12,3 %". */
export function formaterTaux(taux: number | null, chiffres = 1): string {
  return taux === null ? INCONNU : `${format(0, chiffres).format(taux * 100)}${FINE}%`;
}

/** A distance in kilometres: "12,3 km". */
export function formaterKm(km: number | null): string {
  return km === null ? INCONNU : `${format(0, 1).format(km)}${INSECABLE}km`;
}

/** A 0–10 IFN score with one decimal: "4,2 / 10". */
export function formaterScore(score: number | null): string {
  return score === null ? INCONNU : `${format(1, 1).format(score)}${INSECABLE}/${INSECABLE}10`;
}

/** A 0–1 comparison score (need, offer, gap) with two decimals: "0,42". */
export function formaterIndice(indice: number | null): string {
  return indice === null ? INCONNU : format(2, 2).format(indice);
}

/** "1 lieu", "3 lieux": French plurals with an explicit plural form. */
export function accorder(n: number, singulier: string, pluriel: string): string {
  return `${formaterEntier(n)} ${n >= 2 ? pluriel : singulier}`;
}

/** An ISO instant as "2 mai 2026", in Paris time. */
export function formaterDateLongue(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleDateString("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Paris" });
}

/** A plain decimal for a spreadsheet cell: comma, no thousands separator, "" when unknown. */
export function decimalTableur(n: number | null, chiffres = 2): string {
  if (n === null) return "";
  const f = 10 ** chiffres;
  return String(Math.round(n * f) / f).replace(".", ",");
}
