import type { BaseDeDonnees } from "~/platform/db/connexion.server";
import type { Referentiel } from "~/territoire/types";
import { chargerDonneesDiagnostic } from "./calcul/donnees.server";
import { rapportDepuisTableau, territoireDemande } from "./calcul/rapport";
import { calculerTableau } from "./calcul/tableau";
import type { RapportDiagnostic } from "./types";

export interface OptionsDiagnostic {
  /** A commune is "far" from a service beyond this distance (default 15 km). */
  seuilKm?: number;
  maintenant?: Date;
}

/**
 * The diagnostic of one territory (`type` among region, departement, epci, commune), with its peers
 * and communes. Throws `introuvable` for an unknown territory.
 *
 * The whole region is computed each time (two queries, then in memory): the peers, the distances
 * and the roll-ups need it, and it takes a fraction of a second (`npm run bench:diagnostic`).
 */
export async function rapportDiagnostic(
  db: BaseDeDonnees,
  referentiel: Referentiel,
  type: string,
  code: string,
  options: OptionsDiagnostic = {},
): Promise<RapportDiagnostic> {
  // An unknown territory is answered before any query.
  territoireDemande(referentiel, type, code);
  const tableau = calculerTableau(await chargerDonneesDiagnostic(db), referentiel, options);
  return rapportDepuisTableau(tableau, referentiel, type, code);
}
