import type { CATEGORIES_SIGNALEMENT } from "../lieux.schema";

/** Form texts of "Signaler une erreur", without zod or drizzle so that the browser bundle stays small. */
export type CategorieSignalement = (typeof CATEGORIES_SIGNALEMENT)[number];

/** The categories people tick, in the words of the form (those of the national map, which people know), in the table's order. */
export const LIBELLES_CATEGORIES: Record<CategorieSignalement, string> = {
  horaires: "Les horaires",
  services: "Les services proposés",
  adresse: "L'adresse",
  contacts: "Les contacts (téléphone, courriel, site)",
  accompagnement: "Les façons d'être aidé",
  labels: "Les labels et programmes",
  public: "Le public accueilli",
  n_existe_plus: "Le lieu n'existe plus",
  autre: "Autre chose",
};

export const MESSAGE_MAX = 2000;
/** Name of the hidden field bots fill in and people never see. */
export const CHAMP_PIEGE = "site_internet";
