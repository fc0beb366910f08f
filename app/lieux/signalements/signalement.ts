import "~/platform/zod-navigateur";
import { z } from "zod";
import { CATEGORIES_SIGNALEMENT } from "../lieux.schema";
import { CHAMP_PIEGE, MESSAGE_MAX } from "./libelles";

export { CHAMP_PIEGE, LIBELLES_CATEGORIES, MESSAGE_MAX, type CategorieSignalement } from "./libelles";

/** More links than this in a message is spam: people describe an error, they do not advertise. */
export const LIENS_MAX = 2;
const LIEN = /https?:\/\/|www\./gi;
export const nombreDeLiens = (message: string) => message.match(LIEN)?.length ?? 0;

const texte = z.preprocess((v) => (typeof v === "string" ? v.replace(/\r\n/g, "\n").trim() : ""), z.string());

export const schemaSignalement = z
  .object({
    categories: z.array(z.enum(CATEGORIES_SIGNALEMENT, { message: "Catégorie inconnue." })).max(CATEGORIES_SIGNALEMENT.length),
    message: texte.pipe(z
        .string()
        .max(MESSAGE_MAX, `Le message ne doit pas dépasser ${MESSAGE_MAX} caractères.`)
        .refine((m) => nombreDeLiens(m) <= LIENS_MAX, `Le message contient trop de liens (${LIENS_MAX} au plus).`),
    ),
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

function erreursDe(issues: readonly z.core.$ZodIssue[]): ErreursSignalement {
  const erreurs: ErreursSignalement = {};
  for (const i of issues) {
    const champ = i.path[0];
    if ((champ === "categories" || champ === "message" || champ === "courriel") && erreurs[champ] === undefined) erreurs[champ] = i.message;
  }
  return erreurs;
}

/** Reads the JSON body of `POST /api/v1/lieux/<id>/signalements`: the same rules as the form (no honeypot). */
export function lireSignalementJson(corps: unknown): { ok: true; signalement: Signalement } | { ok: false; erreurs: ErreursSignalement } {
  const objet = typeof corps === "object" && corps !== null && !Array.isArray(corps) ? corps : {};
  const champ = (cle: string): unknown => (cle in objet ? Reflect.get(objet, cle) : undefined);
  const categories = champ("categories");
  const r = schemaSignalement.safeParse({
    categories: categories === undefined ? [] : categories,
    message: champ("message"),
    courriel: champ("courriel"),
    piege: "",
  });
  if (r.success) return { ok: true, signalement: r.data };
  const erreurs = erreursDe(r.error.issues);
  // A body that is not an object, or a wrongly typed field, still names a field.
  return { ok: false, erreurs: Object.keys(erreurs).length > 0 ? erreurs : { categories: "Corps JSON attendu : { categories, message, courriel }." } };
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
  return { ok: false, erreurs: erreursDe(r.error.issues) };
}
