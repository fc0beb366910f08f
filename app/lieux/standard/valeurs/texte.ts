import { echec, succes, type Resultat } from "./resultat";

export interface OptionsTexte {
  /** Maximum length in characters (code points, as frictionless counts them). */
  longueurMax?: number;
  /** Keeps line breaks (paragraphs of a detailed presentation); other fields are one line. */
  multiligne?: boolean;
}

/**
 * A free text field: trimmed, whitespace collapsed, typographic apostrophes made straight
 * (the standard's enumerations and most consumers only know `'`). These are harmless, so no warning.
 * Too long: cut at a word boundary with "…", with a warning.
 */
export function texte(brut: string, options: OptionsTexte = {}): Resultat<string> {
  let propre = brut.replace(/[\u2019\u2018\u02bc]/g, "'").replace(/\r\n?/g, "\n");
  propre = options.multiligne
    ? propre
        .split("\n")
        .map((ligne) => ligne.replace(/\s+/g, " ").trim())
        .join("\n")
        .replace(/\n{3,}/g, "\n\n")
        .trim()
    : propre.replace(/\s+/g, " ").trim();
  if (propre === "") return echec("Texte vide : une valeur est attendue.");

  const max = options.longueurMax;
  const caracteres = Array.from(propre);
  if (max === undefined || caracteres.length <= max) return succes(propre);

  // Keep room for the ellipsis, then step back to the last space so no word is cut in half.
  const debut = caracteres.slice(0, max - 1).join("");
  const espace = debut.lastIndexOf(" ");
  const coupe = (espace > max / 2 ? debut.slice(0, espace) : debut).replace(/[\s,;:.]+$/, "");
  return succes(
    `${coupe}…`,
    `Texte de ${caracteres.length} caractères, au-delà des ${max} admis : coupé au dernier mot entier et terminé par « … ».`,
  );
}
