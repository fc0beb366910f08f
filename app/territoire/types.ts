/** Reference geography of the region, as shipped in `reference-data/`. */

export type CodeDepartement = string;

export interface Commune {
  /** Code INSEE (COG 2026), 5 characters. */
  code: string;
  nom: string;
  departement: CodeDepartement;
  region: string;
  population: number;
  codesPostaux: string[];
  /** SIREN of the EPCI, absent for the three island communes outside any EPCI. */
  epci?: string;
  /** Former INSEE codes of communes merged into this one. */
  anciensCodes: string[];
  latitude: number;
  longitude: number;
}

export interface Epci {
  /** SIREN, 9 digits. */
  code: string;
  nom: string;
  type: string;
  /** Population of its Breton member communes (sum of communes). */
  population: number;
  departements: CodeDepartement[];
  communes: string[];
}

export interface Departement {
  code: CodeDepartement;
  nom: string;
  population: number;
}

export interface Region {
  code: string;
  nom: string;
  population: number;
}

export type Territoire =
  | { type: "region"; code: string; nom: string; communes: string[] }
  | { type: "departement"; code: string; nom: string; communes: string[] }
  | { type: "epci"; code: string; nom: string; communes: string[] }
  | { type: "commune"; code: string; nom: string; communes: string[] };

/** Read-only look-ups over the reference geography (in memory, no database needed). */
export interface Referentiel {
  communes(): readonly Commune[];
  epcis(): readonly Epci[];
  departements(): readonly Departement[];
  region(): Region;
  /** By current code, or through a former code (merged commune) or a commune déléguée/associée. */
  commune(codeInsee: string): Commune | undefined;
  communesParCodePostal(codePostal: string): Commune[];
  /** Case-, accent-, hyphen- and "Saint/St"-insensitive name search; exact matches first. */
  rechercherCommunes(nom: string, limite?: number): Commune[];
  /** The commune for a postal code and a name as written in a source file (e.g. "ST JACQUES DE LA LANDE"). */
  resoudreCommune(codePostal: string | undefined, nom: string | undefined): Commune | undefined;
  epci(siren: string): Epci | undefined;
  departement(code: string): Departement | undefined;
  /** A département code, an EPCI SIREN, a commune INSEE code, or the region code "53". */
  territoire(code: string): Territoire | undefined;
}
