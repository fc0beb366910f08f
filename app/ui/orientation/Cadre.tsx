import { Link } from "react-router";
import type { Criteres } from "~/lieux/recherche/criteres";
import { choixFaits } from "~/orientation/choix";
import { lienVue, NOMBRE_ETAPES, TITRES_ETAPES, type ErreurChamp, type NumeroEtape, type Vue } from "~/orientation/parcours";

/** Where the person is: the 4 steps, done ones as links (answers kept), the current one marked. */
export function Progression({ vue, criteres }: { vue: Vue; criteres: Criteres }) {
  const rangActuel = vue === "resultats" ? NOMBRE_ETAPES + 1 : vue;
  const etapes: NumeroEtape[] = [1, 2, 3, 4];
  return (
    <nav aria-label="Étapes du questionnaire" className="progression">
      <ol>
        {etapes.map((n) => (
          <li key={n} className={n === rangActuel ? "actuelle" : n < rangActuel ? "faite" : "a-venir"} aria-current={n === rangActuel ? "step" : undefined}>
            {n < rangActuel ? (
              <Link to={lienVue(criteres, n)}>
                <span className="visuellement-cache">Revenir à l'étape </span>
                {n}. {TITRES_ETAPES[n]}
              </Link>
            ) : (
              <span>
                {n}. {TITRES_ETAPES[n]}
              </span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** The list of problems, each a link to its field (WCAG 3.3.1). Focused when it appears. */
export function ResumeErreurs({ erreurs }: { erreurs: readonly ErreurChamp[] }) {
  if (erreurs.length === 0) return null;
  return (
    <div className="resume-erreurs" role="alert" tabIndex={-1} id="resume-erreurs" aria-labelledby="titre-erreurs">
      <h2 id="titre-erreurs">Il manque une réponse</h2>
      <ul>
        {erreurs.map((e) => (
          <li key={e.champ + e.message}>
            <a href={`#${e.champ}`}>{e.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The answers given so far, each with a link that removes it (undo), staying on the same screen. */
export function VosChoix({ criteres, vue, lieu }: { criteres: Criteres; vue: Vue; lieu?: string }) {
  const choix = choixFaits(criteres);
  if (choix.length === 0 && !lieu) return null;
  return (
    <section className="vos-choix" aria-labelledby="titre-choix">
      <h2 id="titre-choix">Vos réponses</h2>
      <ul>
        {lieu ? (
          <li>
            {lieu}, jusqu'à {criteres.rayon_km} km <Link to={lienVue(criteres, 2)}>Modifier<span className="visuellement-cache"> le lieu et la distance</span></Link>
          </li>
        ) : null}
        {choix.map((c) => (
          <li key={c.libelle}>
            {c.libelle}{" "}
            {/* The only need cannot be removed (the search needs one): it can be changed. */}
            {c.etape === 1 && criteres.services.length === 1 ? (
              <Link to={lienVue(criteres, 1)}>
                Modifier<span className="visuellement-cache"> le besoin</span>
              </Link>
            ) : (
              <Link to={lienVue(c.sans, vue)} replace>
                Retirer<span className="visuellement-cache"> « {c.libelle} »</span>
              </Link>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
