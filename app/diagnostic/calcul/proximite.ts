/** Great-circle distances and the nearest point of a set, through a k-d tree so that 25,000 places stay fast. */

export interface Point {
  latitude: number;
  longitude: number;
}

/** The radius earthdistance's `<@>` uses (3958.747 statute miles), so that the search and the diagnostic agree. */
const RAYON_TERRE_KM = 3958.747 * 1.609344;
const KM_PAR_DEGRE = (Math.PI / 180) * RAYON_TERRE_KM;
const RAD = Math.PI / 180;

/** Haversine distance in km. */
export function distanceKm(a: Point, b: Point): number {
  const dLat = (b.latitude - a.latitude) * RAD;
  const dLon = (b.longitude - a.longitude) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * RAD) * Math.cos(b.latitude * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * RAYON_TERRE_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

export interface Proche<T> {
  element: T;
  km: number;
}

interface Entree<T> {
  element: T;
  rang: number;
  /** Cosine of its latitude, computed once. */
  cos: number;
}

/** Below this many points a subtree is scanned rather than split. */
const FEUILLE = 8;

/**
 * `plusProche(p)`: the nearest element and its distance, or null for an empty set, through a k-d tree
 * on latitude and longitude (places cluster in towns: a fixed grid would put hundreds in a cell).
 * A subtree is skipped when a lower bound of its distance exceeds the best found. Ties go to the
 * element that comes first in `elements`.
 */
export function indexProximite<T extends Point>(elements: readonly T[]): (p: Point) => Proche<T> | null {
  const entrees: Entree<T>[] = elements.map((element, rang) => ({ element, rang, cos: Math.cos(element.latitude * RAD) }));
  // The parallels' scale at the set's highest latitude: the shortest, so the bounds stay below the truth.
  const cosMin = entrees.reduce((m, e) => Math.min(m, e.cos), 1);
  const axe = (e: Entree<T>, profondeur: number) => (profondeur % 2 === 0 ? e.element.longitude : e.element.latitude);

  const construire = (debut: number, fin: number, profondeur: number): void => {
    if (fin - debut <= FEUILLE) return;
    const milieu = (debut + fin) >> 1;
    selectionner(entrees, debut, fin - 1, milieu, (e) => axe(e, profondeur));
    construire(debut, milieu, profondeur + 1);
    construire(milieu + 1, fin, profondeur + 1);
  };
  construire(0, entrees.length, 0);

  return (p) => {
    const cosP = Math.cos(p.latitude * RAD);
    const echelleLon = Math.min(cosP, cosMin);
    const etat: { meilleur: (Proche<T> & { rang: number }) | null } = { meilleur: null };
    const essayer = (e: Entree<T> | undefined) => {
      const m = etat.meilleur;
      if (!e || (m && minorant(p, e, cosP) > m.km)) return;
      const km = distanceKm(p, e.element);
      if (!m || km < m.km || (km === m.km && e.rang < m.rang)) etat.meilleur = { element: e.element, rang: e.rang, km };
    };
    const chercher = (debut: number, fin: number, profondeur: number): void => {
      if (fin - debut <= FEUILLE) {
        for (let k = debut; k < fin; k++) essayer(entrees[k]);
        return;
      }
      const milieu = (debut + fin) >> 1;
      const pivot = entrees[milieu];
      if (!pivot) return;
      const ecart = (profondeur % 2 === 0 ? p.longitude : p.latitude) - axe(pivot, profondeur);
      // The side of the point first, then the other side only if it may hold something nearer.
      if (ecart < 0) chercher(debut, milieu, profondeur + 1);
      else chercher(milieu + 1, fin, profondeur + 1);
      essayer(pivot);
      const borne = 0.995 * Math.abs(ecart) * KM_PAR_DEGRE * (profondeur % 2 === 0 ? echelleLon : 1);
      if (etat.meilleur && borne > etat.meilleur.km) return;
      if (ecart < 0) chercher(milieu + 1, fin, profondeur + 1);
      else chercher(debut, milieu, profondeur + 1);
    };
    chercher(0, entrees.length, 0);
    return etat.meilleur ? { element: etat.meilleur.element, km: etat.meilleur.km } : null;
  };
}

/**
 * Quickselect: puts the k-th smallest (by `cle`) of `t[gauche..droite]` at k, smaller ones before,
 * larger ones after. Linear on average, so the tree is built in n log n.
 */
function selectionner<E>(t: E[], gauche: number, droite: number, k: number, cle: (e: E) => number): void {
  const echanger = (i: number, j: number) => {
    const x = t[i];
    const y = t[j];
    if (x === undefined || y === undefined) return;
    t[i] = y;
    t[j] = x;
  };
  const val = (i: number) => {
    const e = t[i];
    return e === undefined ? NaN : cle(e);
  };
  while (droite > gauche) {
    const pivot = val((gauche + droite) >> 1);
    let i = gauche;
    let j = droite;
    while (i <= j) {
      while (val(i) < pivot) i++;
      while (val(j) > pivot) j--;
      if (i <= j) echanger(i++, j--);
    }
    if (k <= j) droite = j;
    else if (k >= i) gauche = i;
    else return;
  }
}

/**
 * A cheap lower bound of the distance, to skip the haversine of points that cannot be nearer: the flat
 * distance with the parallels' scale of the higher of the two latitudes (the shortest), less 0.5 %
 * to cover the flat approximation.
 */
function minorant(p: Point, e: Entree<Point>, cosP: number): number {
  const dy = (e.element.latitude - p.latitude) * KM_PAR_DEGRE;
  const dx = (e.element.longitude - p.longitude) * KM_PAR_DEGRE * Math.min(cosP, e.cos);
  return 0.995 * Math.sqrt(dx * dx + dy * dy);
}
