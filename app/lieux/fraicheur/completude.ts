import type { LieuStandard } from "../standard/lieu";

/**
 * How complete a place's information is, for the people who edit it: the share of the standard's
 * optional fields that help someone come (how to reach, when, what for, for whom) which are filled.
 * Required fields are always there; `source`, `code_insee`, programmes and labels are left out
 * (derived, or only meaningful for some places).
 */
export const CHAMPS_UTILES = {
  latitude: "la position sur la carte",
  typologie: "le type de structure",
  telephone: "le téléphone",
  courriels: "le courriel",
  site_web: "le site internet",
  horaires: "les horaires",
  presentation_resume: "la présentation",
  services: "les services proposés",
  publics_specifiquement_adresses: "les publics accueillis",
  prise_en_charge_specifique: "l'aide adaptée (handicap, langue…)",
  frais_a_charge: "le prix",
  modalites_acces: "comment y accéder",
  modalites_accompagnement: "les façons d'être aidé",
  fiche_acces_libre: "la fiche Acceslibre (accessibilité)",
  prise_rdv: "le lien de prise de rendez-vous",
} as const satisfies Partial<Record<keyof LieuStandard, string>>;

export interface Completude {
  /** Whole percent, 0 to 100. */
  score: number;
  remplis: number;
  total: number;
  /** The missing fields in plain French, in the order above. */
  manquants: string[];
}

function rempli(v: unknown): boolean {
  if (v === undefined || v === null) return false;
  if (typeof v === "string") return v.trim() !== "";
  if (Array.isArray(v)) return v.length > 0;
  return true;
}

export function completude(lieu: LieuStandard): Completude {
  const entrees = Object.entries(CHAMPS_UTILES);
  const valeurs: Partial<Record<string, unknown>> = { ...lieu };
  const manquants = entrees.filter(([champ]) => !rempli(valeurs[champ])).map(([, libelle]) => libelle);
  const remplis = entrees.length - manquants.length;
  return { score: Math.round((remplis * 100) / entrees.length), remplis, total: entrees.length, manquants };
}
