import { rechercherPointsCarte } from "~/lieux/recherche/rechercher.server";
import { criteresOuProbleme, repondre, reponseAvecEtag } from "./reponses";
import type { Route } from "./+types/lieux-geojson";

/** GET /api/v1/lieux.geojson: the matching places as compact points, for the map. */
export function loader({ request, context }: Pick<Route.LoaderArgs, "request" | "context">) {
  return repondre(async () => {
    const criteres = criteresOuProbleme(request);
    if (criteres instanceof Response) return criteres;
    const points = await rechercherPointsCarte(context.db, context.referentiel, criteres, { geocodeur: context.geocodeur });
    const collection = {
      type: "FeatureCollection",
      features: points.map((p) => ({
        type: "Feature",
        id: p.id,
        geometry: { type: "Point", coordinates: [p.longitude, p.latitude] },
        properties: { id: p.id, nom: p.nom, commune: p.commune, position_approchee: p.position_approchee, sur_rendez_vous: p.sur_rendez_vous },
      })),
    };
    return reponseAvecEtag(request, JSON.stringify(collection), "application/geo+json; charset=utf-8");
  });
}
