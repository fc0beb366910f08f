import { geojsonCommunes } from "~/diagnostic/exports/geojson";
import { repondreFichier } from "~/diagnostic/exports/reponses.server";
import { geometriesCommunes } from "~/diagnostic/vues/geometrie.server";
import type { Route } from "./+types/territoire-diagnostic-geojson";

/** The communes' boundaries with the CSV's numbers, for a GIS. */
export function loader({ params, context }: Route.LoaderArgs) {
  return repondreFichier(context, params, (r) => ({
    corps: JSON.stringify(geojsonCommunes(r, geometriesCommunes(r.communes.map((c) => c.code)))),
    type: "application/geo+json; charset=utf-8",
    extension: "geojson",
  }));
}
