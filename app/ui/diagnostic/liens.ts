import { INDICATEUR_PAR_DEFAUT } from "~/diagnostic/vues/indicateurs-carte";
import type { TypeTerritoire } from "~/territoire/pages/page-territoire.server";

/** Addresses of a territory's diagnostic and its files. */

interface Cible {
  type: TypeTerritoire;
  code: string;
}

export const lienTerritoire = (t: Cible) => `/territoires/${t.type}/${t.code}`;
export const lienDiagnostic = (t: Cible) => `${lienTerritoire(t)}/diagnostic`;

/** The files of a diagnostic; the PDF draws its maps with the indicator the page shows. */
export function liensFichiers(t: Cible, carte: string): { format: string; libelle: string; href: string; telecharger: boolean }[] {
  const base = lienDiagnostic(t);
  const choix = carte === INDICATEUR_PAR_DEFAUT ? "" : `?${new URLSearchParams({ carte }).toString()}`;
  return [
    { format: "PDF", libelle: "Rapport pour les élus (PDF)", href: `${base}.pdf${choix}`, telecharger: true },
    { format: "CSV", libelle: "Tableau des communes (CSV, pour tableur)", href: `${base}.csv`, telecharger: true },
    { format: "GeoJSON", libelle: "Contours des communes avec leurs chiffres (GeoJSON)", href: `${base}.geojson`, telecharger: true },
    { format: "JSON", libelle: "Toutes les données du diagnostic (API JSON)", href: `/api/v1/territoires/${t.type}/${t.code}/diagnostic`, telecharger: false },
  ];
}
