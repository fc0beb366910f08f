import type { Fraicheur } from "~/lieux/fiche/fraicheur";
import type { Completude } from "~/lieux/fraicheur/completude";

/** For the people who may edit the place: confirm it in one click, and see what is missing. */
export function ConfirmationFraicheur({ lieuId, fraicheur, completude, confirme }: { lieuId: string; fraicheur: Fraicheur; completude: Completude; confirme: boolean }) {
  return (
    <section id="fraicheur" className="pas-imprimer fraicheur-edition" aria-labelledby="titre-fraicheur-edition">
      <h2 id="titre-fraicheur-edition">Pour les personnes qui gèrent ce lieu</h2>
      {confirme ? (
        <p className="message-succes" role="status">
          Merci : les informations sont confirmées à jour à la date d'aujourd'hui.
        </p>
      ) : null}
      {fraicheur !== "a_jour" ? <p>Ces informations n'ont pas été confirmées depuis longtemps. Vérifiez-les, corrigez-les si besoin, puis confirmez.</p> : null}
      <form method="post" action={`/lieux/${lieuId}/confirmer`}>
        <button type="submit">Je confirme que tout est à jour</button>
      </form>
      <p>
        Fiche complète à {completude.score} % ({completude.remplis} informations utiles sur {completude.total}).
      </p>
      {completude.manquants.length > 0 ? (
        <details>
          <summary>Ce qui manque ({completude.manquants.length})</summary>
          <ul>
            {completude.manquants.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
