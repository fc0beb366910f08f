/**
 * The one place-name normalisation of the project: two spellings of the same
 * name ("ST-BRIEUC", "Saint Brieuc", "saint-brieuc") give the same key.
 * Used on both sides of every comparison, never for display.
 */
export function normaliserNom(s: string): string {
  const sansAccents = s
    .toLowerCase()
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    // Ligatures do not decompose under NFD ("Plœuc", "Hœdic"); sources write "oe".
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    // Breton "c'h" is one letter, not an elision: COG writes both "Ploulec'h" and "Tourch".
    .replace(/c['’]h/g, "ch");
  // Hyphens, apostrophes (’ and ') and any other punctuation separate words.
  const mots = sansAccents.split(/[^\p{L}\p{N}]+/u).filter((mot) => mot !== "");
  return mots.map((mot) => ABREVIATIONS.get(mot) ?? mot).join(" ");
}

/** Abbreviations found in source files (La Poste, CNFS, Aidants Connect). */
const ABREVIATIONS: ReadonlyMap<string, string> = new Map([
  ["st", "saint"],
  ["ste", "sainte"],
]);
