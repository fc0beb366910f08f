import type { Carte, EntreeLegende } from "~/diagnostic/vues/carte";
import { formaterEntier } from "~/diagnostic/vues/format";

/**
 * A choropleth drawn on the server as inline SVG: no script, no tiles, it prints as is.
 * The SVG is one image for assistive technologies (`role="img"` with a summary); the shapes keep a
 * `<title>` for the mouse, and the table named in the summary holds the same numbers.
 */

/** Diagonal grey hatching for "donnée inconnue": told apart from every class in colour and in greyscale. */
function Hachures({ id }: { id: string }) {
  return (
    <pattern id={id} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
      <rect width="6" height="6" fill="#f2f2f2" />
      <line x1="0" y1="0" x2="0" y2="6" stroke="#707070" strokeWidth="2" />
    </pattern>
  );
}

function Pastille({ entree, motif }: { entree: EntreeLegende; motif: string }) {
  return (
    <svg className="pastille" width="28" height="18" viewBox="0 0 28 18" aria-hidden="true" focusable="false">
      {entree.couleur === null ? (
        <defs>
          <Hachures id={motif} />
        </defs>
      ) : null}
      <rect x="0.5" y="0.5" width="27" height="17" fill={entree.couleur ?? `url(#${motif})`} stroke="#4a4a4a" />
    </svg>
  );
}

export function CarteChoroplethe({ carte, ancreTableau }: { carte: Carte; ancreTableau: string }) {
  const motif = `${carte.id}-inconnu`;
  const titre = `${carte.id}-titre`;
  const parClasse = carte.couleurs.map((couleur, i) => ({ couleur, formes: carte.formes.filter((f) => f.classe === i) }));
  const inconnues = carte.formes.filter((f) => f.classe === null);
  return (
    <figure className="carte-diagnostic" aria-labelledby={titre}>
      <figcaption id={titre} className="carte-titre">
        {carte.titre}
      </figcaption>
      <div className="carte-corps">
        <svg className="carte-svg" viewBox={`0 0 ${carte.largeur} ${carte.hauteur}`} role="img" aria-label={carte.resume} preserveAspectRatio="xMidYMid meet">
          <defs>
            <Hachures id={motif} />
          </defs>
          {/* One group per class: the colour is written once, not on each of up to 1,202 shapes. */}
          <g className="carte-formes">
            {parClasse.map((c) => (
              <g key={c.couleur} fill={c.couleur}>
                {c.formes.map((f) => (
                  <path key={f.code} d={f.d}>
                    <title>{f.titre}</title>
                  </path>
                ))}
              </g>
            ))}
            {inconnues.length > 0 ? (
              <g fill={`url(#${motif})`}>
                {inconnues.map((f) => (
                  <path key={f.code} d={f.d}>
                    <title>{f.titre}</title>
                  </path>
                ))}
              </g>
            ) : null}
          </g>
          {carte.contours.map((c, i) => (
            <path key={i} d={c.d} className={c.accent ? "carte-contour-accent" : "carte-contour"} fill="none" />
          ))}
        </svg>
        <div className="carte-legende">
          <p className="carte-legende-titre" id={`${carte.id}-legende`}>
            {carte.indicateur}
          </p>
          <ul aria-labelledby={`${carte.id}-legende`}>
            {carte.legende.map((e) => (
              <li key={e.libelle}>
                <Pastille entree={e} motif={`${motif}-legende`} />
                <span>
                  {e.libelle}{" "}
                  <span className="aide">
                    ({formaterEntier(e.nombre)} {e.nombre >= 2 ? carte.unites : carte.unites.replace(/s$/, "")})
                  </span>
                </span>
              </li>
            ))}
          </ul>
          <p className="aide">{carte.lecture}</p>
          <p className="aide pas-imprimer">
            Les mêmes chiffres sont dans <a href={`#${ancreTableau}`}>le tableau plus bas</a>.
          </p>
        </div>
      </div>
    </figure>
  );
}
