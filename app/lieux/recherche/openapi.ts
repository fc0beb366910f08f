import { schemaLigneDiagnostic, schemaRapportDiagnostic } from "~/diagnostic/calcul/schema-api";
import { z } from "~/platform/validation";
import { schemaCriteres } from "./criteres";
import { schemaCentre, schemaFicheLieu, schemaLieuApi, schemaListeLieux, schemaPointsCarte, schemaProbleme } from "./schemas-api";

/**
 * The OpenAPI 3.1 document of `/api/v1`, generated from the zod schemas that the API really uses
 * (criteria in, answers out): only the prose below is written by hand.
 */

const DESCRIPTIONS: Record<string, string> = {
  commune: "Code INSEE d'une commune : son centre est le centre de la recherche.",
  ou: "Texte libre : nom de commune ou code postal de Bretagne (adresse si un géocodeur est configuré).",
  lat: "Latitude du centre (WGS 84), avec `lon`.",
  lon: "Longitude du centre (WGS 84), avec `lat`.",
  rayon_km: "Rayon autour du centre, en km (30 par défaut).",
  services: "Besoins : un lieu répond s'il propose l'un d'eux. Répéter le paramètre ou séparer par `|`.",
  publics: "Publics : un lieu sans public spécifique accueille tout le monde et répond toujours.",
  prise_en_charge: "Accompagnements spécifiques ; « Langues étrangères » couvre l'anglais et les autres langues.",
  frais: "Frais à charge.",
  accompagnement: "Modalités d'accompagnement.",
  dispositifs: "Dispositifs et programmes nationaux.",
  rendez_vous: "`sans` : on peut se présenter ; `sur` : il faut prendre contact et on ne peut pas se présenter.",
  itinerant: "Lieux itinérants seulement (`1`).",
  ouvert_maintenant: "Ouverts maintenant, heure de Paris, jours fériés compris (`1`).",
  jour: "Ouverts ce jour de la semaine en cours (à `heure` si donnée).",
  heure: "Heure HH:MM (avec `jour`, ou aujourd'hui).",
  soir: "Ouverts après 18 h au moins un jour de la semaine (`1`).",
  week_end: "Ouverts le samedi ou le dimanche (`1`).",
  page: "Numéro de page (1 par défaut).",
  par_page: "Lieux par page (20 par défaut, 100 au plus).",
};

const COMPOSANTS = {
  LieuTrouve: schemaLieuApi,
  Centre: schemaCentre,
  ListeLieux: schemaListeLieux,
  FicheLieu: schemaFicheLieu,
  PointsCarte: schemaPointsCarte,
  Probleme: schemaProbleme,
  RapportDiagnostic: schemaRapportDiagnostic,
  LigneDiagnostic: schemaLigneDiagnostic,
  // Registered by its id in the diagnostic schema (fragilité and exposition share it).
  MesureDiagnostic: schemaRapportDiagnostic.shape.fragilite,
};

function composants(): Record<string, unknown> {
  const { schemas } = z.toJSONSchema(z.globalRegistry, { uri: (id) => `#/components/schemas/${id}`, io: "output", unrepresentable: "any" });
  return Object.fromEntries(
    Object.keys(COMPOSANTS).map((nom) => {
      const { $schema: _s, $id: _i, ...schema } = schemas[nom] ?? {};
      return [nom, schema];
    }),
  );
}

function parametresRecherche(): unknown[] {
  const schema = z.toJSONSchema(schemaCriteres, { io: "output", unrepresentable: "any" });
  return Object.entries(schema.properties ?? {}).map(([nom, s]) => ({
    name: nom,
    in: "query",
    required: false,
    description: DESCRIPTIONS[nom] ?? "",
    schema: s,
    ...(typeof s === "object" && s.type === "array" ? { style: "form", explode: true } : {}),
  }));
}

const ref = (nom: keyof typeof COMPOSANTS) => ({ $ref: `#/components/schemas/${nom}` });
const json = (type: string, nom: keyof typeof COMPOSANTS) => ({ content: { [type]: { schema: ref(nom) } } });
const ENTETES_CACHE = {
  ETag: { description: "Empreinte du contenu ; renvoyer dans `If-None-Match` pour obtenir 304.", schema: { type: "string" } },
  "Cache-Control": { schema: { type: "string", const: "public, max-age=60" } },
};
const PROBLEME_400 = { description: "Paramètre invalide (nommé dans `erreurs`).", ...json("application/problem+json", "Probleme") };

export function documentOpenApi(): Record<string, unknown> {
  const recherche = parametresRecherche();
  return {
    openapi: "3.1.0",
    info: {
      title: "Passerelle — annuaire des lieux de médiation numérique",
      version: "1.0.0",
      description: "Lieux au standard national des lieux de médiation numérique, recherche par distance et filtres. Licence Ouverte 2.0.",
    },
    servers: [{ url: "/api/v1" }],
    paths: {
      "/lieux": {
        get: {
          summary: "Rechercher des lieux (une page, les plus proches d'abord)",
          parameters: recherche,
          responses: { 200: { description: "Une page de résultats.", headers: ENTETES_CACHE, ...json("application/json", "ListeLieux") }, 304: { description: "Inchangé." }, 400: PROBLEME_400 },
        },
      },
      "/lieux.csv": {
        get: {
          summary: "Tous les lieux de la recherche, au CSV du standard",
          parameters: recherche.filter((p) => typeof p === "object" && p !== null && "name" in p && p.name !== "page" && p.name !== "par_page"),
          responses: { 200: { description: "CSV du standard (32 colonnes).", headers: ENTETES_CACHE, content: { "text/csv": { schema: { type: "string" } } } }, 304: { description: "Inchangé." }, 400: PROBLEME_400 },
        },
      },
      "/lieux.geojson": {
        get: {
          summary: "Tous les lieux de la recherche, en points pour la carte",
          parameters: recherche.filter((p) => typeof p === "object" && p !== null && "name" in p && p.name !== "page" && p.name !== "par_page"),
          responses: { 200: { description: "Points GeoJSON.", headers: ENTETES_CACHE, ...json("application/geo+json", "PointsCarte") }, 304: { description: "Inchangé." }, 400: PROBLEME_400 },
        },
      },
      "/lieux/{id}": {
        get: {
          summary: "Un lieu, avec la provenance de chaque champ",
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } }],
          responses: {
            200: { description: "Le lieu au standard (JSON).", headers: ENTETES_CACHE, ...json("application/json", "FicheLieu") },
            301: { description: "Lieu fusionné dans un autre : `Location` donne le lieu qui reste." },
            304: { description: "Inchangé." },
            404: { description: "Identifiant inconnu ou mal formé.", ...json("application/problem+json", "Probleme") },
          },
        },
        patch: {
          summary: "Modifier des champs d'un lieu (membres de sa structure, coordinateurs du territoire, administrateurs)",
          description:
            "Corps JSON : les champs du standard à changer (listes en tableaux, `null` pour vider) ; `id`, `source` et `date_maj` ne se modifient pas (`date_maj` devient la date du jour). Session requise (cookie de Passerelle). `If-Match` obligatoire : l'ETag lu par GET (`\"<version>-…\"`) ou `\"<version>\"` ; si le lieu a changé depuis, rien n'est écrit et la réponse 412 donne la version actuelle.",
          parameters: [
            { name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } },
            { name: "If-Match", in: "header", required: true, schema: { type: "string" } },
          ],
          requestBody: { required: true, content: { "application/json": { schema: { type: "object", additionalProperties: true } } } },
          responses: {
            200: { description: "Le lieu modifié, avec son nouvel ETag.", headers: { ETag: ENTETES_CACHE.ETag }, ...json("application/json", "FicheLieu") },
            400: { description: "Champs invalides (nommés dans `erreurs`, messages en français).", ...json("application/problem+json", "Probleme") },
            401: { description: "Pas de session valide.", ...json("application/problem+json", "Probleme") },
            403: { description: "Pas de droit de modification sur ce lieu.", ...json("application/problem+json", "Probleme") },
            404: { description: "Lieu inconnu ou fusionné dans un autre.", ...json("application/problem+json", "Probleme") },
            412: { description: "Version périmée : `lieu` et `version` donnent le lieu actuel, `ETag` son ETag.", ...json("application/problem+json", "Probleme") },
            428: { description: "En-tête If-Match absent.", ...json("application/problem+json", "Probleme") },
          },
        },
      },
      "/lieux/{id}/signalements": {
        post: {
          summary: "Signaler une erreur sur un lieu (sans compte)",
          description:
            "Crée un signalement, transmis par courriel aux personnes qui tiennent la fiche à jour (membres de la structure du lieu, sinon coordination du territoire, sinon administrateurs). Mêmes règles que le formulaire de la fiche : au moins une catégorie ou un message, 2000 caractères et 2 liens au plus. Le courriel, facultatif, sert seulement à prévenir la personne quand le signalement est traité. Limite : 5 signalements par 10 minutes et par adresse IP.",
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } }],
          requestBody: {
            required: true,
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  properties: {
                    categories: { type: "array", items: { type: "string", enum: ["horaires", "services", "adresse", "contacts", "accompagnement", "labels", "public", "n_existe_plus", "autre"] } },
                    message: { type: "string", maxLength: 2000 },
                    courriel: { type: "string", format: "email" },
                  },
                },
              },
            },
          },
          responses: {
            201: {
              description: "Signalement créé ; `Location` donne sa page de traitement (réservée aux personnes qui peuvent modifier le lieu).",
              content: { "application/json": { schema: { type: "object", properties: { id: { type: "string", format: "uuid" }, lieu_id: { type: "string", format: "uuid" }, statut: { type: "string", enum: ["nouveau"] } } } } },
            },
            308: { description: "Lieu fusionné dans un autre : `Location` donne l'adresse des signalements du lieu qui reste (renvoyez la même requête)." },
            400: { description: "Corps invalide : `erreurs` nomme chaque champ.", ...json("application/problem+json", "Probleme") },
            404: { description: "Identifiant inconnu ou mal formé.", ...json("application/problem+json", "Probleme") },
            429: { description: "Trop de signalements depuis cette adresse : `Retry-After` donne le délai en secondes.", ...json("application/problem+json", "Probleme") },
          },
        },
      },
      "/territoires/{type}/{code}/diagnostic": {
        get: {
          summary: "Diagnostic territorial (méthode PORTREA) : besoins, offre de médiation numérique et écarts",
          description:
            "Fragilité socio-numérique et exposition aux exigences numériques (nombres et taux, seulement quand toutes les données sont connues : sinon `raison` dit ce qui manque), scores IFN publiés, offre de lieux et distances au lieu le plus proche par service, comparaison avec les territoires voisins (EPCI de la région ou du département, communes de l'EPCI) et communes éloignées.",
          parameters: [
            { name: "type", in: "path", required: true, schema: { type: "string", enum: ["region", "departement", "epci", "commune"] } },
            { name: "code", in: "path", required: true, description: "Code de la région (53), du département, SIREN de l'EPCI ou code INSEE de la commune.", schema: { type: "string" } },
            {
              name: "seuil_km",
              in: "query",
              required: false,
              description: "Distance au-delà de laquelle une commune est éloignée d'un service, en km (15 par défaut).",
              schema: { type: "number", minimum: 1, maximum: 100 },
            },
          ],
          responses: {
            200: { description: "Le diagnostic du territoire.", headers: ENTETES_CACHE, ...json("application/json", "RapportDiagnostic") },
            304: { description: "Inchangé." },
            400: PROBLEME_400,
            404: { description: "Type ou code de territoire inconnu.", ...json("application/problem+json", "Probleme") },
          },
        },
      },
    },
    components: { schemas: composants() },
  };
}
