import { sql } from "drizzle-orm";
import type { BaseDeDonnees } from "~/platform/db/connexion.server";
import type { Referentiel } from "~/territoire/types";
import { ouvertA } from "../horaires";
import { lieux } from "../lieux.schema";
import { lieuxParIds, type LieuListe } from "./cache-lieux.server";
import { trouverCentre } from "./centre.server";
import type { Criteres } from "./criteres";
import { estSurRendezVous, filtreTemporel } from "./filtres";
import type { Geocodeur } from "./geocodeur.server";
import { candidats, type Candidat } from "./preparees.server";
import { conditions, ordre, RAYON_PAR_DEFAUT_KM, type Zone } from "./requete.server";
import type { LieuTrouve, ResultatRecherche } from "./resultat";

export interface OptionsRecherche {
  /** The instant of "ouvert maintenant" and of "this week" (tests fix it). */
  maintenant?: Date;
  geocodeur?: Geocodeur | undefined;
}

/**
 * The directory search shared by the pages, the questionnaire and the API: a centre and radius,
 * the facets, the time filters, one page of results with the total.
 * Throws `entree_invalide` naming the parameter when `commune` or `ou` is unknown.
 *
 * Two steps: the matching ids in order (narrow columns; with a time filter, all of them and
 * their hours, decided in code), then the page's places (mostly from the version-checked cache).
 */
export async function rechercherLieux(db: BaseDeDonnees, referentiel: Referentiel, criteres: Criteres, options: OptionsRecherche = {}): Promise<ResultatRecherche> {
  const maintenant = options.maintenant ?? new Date();
  const zone = await zoneDe(referentiel, criteres, options.geocodeur);
  const temporel = filtreTemporel(criteres, maintenant);
  const { page, par_page } = criteres;
  const debut = (page - 1) * par_page;
  let liste: Candidat[];
  let total: number;
  if (temporel) {
    const tous = await candidats(db, criteres, zone, true);
    const retenus = tous.filter((c) => typeof c.horaires === "string" && temporel(c.horaires));
    total = retenus.length;
    liste = retenus.slice(debut, debut + par_page);
  } else {
    liste = await candidats(db, criteres, zone, false, { limite: par_page, decalage: debut });
    // Past the last page the window gives no row, hence no total: count apart.
    total = liste[0]?.total ?? (debut === 0 ? 0 : await compter(db, conditions(criteres, zone, false)));
  }
  return {
    lieux: await completer(db, liste, maintenant),
    total,
    page,
    pages: Math.max(1, Math.ceil(total / par_page)),
    par_page,
    ...(zone ? { centre: zone.centre, rayon_km: zone.rayonKm } : {}),
  };
}

/** Every matching place, in the search's order (CSV export of a search). */
export async function rechercherTousLesLieux(
  db: BaseDeDonnees,
  referentiel: Referentiel,
  criteres: Criteres,
  options: OptionsRecherche = {},
): Promise<Omit<ResultatRecherche, "page" | "pages" | "par_page">> {
  const maintenant = options.maintenant ?? new Date();
  const zone = await zoneDe(referentiel, criteres, options.geocodeur);
  const temporel = filtreTemporel(criteres, maintenant);
  const tous = await candidats(db, criteres, zone, temporel !== undefined);
  const retenus = temporel ? tous.filter((c) => typeof c.horaires === "string" && temporel(c.horaires)) : tous;
  const trouves = await completer(db, retenus, maintenant);
  return { lieux: trouves, total: trouves.length, ...(zone ? { centre: zone.centre, rayon_km: zone.rayonKm } : {}) };
}

/** A place on the map: what a marker and its popup need, nothing more. */
export interface PointCarte {
  id: string;
  nom: string;
  commune: string;
  latitude: number;
  longitude: number;
  position_approchee: boolean;
  sur_rendez_vous: boolean;
}

/** Every matching place that has a position, with only the map's fields. */
export async function rechercherPointsCarte(db: BaseDeDonnees, referentiel: Referentiel, criteres: Criteres, options: OptionsRecherche = {}): Promise<PointCarte[]> {
  const maintenant = options.maintenant ?? new Date();
  const zone = await zoneDe(referentiel, criteres, options.geocodeur);
  const temporel = filtreTemporel(criteres, maintenant);
  const lignes = await db
    .select({
      id: lieux.id,
      nom: lieux.nom,
      commune: lieux.commune,
      latitude: lieux.latitude,
      longitude: lieux.longitude,
      position_approchee: lieux.position_approchee,
      modalites_acces: lieux.modalites_acces,
      horaires: lieux.horaires,
    })
    .from(lieux)
    .where(conditions(criteres, zone, temporel !== undefined))
    .orderBy(...ordre(zone));
  return lignes.flatMap((l) =>
    l.latitude === null || l.longitude === null || (temporel && (l.horaires === null || !temporel(l.horaires)))
      ? []
      : [{ id: l.id, nom: l.nom, commune: l.commune, latitude: l.latitude, longitude: l.longitude, position_approchee: l.position_approchee, sur_rendez_vous: estSurRendezVous(l.modalites_acces) }],
  );
}

async function zoneDe(referentiel: Referentiel, criteres: Criteres, geocodeur: Geocodeur | undefined): Promise<Zone | undefined> {
  const centre = await trouverCentre(referentiel, criteres, geocodeur);
  return centre ? { centre, rayonKm: criteres.rayon_km ?? RAYON_PAR_DEFAUT_KM } : undefined;
}

async function compter(db: BaseDeDonnees, ou: ReturnType<typeof conditions>): Promise<number> {
  const [r] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(lieux).where(ou);
  return r?.n ?? 0;
}

/** The candidates as list items, in their order, with what depends on this search. */
async function completer(db: BaseDeDonnees, candidats: readonly Candidat[], maintenant: Date): Promise<LieuTrouve[]> {
  const parId = await lieuxParIds(db, candidats);
  return candidats.flatMap((c) => {
    const lieu = parId.get(c.id);
    return lieu ? [versLieuTrouve(lieu, c.distance, maintenant)] : [];
  });
}

function versLieuTrouve(lieu: LieuListe, distance: number | undefined, maintenant: Date): LieuTrouve {
  const ouvert = lieu.horaires === undefined ? undefined : ouvertA(lieu.horaires, maintenant);
  return {
    ...lieu,
    ...(distance === undefined ? {} : { distance_km: Math.round(distance * 10) / 10 }),
    ...(ouvert === undefined ? {} : { ouvert_maintenant: ouvert }),
  };
}
