import "~/platform/zod-navigateur";
import { z } from "zod";
import {
  DISPOSITIFS_PROGRAMMES_NATIONAUX,
  FRAIS_A_CHARGE,
  MODALITES_ACCOMPAGNEMENT,
  PRISES_EN_CHARGE_SPECIFIQUES,
  PUBLICS_SPECIFIQUEMENT_ADRESSES,
  SERVICES,
} from "../standard/enumerations";

/**
 * The search criteria, shared by the public pages (`/lieux`, `/orientation`, `/embed`, territory
 * pages), the JSON API and the benchmarks. They live in the URL: every field is a query parameter
 * of the same name, multi-valued ones repeated or joined with `|`.
 */

/** "Langues étrangères" matches both stored values (anglais, autres): the national map's filter never matched. */
export const LANGUES_ETRANGERES = "Langues étrangères";
export const PRISES_EN_CHARGE_FILTRABLES = [...PRISES_EN_CHARGE_SPECIFIQUES, LANGUES_ETRANGERES] as const;

export const JOURS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"] as const;
export type Jour = (typeof JOURS)[number];

/** One value, several repeated parameters, or one parameter with `|`-separated values → a clean list. */
const liste = <const T extends readonly [string, ...string[]]>(valeurs: T) =>
  z.preprocess(
    (v) => (v === undefined ? [] : (Array.isArray(v) ? v : [v]).flatMap((x) => String(x).split("|")).map((x) => x.trim()).filter((x) => x !== "")),
    z.array(z.enum(valeurs)),
  );

const drapeau = z.preprocess((v) => v === "1" || v === "true" || v === "oui" || v === "on" || v === true, z.boolean());
const nombreOptionnel = z.preprocess((v) => (v === "" || v === undefined ? undefined : v), z.coerce.number().optional());

export const schemaCriteres = z
  .object({
    /** Code INSEE of a commune: its point is the centre, its places come first. */
    commune: z.preprocess((v) => (v === "" ? undefined : v), z.string().regex(/^(?:\d{5}|2[AB]\d{3})$/, "code INSEE de 5 caractères attendu").optional()),
    /** Free text: a commune name, a postal code, or an address when a geocoder is configured. */
    ou: z.preprocess((v) => (v === "" ? undefined : v), z.string().max(200).optional()),
    lat: nombreOptionnel.pipe(z.number().min(-90).max(90).optional()),
    lon: nombreOptionnel.pipe(z.number().min(-180).max(180).optional()),
    rayon_km: nombreOptionnel.pipe(z.number().positive().max(200).optional()),
    services: liste(SERVICES),
    publics: liste(PUBLICS_SPECIFIQUEMENT_ADRESSES),
    prise_en_charge: liste(PRISES_EN_CHARGE_FILTRABLES),
    frais: liste(FRAIS_A_CHARGE),
    accompagnement: liste(MODALITES_ACCOMPAGNEMENT),
    dispositifs: liste(DISPOSITIFS_PROGRAMMES_NATIONAUX),
    /** "sans": one can just walk in; "sur": appointment needed (online, phone, e-mail, prescription) and no walk-in. */
    rendez_vous: z.preprocess((v) => (v === "" ? undefined : v), z.enum(["sans", "sur"]).optional()),
    itinerant: drapeau,
    /** Open at the moment of the request (Europe/Paris, French public holidays). */
    ouvert_maintenant: drapeau,
    /** Open on that day (this week's date of that day) at `heure`, or at some time that day without `heure`. */
    jour: z.preprocess((v) => (v === "" ? undefined : v), z.enum(JOURS).optional()),
    heure: z.preprocess((v) => (v === "" ? undefined : v), z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "heure HH:MM attendue").optional()),
    /** Open after 18:00 on at least one weekday. */
    soir: drapeau,
    /** Open on Saturday or Sunday. */
    week_end: drapeau,
    page: z.preprocess((v) => (v === "" || v === undefined ? 1 : v), z.coerce.number().int().min(1).max(10_000)),
    par_page: z.preprocess((v) => (v === "" || v === undefined ? 20 : v), z.coerce.number().int().min(1).max(100)),
  })
  .refine((c) => (c.lat === undefined) === (c.lon === undefined), { message: "lat et lon vont ensemble", path: ["lat"] });

export type Criteres = z.infer<typeof schemaCriteres>;

/** Reads criteria from URL search parameters (repeated keys kept). Errors name the parameter. */
export function lireCriteres(params: URLSearchParams): ReturnType<typeof schemaCriteres.safeParse> {
  const brut: Record<string, string | string[]> = {};
  for (const cle of new Set(params.keys())) {
    const valeurs = params.getAll(cle);
    brut[cle] = valeurs.length === 1 ? (valeurs[0] ?? "") : valeurs;
  }
  return schemaCriteres.safeParse(brut);
}

/** The URL query of a set of criteria (for links, pagination, sharing); defaults are left out. */
export function versParametres(c: Partial<Criteres>): URLSearchParams {
  const p = new URLSearchParams();
  for (const [cle, valeur] of Object.entries(c)) {
    if (valeur === undefined || valeur === false || (Array.isArray(valeur) && valeur.length === 0)) continue;
    if ((cle === "page" && valeur === 1) || (cle === "par_page" && valeur === 20)) continue;
    if (Array.isArray(valeur)) for (const v of valeur) p.append(cle, String(v));
    else p.set(cle, valeur === true ? "1" : String(valeur));
  }
  return p;
}
