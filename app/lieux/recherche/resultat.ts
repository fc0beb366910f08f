import type { LieuStandard } from "../standard/lieu";

/** One place in search results: the standard fields plus what a list or a map needs to show. */
export interface LieuTrouve extends LieuStandard {
  /** Passerelle's stable UUID (also in `id`). */
  id: string;
  /** Distance from the search centre, in km, rounded to 0.1; absent without a centre. */
  distance_km?: number;
  /** The point is the commune's, not the place's own. */
  position_approchee: boolean;
  /** True when one must book (online, phone, e-mail, prescription) and cannot just walk in. */
  sur_rendez_vous: boolean;
  /** Open at the time of the request; undefined when the place publishes no usable hours. */
  ouvert_maintenant?: boolean;
}

export interface CentreRecherche {
  latitude: number;
  longitude: number;
  /** What the centre is, for people ("Brest", "Autour de vous", an address…). */
  libelle: string;
  /** The commune when the centre is one. */
  code_insee?: string;
}

export interface ResultatRecherche {
  lieux: LieuTrouve[];
  /** Matching places in all pages. */
  total: number;
  page: number;
  pages: number;
  par_page: number;
  centre?: CentreRecherche;
  rayon_km?: number;
}
