import { z } from "zod";
import { CATEGORIES_SIGNALEMENT } from "../lieux.schema";
import { CHAMP_PIEGE, MESSAGE_MAX } from "./libelles";

export { CHAMP_PIEGE, LIBELLES_CATEGORIES, MESSAGE_MAX, type CategorieSignalement } from "./libelles";

const texte = z.preprocess((v) => (typeof v === "string" ? v.replace(/\r\n/g, "\n").trim() : ""), z.string());

export const schemaSignalement = z
  .object({
    categories: z.array(z.enum(CATEGORIES_SIGNALEMENT, { message: "Catégorie inconnue." })).max(CATEGORIES_SIGNALEMENT.length),
    message: texte.pipe(z.string().max(MESSAGE_MAX, `Le message ne doit pas dépasser ${MESSAGE_MAX} caractères.`)),
    courriel: texte.pipe(z.union([z.literal(""), z.email({ message: "Cette adresse de courriel n'est pas valide (exemple : nom@exemple.fr)." })])),
    piege: texte,
  })
  .refine((s) => s.categories.length > 0 || s.message !== "", {
    message: "Cochez ce qui est faux ou décrivez l'erreur.",
    path: ["categories"],
  });

export type Signalement = z.infer<typeof schemaSignalement>;

export interface ErreursSignalement {
  categories?: string;
  message?: string;
  courriel?: string;
}

/** Reads the posted form; errors are keyed by field, in French, for display next to each field. */
export function lireSignalement(form: FormData): { ok: true; signalement: Signalement } | { ok: false; erreurs: ErreursSignalement } {
  const r = schemaSignalement.safeParse({
    categories: form.getAll("categories").filter((v) => typeof v === "string"),
    message: form.get("message"),
    courriel: form.get("courriel"),
    piege: form.get(CHAMP_PIEGE),
  });
  if (r.success) return { ok: true, signalement: r.data };
  const erreurs: ErreursSignalement = {};
  for (const i of r.error.issues) {
    const champ = i.path[0];
    if ((champ === "categories" || champ === "message" || champ === "courriel") && erreurs[champ] === undefined) erreurs[champ] = i.message;
  }
  return { ok: false, erreurs };
}
