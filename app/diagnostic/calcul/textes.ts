/** "1 202": French digit grouping (narrow no-break space, as Intl writes it), without Intl's cost in loops. */
export function formaterNombre(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, "\u202f");
}
