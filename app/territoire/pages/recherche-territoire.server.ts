import type { Geocodeur } from "~/lieux/recherche/geocodeur.server";
import { and, inArray } from "drizzle-orm";
import { versLieuTrouve } from "~/lieux/fiche/lieu-trouve";
import { lieux } from "~/lieux/lieux.schema";
import { trouverCentre } from "~/lieux/recherche/centre.server";
import type { Criteres } from "~/lieux/recherche/criteres";
import { filtreTemporel } from "~/lieux/recherche/filtres";
import { rechercherLieux } from "~/lieux/recherche/rechercher.server";
import { conditions, distanceSql, ordre, RAYON_PAR_DEFAUT_KM } from "~/lieux/recherche/requete.server";
import type { ResultatRecherche } from "~/lieux/recherche/resultat";
import type { BaseDeDonnees } from "~/platform/db/connexion.server";
import type { Referentiel, Territoire } from "../types";

/**
 * The embed's search within a partner's territory. A commune stands for "near this commune" (the
 * places of a single commune are often none or one). An EPCI, a département or the region restrict
 * the results to their communes, nearest first when a place is given.
 *
 * TODO(lead): `rechercherLieux` has no territory criterion yet; this composes its exported SQL
 * pieces and should become `rechercherLieux(…, { ...criteres, territoire })` once it has one.
 */
export async function rechercherDansTerritoire(
  db: BaseDeDonnees,
  referentiel: Referentiel,
  territoire: Territoire | undefined,
  criteres: Criteres,
  options: { maintenant?: Date; geocodeur?: Geocodeur | undefined } = {},
): Promise<ResultatRecherche> {
  const sansLieu = criteres.commune === undefined && criteres.ou === undefined && criteres.lat === undefined;
  if (!territoire) return rechercherLieux(db, referentiel, criteres, options);
  if (territoire.type === "commune") return rechercherLieux(db, referentiel, sansLieu ? { ...criteres, commune: territoire.code } : criteres, options);

  const maintenant = options.maintenant ?? new Date();
  const centre = await trouverCentre(referentiel, criteres, options.geocodeur);
  const zone = centre ? { centre, rayonKm: criteres.rayon_km ?? RAYON_PAR_DEFAUT_KM } : undefined;
  const temporel = filtreTemporel(criteres, maintenant);
  const codes = territoire.communes.flatMap((c) => [c, ...(referentiel.commune(c)?.anciensCodes ?? [])]);
  const ou = and(conditions(criteres, zone, temporel !== undefined), inArray(lieux.code_insee, codes));
  const colonnes = { ligne: lieux, ...(zone ? { distance: distanceSql(zone.centre) } : {}) };
  // A territory holds at most a few hundred places: filter the hours in code, then cut the page.
  const toutes = await db.select(colonnes).from(lieux).where(ou).orderBy(...ordre(zone));
  const retenues = temporel ? toutes.filter((l) => l.ligne.horaires !== null && temporel(l.ligne.horaires)) : toutes;
  const { page, par_page } = criteres;
  const pageLignes = retenues.slice((page - 1) * par_page, page * par_page);
  return {
    lieux: pageLignes.map((l) => {
      const t = versLieuTrouve(l.ligne, maintenant);
      const d = "distance" in l && typeof l.distance === "number" ? l.distance : undefined;
      return d === undefined ? t : { ...t, distance_km: Math.round(d / 100) / 10 };
    }),
    total: retenues.length,
    page,
    pages: Math.max(1, Math.ceil(retenues.length / par_page)),
    par_page,
    ...(zone ? { centre: zone.centre, rayon_km: zone.rayonKm } : {}),
  };
}
