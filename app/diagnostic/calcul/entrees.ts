/**
 * The inputs of the diagnostic, as read from the database in two queries (donnees.server.ts):
 * every stored indicator value and every current place. The computation is pure over these.
 */

export interface ValeurLue {
  niveau: string;
  code: string;
  /** Current commune code (null for an EPCI value). */
  commune: string | null;
  indicateur: string;
  valeur: number;
  annee: number;
  source: string;
}

export interface LieuLu {
  id: string;
  nom: string;
  /** Commune name as the place states it. */
  commune: string;
  /** INSEE code as imported: possibly a former code of a merged commune. */
  code_insee: string | null;
  latitude: number | null;
  longitude: number | null;
  services: string[];
  horaires: string | null;
  itinerance: string[];
  dispositif_programmes_nationaux: string[];
}

export interface DonneesDiagnostic {
  valeurs: ValeurLue[];
  lieux: LieuLu[];
  /** The latest change of these inputs: the report states it, and the API's ETag stays stable until then. */
  aJourLe: Date | null;
}
