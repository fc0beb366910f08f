export interface ProprietesPagination {
  page: number;
  pages: number;
  /** The URL of a page, keeping every other criterion. */
  lien: (page: number) => string;
  /** Accessible name of the navigation. */
  libelle?: string;
}

/** Numbered page links around the current page: plain links, so it works without JavaScript. */
export function Pagination({ page, pages, lien, libelle = "Pages de résultats" }: ProprietesPagination) {
  if (pages <= 1) return null;
  const numeros = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pages])].filter((n) => n >= 1 && n <= pages).sort((a, b) => a - b);
  return (
    <nav className="pagination" aria-label={libelle}>
      <ul>
        {page > 1 ? (
          <li>
            <a href={lien(page - 1)} rel="prev">
              <span aria-hidden="true">← </span>Page précédente
            </a>
          </li>
        ) : null}
        {numeros.map((n, i) => (
          <li key={n}>
            {i > 0 && n - (numeros[i - 1] ?? n) > 1 ? <span aria-hidden="true">… </span> : null}
            {n === page ? (
              <a href={lien(n)} aria-current="page">
                <span className="visuellement-cache">Page </span>
                {n}
              </a>
            ) : (
              <a href={lien(n)}>
                <span className="visuellement-cache">Page </span>
                {n}
              </a>
            )}
          </li>
        ))}
        {page < pages ? (
          <li>
            <a href={lien(page + 1)} rel="next">
              Page suivante<span aria-hidden="true"> →</span>
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
