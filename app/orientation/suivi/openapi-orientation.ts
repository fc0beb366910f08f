import { SERVICES } from "~/lieux/standard/enumerations";
import { ACTIONS, DEMARCHES, EVENEMENTS, ISSUES, MESSAGE_MAX, MODES_CONSENTEMENT, MOTIFS_REFUS, STATUTS, URGENCES } from "./vocabulaire";

/** The OpenAPI description of sending, reading and answering one referral, merged into /api/v1/openapi.json. */

const probleme = (description: string) => ({ description, content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Probleme" } } } });
const uuid = { type: "string", format: "uuid" };
const date = { type: "string", format: "date-time" };
const ouNull = (schema: Record<string, unknown>) => ({ anyOf: [schema, { type: "null" }] });
const SESSION = "Session requise (cookie de Passerelle).";

const saisie = {
  type: "object",
  required: ["lieu", "structure"],
  properties: {
    lieu: { ...uuid, description: "Le lieu vers lequel orienter." },
    structure: { ...uuid, description: "La structure au nom de laquelle j'oriente (j'en suis membre)." },
    services: { type: "array", items: { type: "string", enum: [...SERVICES] } },
    demarches: { type: "array", items: { type: "string", enum: [...DEMARCHES] }, description: "Au moins un service ou une démarche." },
    urgence: { type: "string", enum: [...URGENCES], default: "normale" },
    message: { type: "string", maxLength: MESSAGE_MAX, description: "Court, sans donnée de santé ni détail personnel." },
    partager_contact: { type: "string", enum: ["oui"], description: "Seulement si la personne accepte de partager ses coordonnées avec le lieu." },
    prenom: { type: "string" },
    telephone: { type: "string" },
    courriel: { type: "string", format: "email" },
    consentement: { type: "string", enum: [...MODES_CONSENTEMENT], description: "Comment la personne a donné son accord (obligatoire avec des coordonnées)." },
  },
};

const vue = {
  type: "object",
  properties: {
    id: uuid,
    code: { type: "string", description: "8 caractères, affiché ABCD-EFGH." },
    statut: { type: "string", enum: [...STATUTS] },
    cotes: { type: "array", items: { type: "string", enum: ["emetteur", "destinataire"] } },
    actions: { type: "array", items: { type: "string", enum: [...ACTIONS] }, description: "Ce que je peux faire maintenant." },
    lieu: { type: "object", properties: { id: uuid, nom: { type: "string" }, commune: { type: "string" }, adresse: { type: "string" } } },
    structure_emettrice: { type: "object", properties: { id: uuid, nom: { type: "string" }, type: { type: "string" } } },
    structure_destinataire: ouNull({ type: "object", properties: { id: uuid, nom: { type: "string" } } }),
    emetteur: ouNull({ type: "object", properties: { nom: ouNull({ type: "string" }) } }),
    services: { type: "array", items: { type: "string" } },
    demarches: { type: "array", items: { type: "string", enum: [...DEMARCHES] } },
    urgence: { type: "string", enum: [...URGENCES] },
    message: { type: "string" },
    rdv_le: ouNull(date),
    issue: ouNull({ type: "string", enum: [...ISSUES] }),
    reorientee_vers: ouNull({ type: "object", properties: { lieu_id: ouNull(uuid), nom: { type: "string" } } }),
    motif_refus: ouNull({ type: "string", enum: [...MOTIFS_REFUS] }),
    note_destinataire: ouNull({ type: "string", description: "Toujours null pour la structure qui oriente." }),
    personne: ouNull({
      type: "object",
      description: "Seulement avec le consentement de la personne ; chaque lecture est journalisée ; effacé après la clôture.",
      properties: {
        prenom: ouNull({ type: "string" }),
        telephone: ouNull({ type: "string" }),
        courriel: ouNull({ type: "string" }),
        consentement: { type: "object", properties: { mode: { type: "string", enum: [...MODES_CONSENTEMENT] }, par: ouNull({ type: "string" }), le: date } },
      },
    }),
    donnees_effacees_le: ouNull(date),
    envoyee_le: date,
    evenements: { type: "array", items: { type: "object", properties: { evenement: { type: "string", enum: [...EVENEMENTS] }, le: date, par: { type: "string" } } } },
  },
};

export const CHEMIN_ENVOI = {
  post: {
    summary: "Orienter une personne vers un lieu",
    description: `${SESSION} Membres (tous rôles) de la structure qui oriente. Par défaut aucune donnée personnelle : la personne repart avec le code.`,
    requestBody: { required: true, content: { "application/json": { schema: saisie } } },
    responses: {
      201: { description: "Orientation envoyée.", content: { "application/json": { schema: { type: "object", properties: { id: uuid, code: { type: "string" } } } } } },
      400: probleme("Champs invalides (nommés dans `erreurs`)."),
      401: probleme("Pas de session valide."),
      403: probleme("Pas membre de la structure qui oriente."),
      409: probleme("Le lieu ne reçoit pas d'orientation par Passerelle (le message dit pourquoi)."),
    },
  },
};

export const CHEMIN_ORIENTATION = {
  get: {
    summary: "Une orientation",
    description: `${SESSION} Membres des deux structures seulement (ni coordination ni administration). La première lecture par le lieu la marque « vue ». Jamais en cache.`,
    parameters: [{ name: "id", in: "path", required: true, schema: uuid }],
    responses: {
      200: { description: "L'orientation.", content: { "application/json": { schema: vue } } },
      401: probleme("Pas de session valide."),
      404: probleme("Inconnue, ou hors de mes structures (son existence n'est pas révélée)."),
    },
  },
};

export const CHEMIN_TRANSITIONS = {
  post: {
    summary: "Faire avancer une orientation",
    description: `${SESSION} Le lieu accepte (rendez-vous facultatif), refuse (motif), prend en charge, clôture (issue) ; la structure qui oriente annule. L'autre côté est prévenu par courriel.`,
    parameters: [{ name: "id", in: "path", required: true, schema: uuid }],
    requestBody: {
      required: true,
      content: {
        "application/json": {
          schema: {
            type: "object",
            required: ["action"],
            properties: {
              action: { type: "string", enum: ["accepter", "refuser", "prendre_en_charge", "cloturer", "annuler"] },
              rdv_le: { type: "string", description: "Avec accepter : 2026-12-01T14:30 (heure de Paris) ou un instant ISO 8601." },
              motif: { type: "string", enum: [...MOTIFS_REFUS], description: "Avec refuser." },
              issue: { type: "string", enum: [...ISSUES], description: "Avec cloturer." },
              reorientee_vers_lieu_id: { ...uuid, description: "Avec l'issue reorientee : un lieu de l'annuaire…" },
              reorientee_vers: { type: "string", description: "… ou un texte." },
            },
          },
        },
      },
    },
    responses: {
      200: { description: "Nouveau statut.", content: { "application/json": { schema: { type: "object", properties: { statut: { type: "string", enum: [...STATUTS] } } } } } },
      400: probleme("Champs invalides (nommés dans `erreurs`)."),
      401: probleme("Pas de session valide."),
      403: probleme("Cette action revient à l'autre structure."),
      404: probleme("Inconnue, ou hors de mes structures."),
      409: probleme("Le statut actuel ne le permet pas (ou quelqu'un vient de la changer)."),
    },
  },
};
