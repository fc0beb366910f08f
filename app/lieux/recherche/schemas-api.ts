import { z } from "~/platform/validation";
import { CHAMPS, type Champ } from "../standard/champs";

/**
 * Shapes of the JSON API's answers, as zod schemas: the OpenAPI document is generated from them
 * and the API tests check real answers against them, so the document cannot drift from the code.
 */

type ChampTexte = Exclude<Champ, "latitude" | "longitude">;
const CHAMPS_TEXTE = CHAMPS.filter((c): c is ChampTexte => c !== "latitude" && c !== "longitude");

function complet<K extends string, V>(r: Partial<Record<K, V>>, cles: readonly K[]): r is Record<K, V> {
  return cles.every((c) => r[c] !== undefined);
}

/** A place in the standard's JSON form: the CSV's 32 fields as text (lists joined by `|`), coordinates as numbers. */
function champsStandard() {
  const textes: Partial<Record<ChampTexte, z.ZodString>> = {};
  for (const c of CHAMPS_TEXTE) textes[c] = z.string();
  if (!complet(textes, CHAMPS_TEXTE)) throw new Error("champs du standard incomplets");
  return { ...textes, latitude: z.number().nullable(), longitude: z.number().nullable() };
}

export const schemaLieuStandardApi = z.object(champsStandard()).meta({
  description: "Un lieu au standard national des lieux de médiation numérique (JSON), `id` étant l'identifiant stable de Passerelle.",
});

export const schemaLieuApi = schemaLieuStandardApi
  .extend({
    distance_km: z.number().optional().meta({ description: "Distance au centre de la recherche, en km, arrondie à 0,1 ; absente sans centre." }),
    position_approchee: z.boolean().meta({ description: "La position est celle de la commune, pas celle du lieu." }),
    sur_rendez_vous: z.boolean().meta({ description: "Il faut prendre contact (en ligne, téléphone, courriel, prescription) et on ne peut pas se présenter sans rendez-vous." }),
    ouvert_maintenant: z.boolean().optional().meta({ description: "Ouvert au moment de la requête (heure de Paris, jours fériés) ; absent sans horaires lisibles." }),
  })
  .meta({ id: "LieuTrouve" });

export const schemaCentre = z
  .object({ latitude: z.number(), longitude: z.number(), libelle: z.string(), code_insee: z.string().optional() })
  .meta({ id: "Centre", description: "Le centre de la recherche et ce qu'il représente." });

export const schemaListeLieux = z
  .object({
    data: z.array(schemaLieuApi),
    meta: z.object({
      total: z.int().min(0),
      page: z.int().min(1),
      pages: z.int().min(1),
      par_page: z.int().min(1),
      centre: schemaCentre.optional(),
      rayon_km: z.number().optional(),
    }),
    links: z.object({ self: z.string(), next: z.string().optional(), prev: z.string().optional() }),
  })
  .meta({ id: "ListeLieux" });

export const schemaProvenance = z.record(z.string(), z.object({ source: z.string(), date: z.string() })).meta({
  description: "Pour chaque champ, la source qui a donné sa valeur et la date déclarée par cette source.",
});

export const schemaFicheLieu = schemaLieuStandardApi
  .extend({
    position_approchee: z.boolean(),
    sur_rendez_vous: z.boolean(),
    provenance: schemaProvenance,
    sources: z.array(z.object({ source: z.string(), identifiant: z.string(), date_maj: z.string() })),
  })
  .meta({ id: "FicheLieu" });

export const schemaPointsCarte = z
  .object({
    type: z.literal("FeatureCollection"),
    features: z.array(
      z.object({
        type: z.literal("Feature"),
        id: z.string(),
        geometry: z.object({ type: z.literal("Point"), coordinates: z.tuple([z.number(), z.number()]) }),
        properties: z.object({ id: z.string(), nom: z.string(), commune: z.string(), position_approchee: z.boolean(), sur_rendez_vous: z.boolean() }),
      }),
    ),
  })
  .meta({ id: "PointsCarte" });

export const schemaProbleme = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.int(),
    detail: z.string(),
    erreurs: z.array(z.object({ parametre: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: "Probleme", description: "Problème au format RFC 9457 (application/problem+json), en français." });
