import { appartient } from "~/platform/listes";

/**
 * The 32 fields of the national standard "Schéma des lieux de médiation numérique" v1.0.2,
 * in the order of its schema.json (which is also the CSV column order).
 */
export const CHAMPS = [
  "id",
  "pivot",
  "nom",
  "commune",
  "code_postal",
  "code_insee",
  "adresse",
  "complement_adresse",
  "latitude",
  "longitude",
  "typologie",
  "telephone",
  "courriels",
  "site_web",
  "horaires",
  "presentation_resume",
  "presentation_detail",
  "source",
  "itinerance",
  "structure_parente",
  "date_maj",
  "services",
  "publics_specifiquement_adresses",
  "prise_en_charge_specifique",
  "frais_a_charge",
  "dispositif_programmes_nationaux",
  "formations_labels",
  "autres_formations_labels",
  "modalites_acces",
  "modalites_accompagnement",
  "fiche_acces_libre",
  "prise_rdv",
] as const;

export type Champ = (typeof CHAMPS)[number];

/** A missing or invalid value in one of these rejects the row. */
export const CHAMPS_REQUIS = ["id", "pivot", "nom", "commune", "code_postal", "adresse", "date_maj"] as const satisfies readonly Champ[];

/** Fields holding several values separated by `|`. */
export const CHAMPS_LISTES = [
  "typologie",
  "courriels",
  "site_web",
  "itinerance",
  "services",
  "publics_specifiquement_adresses",
  "prise_en_charge_specifique",
  "frais_a_charge",
  "dispositif_programmes_nationaux",
  "formations_labels",
  "autres_formations_labels",
  "modalites_acces",
  "modalites_accompagnement",
] as const satisfies readonly Champ[];

export type ChampListe = (typeof CHAMPS_LISTES)[number];

/** A flat record as it stands in a standard CSV file: every field a string ("" when empty). */
export type LigneStandard = Record<Champ, string>;

/** A flat record as read from a file, before validation: fields may be missing. */
export type LigneBrute = Partial<Record<string, string>>;

export function estChamp(nom: string): nom is Champ {
  return appartient(CHAMPS, nom);
}
