import { versParametres, type Criteres } from "~/lieux/recherche/criteres";

/**
 * Links of a results page, built on the server: the criteria module (zod) then stays out of the
 * browser bundle. `requete` is the query without the page number.
 */
export interface LiensRecherche {
  chemin: string;
  requete: string;
  /** Suggestions when nothing matches. */
  plusLoin?: { km: number; href: string };
  sansHoraires?: string;
  sansFiltres?: string;
}

export function liensRecherche(chemin: string, c: Criteres, rayonKm: number | undefined, fixes: Record<string, string> = {}): LiensRecherche {
  const lien = (x: Partial<Criteres>) => {
    const p = new URLSearchParams([...Object.entries(fixes), ...versParametres({ ...x, page: 1 })]);
    return `${chemin}?${p.toString()}`;
  };
  const requete = new URLSearchParams([...Object.entries(fixes), ...versParametres({ ...c, page: 1 })]).toString();
  const liens: LiensRecherche = { chemin, requete };
  if (rayonKm !== undefined && rayonKm < 100) {
    const km = Math.min(100, rayonKm * 2);
    liens.plusLoin = { km, href: lien({ ...c, rayon_km: km }) };
  }
  if (c.ouvert_maintenant || c.jour !== undefined || c.heure !== undefined || c.soir || c.week_end) {
    liens.sansHoraires = lien({ ...c, ouvert_maintenant: false, jour: undefined, heure: undefined, soir: false, week_end: false });
  }
  const lieu: Partial<Criteres> = { commune: c.commune, ou: c.ou, lat: c.lat, lon: c.lon, rayon_km: c.rayon_km, par_page: c.par_page };
  if (lien(lieu) !== lien(c)) liens.sansFiltres = lien(lieu);
  return liens;
}
