import type { BaseDeDonnees } from "~/platform/db/connexion.server";
import type { Referentiel } from "~/territoire/types";
import type { RapportDiagnostic } from "./types";

export interface OptionsDiagnostic {
  /** A commune is "far" from a service beyond this distance (default 15 km). */
  seuilKm?: number;
  maintenant?: Date;
}

/**
 * The diagnostic of one territory (`type` among region, departement, epci, commune), with its peers
 * and communes. Throws `introuvable` for an unknown territory.
 */
export async function rapportDiagnostic(
  db: BaseDeDonnees,
  referentiel: Referentiel,
  type: string,
  code: string,
  options: OptionsDiagnostic = {},
): Promise<RapportDiagnostic> {
  void db;
  void referentiel;
  void options;
  throw new Error(`diagnostic ${type} ${code} : en cours d'écriture`);
}
