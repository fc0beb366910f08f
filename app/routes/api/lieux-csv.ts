import { versCsvStandard } from "~/lieux/export/standard";
import { rechercherTousLesLieux } from "~/lieux/recherche/rechercher.server";
import { criteresOuProbleme, repondre, reponseAvecEtag } from "./reponses";
import type { Route } from "./+types/lieux-csv";

/** GET /api/v1/lieux.csv: every place matching the same filters, in the standard CSV. */
export function loader({ request, context }: Pick<Route.LoaderArgs, "request" | "context">) {
  return repondre(async () => {
    const criteres = criteresOuProbleme(request);
    if (criteres instanceof Response) return criteres;
    const r = await rechercherTousLesLieux(context.db, context.referentiel, criteres, { geocodeur: context.geocodeur });
    // As every standard export: a commune point is not written as if it were the place's position.
    const lieux = r.lieux.map((l) => {
      const { latitude: _lat, longitude: _lon, ...sansPosition } = l;
      return l.position_approchee ? sansPosition : l;
    });
    return reponseAvecEtag(request, versCsvStandard(lieux), "text/csv; charset=utf-8", {
      "Content-Disposition": 'attachment; filename="lieux-mediation-numerique.csv"',
    });
  });
}
