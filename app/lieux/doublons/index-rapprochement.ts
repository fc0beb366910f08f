import { calculerSignaux, score, SEUIL_INCERTAIN, type Empreinte, type Signaux } from "./signaux";

export interface Candidat {
  lieuId: string;
  score: number;
  signaux: Signaux;
}

interface Entree {
  lieuId: string;
  empreinte: Empreinte;
  sources: Set<string>;
}

/** About 1.1 km × 1.1 km in Bretagne: a place and its neighbours' cells cover any realistic duplicate. */
const PAS_LAT = 0.01;
const PAS_LON = 0.015;

function cellule(lat: number, lon: number): [number, number] {
  return [Math.floor(lat / PAS_LAT), Math.floor(lon / PAS_LON)];
}

/**
 * In-memory blocking index over the directory. Blocking uses the INSEE code AND neighbouring
 * grid cells, so that two records of one place with a wrong code, or on each side of a commune
 * border, still meet.
 */
export class IndexRapprochement {
  private readonly parCommune = new Map<string, Entree[]>();
  private readonly parCellule = new Map<string, Entree[]>();
  private readonly parLieu = new Map<string, Entree>();

  constructor(private readonly differents: ReadonlySet<string> = new Set()) {}

  static clePaire(a: string, b: string): string {
    return a < b ? `${a}|${b}` : `${b}|${a}`;
  }

  ajouter(lieuId: string, empreinte: Empreinte, source: string): void {
    const existant = this.parLieu.get(lieuId);
    if (existant) {
      existant.sources.add(source);
      return;
    }
    const entree: Entree = { lieuId, empreinte, sources: new Set([source]) };
    this.parLieu.set(lieuId, entree);
    if (empreinte.code_insee) pousser(this.parCommune, empreinte.code_insee, entree);
    if (!empreinte.positionApprochee && empreinte.latitude !== undefined && empreinte.longitude !== undefined) {
      const [y, x] = cellule(empreinte.latitude, empreinte.longitude);
      pousser(this.parCellule, `${y}:${x}`, entree);
    }
  }

  /** Candidates above the review threshold, best first. Places already fed by `source` are excluded: a producer's two ids are two places. */
  candidats(empreinte: Empreinte, source: string, lieuExclu?: string): Candidat[] {
    const vus = new Set<Entree>();
    if (empreinte.code_insee) for (const e of this.parCommune.get(empreinte.code_insee) ?? []) vus.add(e);
    if (!empreinte.positionApprochee && empreinte.latitude !== undefined && empreinte.longitude !== undefined) {
      const [y, x] = cellule(empreinte.latitude, empreinte.longitude);
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) for (const e of this.parCellule.get(`${y + dy}:${x + dx}`) ?? []) vus.add(e);
      }
    }
    const resultat: Candidat[] = [];
    for (const e of vus) {
      if (e.sources.has(source) || e.lieuId === lieuExclu) continue;
      if (lieuExclu && this.differents.has(IndexRapprochement.clePaire(lieuExclu, e.lieuId))) continue;
      const signaux = calculerSignaux(empreinte, e.empreinte);
      const s = score(signaux);
      if (s >= SEUIL_INCERTAIN) resultat.push({ lieuId: e.lieuId, score: s, signaux });
    }
    return resultat.sort((a, b) => b.score - a.score);
  }
}

function pousser<K, V>(carte: Map<K, V[]>, cle: K, valeur: V): void {
  const liste = carte.get(cle);
  if (liste) liste.push(valeur);
  else carte.set(cle, [valeur]);
}
