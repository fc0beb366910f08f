import { randomInt } from "node:crypto";

/**
 * Referral codes printed on the orientation sheet: 8 characters of an alphabet without the ones people
 * confuse when reading aloud or typing (0/O, 1/I/L), drawn by crypto (a code is a lookup key for the
 * structures' members: it must not be guessable from another one). 31⁸ ≈ 8,5 × 10¹¹ codes.
 */
export const ALPHABET_CODE = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const LONGUEUR_CODE_ORIENTATION = 8;

export function nouveauCodeOrientation(): string {
  let code = "";
  for (let i = 0; i < LONGUEUR_CODE_ORIENTATION; i++) code += ALPHABET_CODE[randomInt(ALPHABET_CODE.length)];
  return code;
}

/** "K7P3Q9XM" → "K7P3-Q9XM". */
export function afficherCodeOrientation(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** What a person typed back to the stored form: case, spaces and dashes ignored; undefined if it cannot be a code. */
export function normaliserCodeOrientation(saisi: string): string | undefined {
  const code = saisi.toUpperCase().replace(/[\s\-_.\u00a0\u202f]/g, "");
  if (code.length !== LONGUEUR_CODE_ORIENTATION) return undefined;
  for (const c of code) if (!ALPHABET_CODE.includes(c)) return undefined;
  return code;
}
