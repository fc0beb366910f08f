import { INCONNU } from "~/diagnostic/vues/format";
import { ariaSort, lienTri, ordreSuivant, trierSelon, type ColonneTriable, type Tri } from "~/diagnostic/vues/tri";

/**
 * A data table sorted by the server: each column header is a link that sorts by it (works
 * without JavaScript), the sorted header has `aria-sort`, and the caption says how it is sorted.
 */

export interface ProprietesTableau<L> {
  id: string;
  titre: string;
  colonnes: readonly ColonneTriable<L>[];
  lignes: readonly L[];
  tri: Tri;
  chemin: string;
  /** The page's query string, kept in the sort links (map choice, the other table's sort). */
  requete: string;
  prefixe?: string;
  /** The column whose cell names the row (`<th scope="row">`). */
  colonneNom: string;
  cleLigne(l: L): string;
  lienLigne?(l: L): string | undefined;
  /** A row to stand out (the commune whose diagnostic this is). */
  enEvidence?(l: L): boolean;
  /** The column the map shows, marked in its header. */
  colonneCarte?: string;
}

function Indicateur({ sens }: { sens: "ascending" | "descending" | undefined }) {
  return (
    <span className="indicateur-tri" aria-hidden="true">
      {sens === "ascending" ? "▲" : sens === "descending" ? "▼" : "↕"}
    </span>
  );
}

export function TableauTriable<L>(p: ProprietesTableau<L>) {
  const lignes = trierSelon(p.lignes, p.colonnes, p.tri);
  const params = new URLSearchParams(p.requete);
  const colonneTriee = p.colonnes.find((c) => c.cle === p.tri.cle);
  const idTitre = `${p.id}-titre`;
  return (
    <div className="tableau-defilant" role="region" aria-labelledby={idTitre} tabIndex={0}>
      <table id={p.id} className="tableau-diagnostic">
        <caption id={idTitre}>
          {p.titre}
          {colonneTriee ? (
            <span className="aide tri-actuel">
              {" "}
              — trié par « {colonneTriee.entete} », ordre {p.tri.ordre === "asc" ? "croissant" : "décroissant"}. Choisissez un en-tête de colonne pour trier autrement.
            </span>
          ) : null}
        </caption>
        <thead>
          <tr>
            {p.colonnes.map((c) => {
              const sens = ariaSort(c, p.tri);
              const suivant = ordreSuivant(c, p.tri) === "asc" ? "croissant" : "décroissant";
              return (
                <th key={c.cle} scope="col" aria-sort={sens} className={[c.numerique ? "nombre" : "", c.cle === p.colonneCarte ? "colonne-carte" : ""].join(" ").trim() || undefined}>
                  <a href={lienTri(p.chemin, params, c, p.tri, p.id, p.prefixe)} data-colonne={c.cle}>
                    {c.entete}
                    <span className="visuellement-cache">, trier par ordre {suivant}</span>
                    <Indicateur sens={sens} />
                  </a>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {lignes.map((l) => (
            <tr key={p.cleLigne(l)} className={p.enEvidence?.(l) ? "ligne-en-evidence" : undefined}>
              {p.colonnes.map((c) => {
                const texte = c.cellule(l);
                // Numeric cells are right-aligned by the table's style: no class on each of the region's 10,000 cells.
                const classe = texte === INCONNU ? "inconnu" : undefined;
                if (c.cle === p.colonneNom) {
                  const lien = p.lienLigne?.(l);
                  return (
                    <th key={c.cle} scope="row">
                      {lien ? <a href={lien}>{texte}</a> : texte}
                    </th>
                  );
                }
                return (
                  <td key={c.cle} className={classe}>
                    {texte}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
