import { z } from "~/platform/validation";
import { TYPES_TERRITOIRE } from "~/territoire/pages/page-territoire.server";
import { CLES_INDICATEURS } from "../indicateurs/vocabulaire";
import type { RapportDiagnostic } from "../types";

/**
 * The JSON shape of `GET /api/v1/territoires/{type}/{code}/diagnostic`, as a zod schema: the OpenAPI
 * document is generated from it, the API tests parse real answers with it, and the checks at the end
 * make it fail to compile if it drifts from `RapportDiagnostic` (app/diagnostic/types.ts).
 */

const nombreOuNul = (description: string) => z.number().nullable().meta({ description });
const lien = { type: z.enum(TYPES_TERRITOIRE), code: z.string(), nom: z.string() };

const schemaComposante = z.object({
  indicateur: z.enum(CLES_INDICATEURS),
  libelle: z.string(),
  nombre: nombreOuNul("Somme sur les communes du territoire ; null si une commune n'a pas de valeur."),
  nombre_partiel: nombreOuNul("Somme sur les communes dont la valeur est connue ; null si aucune."),
  communes_connues: z.int().min(0),
  communes: z.int().min(0),
  annee: z.int().nullable(),
  source: z.string().nullable(),
  raison: z.string().nullable().meta({ description: "Pourquoi `nombre` est null (donnée non importée, couverture partielle), en français." }),
});

const schemaMesure = z
  .object({
    mesure: z.enum(["fragilite", "exposition"]),
    libelle: z.string(),
    nombre: nombreOuNul("Somme des composantes, seulement si toutes sont connues : jamais d'estimation."),
    taux: nombreOuNul("nombre / population, entre 0 et 1."),
    annee: z.int().nullable(),
    source: z.string().nullable(),
    raison: z.string().nullable(),
    composantes: z.array(schemaComposante),
  })
  .meta({ id: "MesureDiagnostic", description: "Une mesure PORTREA : fragilité socio-numérique ou exposition aux exigences numériques." });

const schemaCouverture = z.object({
  service: z.string(),
  libelle: z.string(),
  lieux: z.int().min(0),
  distance_moyenne_km: nombreOuNul("Distance moyenne (pondérée par la population) des communes au lieu le plus proche qui propose le service ; null si aucun lieu ne le propose."),
  distance_max_km: z.number().nullable(),
  communes_eloignees: z.int().min(0).meta({ description: "Communes au-delà du seuil (toutes si aucun lieu de la région ne propose le service)." }),
  population_eloignee: z.int().min(0),
});

const schemaOffre = z.object({
  lieux: z.int().min(0),
  lieux_pour_10000: z.number().nullable(),
  itinerants: z.int().min(0),
  ouverts_soir: z.int().min(0),
  ouverts_samedi: z.int().min(0),
  programmes: z.object({ france_services: z.int().min(0), conseillers_numeriques: z.int().min(0), aidants_connect: z.int().min(0) }),
  seuil_eloignement_km: z.number(),
  services: z.array(schemaCouverture),
});

const schemaIfn = z.object({
  total: z.number().nullable(),
  no_thd: z.number().nullable(),
  no_4g: z.number().nullable(),
  pauvrete: z.number().nullable(),
  plus_65: z.number().nullable(),
  sans_diplome: z.number().nullable(),
  annee: z.int(),
  source: z.string(),
});

export const schemaLigneDiagnostic = z
  .object({
    ...lien,
    population: z.int().min(0),
    fragilite_taux: z.number().nullable(),
    exposition_taux: z.number().nullable(),
    ifn_total: z.number().nullable(),
    lieux: z.int().min(0),
    lieux_pour_10000: z.number().nullable(),
    distance_moyenne_km: nombreOuNul("Distance moyenne (pondérée par la population) au lieu le plus proche, tous services."),
    distances_km: z.record(z.string(), z.number().nullable()).meta({ description: "Par service : distance moyenne au lieu le plus proche qui le propose." }),
    score_besoin: nombreOuNul("Besoin classé de 0 à 1 parmi les territoires comparés (voir `criteres`)."),
    score_offre: nombreOuNul("Offre classée de 0 à 1 : moyenne des classements des lieux pour 10 000 habitants et de la proximité."),
    ecart: nombreOuNul("score_besoin − score_offre."),
    rang: z.int().min(1).nullable().meta({ description: "1 = le plus grand écart ; null sans valeur de besoin." }),
  })
  .meta({ id: "LigneDiagnostic", description: "Une ligne de la comparaison ou du tableau des communes." });

export const schemaRapportDiagnostic = z
  .object({
    ...lien,
    population: z.int().min(0),
    parents: z.array(z.object(lien)),
    fragilite: schemaMesure,
    exposition: schemaMesure,
    offre: schemaOffre,
    ifn: schemaIfn.nullable().meta({ description: "Scores IFN publiés (0 à 10) : communes et EPCI seulement." }),
    comparaison: z.object({ niveau: z.enum(TYPES_TERRITOIRE), lignes: z.array(schemaLigneDiagnostic), criteres: z.array(z.string()) }),
    communes: z.array(schemaLigneDiagnostic),
    communes_eloignees: z.array(
      z.object({
        code: z.string(),
        nom: z.string(),
        population: z.int().min(0),
        service: z.string(),
        libelle: z.string(),
        distance_km: z.number(),
        lieu_le_plus_proche: z.object({ id: z.string(), nom: z.string(), commune: z.string() }).nullable(),
      }),
    ),
    donnees_a_jour_le: z.string().nullable(),
  })
  .meta({ id: "RapportDiagnostic", description: "Diagnostic territorial (méthode PORTREA) : besoins, offre de médiation numérique et écarts." });

// Both ways: an answer the schema accepts is a RapportDiagnostic, and every RapportDiagnostic passes.
type Schema = z.infer<typeof schemaRapportDiagnostic>;
const _versRapport = (x: Schema): RapportDiagnostic => x;
const _depuisRapport = (x: RapportDiagnostic): Schema => x;
