import { DEMARCHES, ISSUES, STATUTS, URGENCES } from "./vocabulaire";

/** The OpenAPI description of GET /api/v1/orientations (the inbox list), merged into /api/v1/openapi.json. */

const probleme = (description: string) => ({ description, content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Probleme" } } } });
const compteurs = { type: "object", properties: Object.fromEntries(STATUTS.map((s) => [s, { type: "integer" }])), required: [...STATUTS] };
const ligne = {
  type: "object",
  properties: {
    id: { type: "string", format: "uuid" },
    code: { type: "string", description: "Code imprimé sur la fiche (8 caractères, affiché ABCD-EFGH)." },
    statut: { type: "string", enum: [...STATUTS] },
    urgence: { type: "string", enum: [...URGENCES] },
    envoyee_le: { type: "string", format: "date-time" },
    rdv_le: { type: ["string", "null"], format: "date-time" },
    issue: { type: ["string", "null"], enum: [...ISSUES, null] },
    lieu: { type: "object", properties: { id: { type: "string", format: "uuid" }, nom: { type: "string" }, commune: { type: "string" } } },
    structure_emettrice: { type: "string" },
    structure_destinataire: { type: ["string", "null"] },
    services: { type: "array", items: { type: "string" } },
    demarches: { type: "array", items: { type: "string", enum: [...DEMARCHES] } },
  },
};

export const CHEMIN_BOITE = {
  get: {
    summary: "Orientations reçues ou envoyées par une de mes structures (une page, les plus récentes d'abord)",
    description:
      "Session requise (cookie de Passerelle) ; membres de la structure seulement (tous rôles). Aucune donnée personnelle : ni coordonnées de la personne, ni message, ni note. `compteurs` : nombre d'orientations par statut de l'onglet (sans les filtres) ; `total` : avec les filtres.",
    parameters: [
      { name: "sens", in: "query", required: false, schema: { type: "string", enum: ["recues", "envoyees"], default: "recues" } },
      { name: "structure", in: "query", required: false, description: "Identifiant de la structure (par défaut la première de la personne).", schema: { type: "string", format: "uuid" } },
      { name: "statut", in: "query", required: false, description: "Un ou plusieurs statuts (répété ou séparés par des virgules).", schema: { type: "array", items: { type: "string", enum: [...STATUTS] } }, style: "form", explode: true },
      { name: "demarche", in: "query", required: false, schema: { type: "string", enum: [...DEMARCHES] } },
      { name: "page", in: "query", required: false, schema: { type: "integer", minimum: 1, maximum: 500, default: 1 } },
    ],
    responses: {
      200: {
        description: "Une page de 20 orientations.",
        content: { "application/json": { schema: { type: "object", properties: { data: { type: "array", items: ligne }, total: { type: "integer" }, compteurs, page: { type: "integer" }, par_page: { type: "integer" } } } } },
      },
      400: probleme("Paramètre invalide (nommé dans `erreurs`)."),
      401: probleme("Pas de session valide."),
      403: probleme("Pas membre de cette structure."),
    },
  },
};
