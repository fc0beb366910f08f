/**
 * Sortable tables without JavaScript: each header is a link to the same page with
 * `?tri=<colonne>&ordre=asc|desc`, the sorted header carries `aria-sort`.
 */

export type Ordre = "asc" | "desc";

export interface ColonneTriable<L> {
  cle: string;
  /** Header text, with its unit: "Population (habitants)". */
  entete: string;
  valeur(l: L): number | string | null;
  /** Numbers are right-aligned. */
  numerique: boolean;
  /** The order of a first click on the header: largest first for most numbers, A to Z, rank 1 first. */
  premierOrdre: Ordre;
  /** The cell as shown, formatted in French. */
  cellule(l: L): string;
}

export interface Tri {
  cle: string;
  ordre: Ordre;
}

/** Parameter names of a table: `tri`/`ordre` for the first, `<prefixe>_tri`/`<prefixe>_ordre` for others. */
export function parametresTri(prefixe?: string): { tri: string; ordre: string } {
  return prefixe ? { tri: `${prefixe}_tri`, ordre: `${prefixe}_ordre` } : { tri: "tri", ordre: "ordre" };
}

/** The sort asked in the URL if it names a column of this table, else the default. */
export function lireTri<L>(params: URLSearchParams, colonnes: readonly ColonneTriable<L>[], defaut: Tri, prefixe?: string): Tri {
  const noms = parametresTri(prefixe);
  const cle = params.get(noms.tri);
  const colonne = colonnes.find((c) => c.cle === cle);
  if (!colonne) return defaut;
  const ordre = params.get(noms.ordre);
  return { cle: colonne.cle, ordre: ordre === "asc" || ordre === "desc" ? ordre : colonne.premierOrdre };
}

const comparateurTexte = new Intl.Collator("fr", { sensitivity: "base", numeric: true });

/**
 * Rows sorted by a column; unknown values always last (whatever the order), ties kept in their
 * original order, so that a table sorted twice reads the same.
 */
export function trier<L>(lignes: readonly L[], colonne: ColonneTriable<L>, ordre: Ordre): L[] {
  const signe = ordre === "asc" ? 1 : -1;
  return lignes
    .map((l, i) => ({ l, i, v: colonne.valeur(l) }))
    .sort((a, b) => {
      if (a.v === null || b.v === null) return a.v === b.v ? a.i - b.i : a.v === null ? 1 : -1;
      const c = typeof a.v === "number" && typeof b.v === "number" ? a.v - b.v : comparateurTexte.compare(String(a.v), String(b.v));
      return c === 0 ? a.i - b.i : signe * c;
    })
    .map((x) => x.l);
}

/** Sorts with the named column (or leaves the rows as they are if it is unknown). */
export function trierSelon<L>(lignes: readonly L[], colonnes: readonly ColonneTriable<L>[], tri: Tri): L[] {
  const colonne = colonnes.find((c) => c.cle === tri.cle);
  return colonne ? trier(lignes, colonne, tri.ordre) : [...lignes];
}

/** The order a click on this header asks for: the other way if already sorted by it, else the column's natural first order. */
export function ordreSuivant<L>(colonne: ColonneTriable<L>, actuel: Tri): Ordre {
  if (actuel.cle === colonne.cle) return actuel.ordre === "asc" ? "desc" : "asc";
  return colonne.premierOrdre;
}

/**
 * The header link: same path and parameters (map choice, the other table's sort), this table's
 * sort replaced, and an anchor back to the table.
 */
export function lienTri<L>(chemin: string, params: URLSearchParams, colonne: ColonneTriable<L>, actuel: Tri, ancre: string, prefixe?: string): string {
  const noms = parametresTri(prefixe);
  const p = new URLSearchParams(params);
  p.set(noms.tri, colonne.cle);
  p.set(noms.ordre, ordreSuivant(colonne, actuel));
  return `${chemin}?${p.toString()}#${ancre}`;
}

export function ariaSort(colonne: { cle: string }, actuel: Tri): "ascending" | "descending" | undefined {
  if (colonne.cle !== actuel.cle) return undefined;
  return actuel.ordre === "asc" ? "ascending" : "descending";
}
