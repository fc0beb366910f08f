/**
 * A place validated against the national standard: values are normalised
 * (lists split, phone in +33 form, ISO dates) and only known enumeration values remain.
 * Optional scalar fields are absent rather than empty.
 */
export interface LieuStandard {
  id: string;
  pivot: string;
  nom: string;
  commune: string;
  code_postal: string;
  code_insee?: string;
  adresse: string;
  complement_adresse?: string;
  latitude?: number;
  longitude?: number;
  typologie: string[];
  telephone?: string;
  courriels: string[];
  site_web: string[];
  horaires?: string;
  presentation_resume?: string;
  presentation_detail?: string;
  source?: string;
  itinerance: string[];
  structure_parente?: string;
  /** ISO date YYYY-MM-DD. */
  date_maj: string;
  services: string[];
  publics_specifiquement_adresses: string[];
  prise_en_charge_specifique: string[];
  frais_a_charge: string[];
  dispositif_programmes_nationaux: string[];
  formations_labels: string[];
  autres_formations_labels: string[];
  modalites_acces: string[];
  modalites_accompagnement: string[];
  fiche_acces_libre?: string;
  prise_rdv?: string;
}

/** One problem found in an imported file, in the shape of the import report. */
export interface ProblemeImport {
  /** Spreadsheet row number: header = 1, first record = 2 (for JSON, record index + 2). */
  line: number;
  /** The standard's field name, or "*" for a structural problem of the row or file. */
  field: string;
  severity: "error" | "warning";
  value: string;
  message: string;
}
