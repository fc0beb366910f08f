/** Narrows a string to a member of a literal list, without widening casts. */
export function appartient<T extends string>(liste: readonly T[], valeur: string): valeur is T {
  return liste.some((x) => x === valeur);
}
