import type { ReactNode } from "react";

/** The message shown instead of results when the criteria cannot be used (each problem named). */
export function ErreursRecherche({ erreurs, children }: { erreurs: readonly string[]; children?: ReactNode }) {
  return (
    <div className="message-erreur" role="alert">
      <h2>La recherche n'a pas pu être faite</h2>
      <ul>
        {erreurs.map((e) => (
          <li key={e}>{e}</li>
        ))}
      </ul>
      {children}
    </div>
  );
}
