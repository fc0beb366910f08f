import { CarteLieu, type LieuCarte, type ProprietesCarteLieu } from "./CarteLieu";

export interface ProprietesListeLieux extends Omit<ProprietesCarteLieu, "lieu"> {
  /** Search results (`LieuTrouve[]`) or their trimmed form (`versLieuCarte`). */
  lieux: readonly LieuCarte[];
  /** Accessible name of the list, e.g. "Lieux trouvés". */
  libelle: string;
  /** Rank of the first place (pagination), so numbering continues across pages. */
  premier?: number;
}

/** The accessible list of places: the equivalent of the map, and the main way to choose a place. */
export function ListeLieux({ lieux, libelle, premier = 1, ...carte }: ProprietesListeLieux) {
  return (
    <ol className="liste-lieux" aria-label={libelle} start={premier}>
      {lieux.map((l) => (
        <li key={l.id}>
          <CarteLieu lieu={l} {...carte} />
        </li>
      ))}
    </ol>
  );
}
