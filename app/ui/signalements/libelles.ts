import { LIBELLES_CATEGORIES, type CategorieSignalement } from "~/lieux/signalements/libelles";

const estCategorie = (c: string): c is CategorieSignalement => c in LIBELLES_CATEGORIES;

/** The ticked categories in the words of the form. */
export function categoriesEnClair(categories: readonly string[]): string {
  const mots = categories.filter(estCategorie).map((c) => LIBELLES_CATEGORIES[c]);
  return mots.length === 0 ? "Non précisé" : mots.join(", ");
}
