import { Link } from "react-router";
import type { Suggestion } from "~/orientation/orientation.server";
import { formaterNombre } from "~/ui/textes";

export function texteTotal(total: number): string {
  if (total === 0) return "Aucun lieu ne correspond à vos réponses";
  return total === 1 ? "1 lieu correspond à vos réponses" : `${formaterNombre(total)} lieux correspondent à vos réponses`;
}

/**
 * The live count (a status region: screen readers announce each new number) and, at zero, the
 * answers to change. The national map only disabled its button at zero; we say what to relax.
 */
export function Compteur({ total, suggestions, enCours }: { total: number | undefined; suggestions: readonly Suggestion[]; enCours: boolean }) {
  return (
    <div className="compteur">
      <p role="status" className={total === 0 ? "compte compte-zero" : "compte"} aria-busy={enCours}>
        {total === undefined ? "" : texteTotal(total)}
      </p>
      {total === 0 ? (
        <div className="avertissement">
          {suggestions.length > 0 ? (
            <>
              <p>Pour trouver des lieux, vous pouvez :</p>
              <ul className="suggestions">
                {suggestions.map((s) => (
                  <li key={s.lien}>
                    <Link to={s.lien}>
                      {s.libelle} ({s.total === 1 ? "1 lieu" : `${formaterNombre(s.total)} lieux`})
                    </Link>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p>Essayez une distance plus grande, ou retirez une de vos réponses.</p>
          )}
        </div>
      ) : null}
    </div>
  );
}
