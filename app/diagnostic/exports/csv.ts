import type { RapportDiagnostic } from "../types";
import { colonnesExport } from "./colonnes-export";

/**
 * The communes of a diagnostic as a CSV for spreadsheet users: `;` separator and decimal comma
 * (what a French spreadsheet expects), a UTF-8 BOM so that accents open right, CRLF line ends.
 * An unknown value is an empty cell: a spreadsheet then leaves it out of sums and averages.
 */

export const BOM = "\uFEFF";

function cellule(v: string | number | null, chiffres: number): string {
  if (v === null) return "";
  if (typeof v === "number") {
    const f = 10 ** chiffres;
    return String(Math.round(v * f) / f).replace(".", ",");
  }
  // Quoted when it holds a separator, a quote or a line break; a leading = + - @ would be read as a formula.
  const sur = /^[=+\-@]/.test(v) ? `'${v}` : v;
  return /[;"\r\n]/.test(sur) ? `"${sur.replace(/"/g, '""')}"` : sur;
}

export function csvCommunes(r: Pick<RapportDiagnostic, "offre" | "communes">): string {
  const colonnes = colonnesExport(r);
  const lignes = [
    colonnes.map((c) => cellule(c.entete, 0)).join(";"),
    ...r.communes.map((l) =>
      colonnes
        .map((c) => {
          const v = c.valeur(l);
          return cellule(c.pourcentage && typeof v === "number" ? v * 100 : v, c.chiffres);
        })
        .join(";"),
    ),
  ];
  return `${BOM}${lignes.join("\r\n")}\r\n`;
}
