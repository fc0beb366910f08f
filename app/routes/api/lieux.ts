import { versJsonStandard } from "~/lieux/export/standard";
import { versParametres } from "~/lieux/recherche/criteres";
import { rechercherLieux } from "~/lieux/recherche/rechercher.server";
import { criteresOuProbleme, repondre, reponseJson } from "./reponses";
import type { Route } from "./+types/lieux";

/** GET /api/v1/lieux: one page of the directory search, nearest first when a centre is given. */
export function loader({ request, context }: Pick<Route.LoaderArgs, "request" | "context">) {
  return repondre(async () => {
    const criteres = criteresOuProbleme(request);
    if (criteres instanceof Response) return criteres;
    const r = await rechercherLieux(context.db, context.referentiel, criteres, { geocodeur: context.geocodeur });
    const standards = versJsonStandard(r.lieux);
    const data = r.lieux.map((l, i) => ({
      ...standards[i],
      ...(l.distance_km === undefined ? {} : { distance_km: l.distance_km }),
      position_approchee: l.position_approchee,
      sur_rendez_vous: l.sur_rendez_vous,
      ...(l.ouvert_maintenant === undefined ? {} : { ouvert_maintenant: l.ouvert_maintenant }),
    }));
    const chemin = new URL(request.url).pathname;
    const lien = (page: number) => {
      const q = versParametres({ ...criteres, page }).toString();
      return q === "" ? chemin : `${chemin}?${q}`;
    };
    return reponseJson(request, {
      data,
      meta: { total: r.total, page: r.page, pages: r.pages, par_page: r.par_page, ...(r.centre ? { centre: r.centre, rayon_km: r.rayon_km } : {}) },
      links: { self: lien(r.page), ...(r.page < r.pages ? { next: lien(r.page + 1) } : {}), ...(r.page > 1 ? { prev: lien(Math.min(r.page - 1, r.pages)) } : {}) },
    });
  });
}
