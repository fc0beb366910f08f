import { DEMARCHE_MAX, PERSONNES_MAX, PORTEES } from "./saisie";
import { DESCRIPTION_MAX, OPERATEURS, STATUTS_REMONTEES, THEMES } from "./vocabulaire";

/** The OpenAPI operations of `/api/v1/remontees` (added to the document by routes/api/openapi.ts). */

const probleme = (description: string) => ({ description, content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Probleme" } } } });
const texte = (maxLength: number) => ({ type: "string", minLength: 1, maxLength });

const agregat = {
  type: "object",
  properties: {
    operateur: { type: "string", enum: OPERATEURS },
    theme: { type: "string", enum: THEMES },
    ouvertes: { type: "integer" },
    en_cours: { type: "integer" },
    closes: { type: "integer" },
    personnes_concernees: { type: "integer", description: "Somme des personnes concernées, tous statuts confondus." },
  },
};

const remontee = {
  type: "object",
  properties: {
    id: { type: "string", format: "uuid" },
    operateur: { type: "string", enum: OPERATEURS },
    demarche: { type: "string" },
    theme: { type: "string", enum: THEMES },
    description: { type: "string" },
    personnes_concernees: { type: "integer" },
    territoire: { type: "object", properties: { type: { type: "string", enum: PORTEES }, code: { type: "string" }, nom: { type: "string" } } },
    statut: { type: "string", enum: STATUTS_REMONTEES },
    reponses: { type: "integer", description: "Nombre de messages de l'échange (lisibles sur la page de la remontée)." },
    cree_le: { type: "string", format: "date-time" },
    modifie_le: { type: "string", format: "date-time" },
    close_le: { type: ["string", "null"], format: "date-time" },
  },
};

const filtre = (name: string, valeurs: readonly string[]) => ({ name, in: "query", required: false, schema: { type: "string", enum: valeurs } });

export const CHEMIN_REMONTEES: Record<string, unknown> = {
  get: {
    summary: "Remontées de terrain : chiffres par opérateur et thème, et celles que vous pouvez lire (session requise)",
    description:
      "`agregats` compte toutes les remontées (sans leur contenu) ; `data` donne celles que la personne peut lire : de sa structure, de l'opérateur dont elle est correspondante, du territoire qu'elle coordonne, ou toutes pour un administrateur. Jamais l'identité de l'auteur. `statut` ne filtre que `data`.",
    parameters: [filtre("operateur", OPERATEURS), filtre("theme", THEMES), filtre("statut", STATUTS_REMONTEES)],
    responses: {
      200: { description: "Les chiffres et la liste (200 au plus, les plus récentes d'abord).", content: { "application/json": { schema: { type: "object", properties: { agregats: { type: "array", items: agregat }, data: { type: "array", items: remontee } } } } } },
      400: probleme("Paramètre invalide (nommé dans `erreurs`)."),
      401: probleme("Pas de session valide."),
    },
  },
  post: {
    summary: "Faire une remontée de terrain (médiateur·rices et responsables d'une structure)",
    description:
      "Un problème bloquant sur une démarche en ligne d'un opérateur, sans donnée personnelle (une adresse électronique ou un numéro de 7 chiffres ou plus est refusé). Les correspondant·es de l'opérateur (prescripteur·rices et responsables des structures de cet opérateur) sont prévenu·es par courriel. `territoire` est relatif à la structure : sa commune (par défaut), son EPCI ou son département. `structure_id` est requis si la personne fait des remontées pour plusieurs structures.",
    requestBody: {
      required: true,
      content: {
        "application/json": {
          schema: {
            type: "object",
            required: ["operateur", "demarche", "theme", "description"],
            properties: {
              structure_id: { type: "string", format: "uuid" },
              operateur: { type: "string", enum: OPERATEURS },
              demarche: texte(DEMARCHE_MAX),
              theme: { type: "string", enum: THEMES },
              description: texte(DESCRIPTION_MAX),
              personnes_concernees: { type: "integer", minimum: 1, maximum: PERSONNES_MAX, default: 1 },
              territoire: { type: "string", enum: PORTEES, default: "commune" },
            },
          },
        },
      },
    },
    responses: {
      201: {
        description: "Remontée créée ; `Location` donne sa page.",
        content: { "application/json": { schema: { type: "object", properties: { id: { type: "string", format: "uuid" }, statut: { type: "string", enum: ["ouverte"] }, correspondants_prevenus: { type: "integer" } } } } },
      },
      400: probleme("Corps invalide : `erreurs` nomme chaque champ."),
      401: probleme("Pas de session valide."),
      403: probleme("Ni médiateur·rice ni responsable d'une structure."),
    },
  },
};
