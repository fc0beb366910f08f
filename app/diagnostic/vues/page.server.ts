import type { LigneDiagnostic, RapportDiagnostic } from "../types";
import type { Carte } from "./carte";
import { cartesDiagnostic } from "./cartes.server";
import { choisirIndicateur, servicesDe, slugService } from "./indicateurs-carte";

/** What the diagnostic page needs: the report, the maps already projected, and the address it was asked with. */
export interface VueDiagnostic {
  rapport: RapportDiagnostic;
  /** The indicator the maps show (`?carte=`), after falling back to the default. */
  carte: string;
  /** True when `?carte=` named nothing known: the page says the default is shown. */
  carteInconnue: boolean;
  cartes: Carte[];
  chemin: string;
  requete: string;
}

/**
 * Keeps in each row only the distance the page shows (the mapped service's): the page's data is
 * sent twice (HTML and hydration), and 9 distances keyed by service name would double the
 * region's 1,202 rows. The CSV, GeoJSON and API keep them all.
 */
function allegerLignes(lignes: readonly LigneDiagnostic[], service: string | undefined, avecEcarts: boolean): LigneDiagnostic[] {
  return lignes.map((l) => ({
    ...l,
    // Shown with one decimal: three keep the order of the table and the map's classes.
    ifn_total: l.ifn_total === null ? null : Math.round(l.ifn_total * 1000) / 1000,
    distances_km: service === undefined ? {} : { [service]: l.distances_km[service] ?? null },
    // The communes table does not show the comparison's scores: not sent for the region's 1,202 rows.
    ...(avecEcarts ? {} : { score_besoin: null, score_offre: null, ecart: null, rang: null }),
  }));
}

export function vueDiagnostic(rapport: RapportDiagnostic, url: URL): VueDiagnostic {
  const demande = url.searchParams.get("carte");
  const indicateur = choisirIndicateur(demande, servicesDe(rapport));
  const service = rapport.offre.services.find((s) => `distance_${slugService(s.service)}` === indicateur.cle)?.service;
  return {
    rapport: {
      ...rapport,
      communes: allegerLignes(rapport.communes, service, false),
      comparaison: { ...rapport.comparaison, lignes: allegerLignes(rapport.comparaison.lignes, service, true) },
    },
    carte: indicateur.cle,
    carteInconnue: demande !== null && demande !== "" && demande !== indicateur.cle,
    cartes: cartesDiagnostic(rapport, indicateur),
    chemin: url.pathname,
    requete: url.searchParams.toString(),
  };
}
