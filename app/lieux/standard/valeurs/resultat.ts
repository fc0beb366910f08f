/** Outcome of a value constructor: a normalised value (possibly with a warning), or a message saying what is wrong. */
export type Resultat<T> = { ok: true; valeur: T; avertissement?: string } | { ok: false; message: string };

export type Succes<T> = Extract<Resultat<T>, { ok: true }>;

export function succes<T>(valeur: T, avertissement?: string): Resultat<T> {
  // exactOptionalPropertyTypes: the key must be absent, not undefined.
  return avertissement === undefined ? { ok: true, valeur } : { ok: true, valeur, avertissement };
}

export function echec<T>(message: string): Resultat<T> {
  return { ok: false, message };
}

/** Quotes a raw value inside a message, cut so that a huge cell does not flood the report. */
export function cite(brut: string, max = 80): string {
  const court = brut.length > max ? `${brut.slice(0, max - 1)}…` : brut;
  return `« ${court} »`;
}
