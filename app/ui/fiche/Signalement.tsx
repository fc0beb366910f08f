import { Form } from "react-router";
import { CHAMP_PIEGE, LIBELLES_CATEGORIES, MESSAGE_MAX, type CategorieSignalement } from "~/lieux/signalements/libelles";
import type { ErreursSignalement } from "~/lieux/signalements/signalement";

// Keys of a Record keep their declaration order: the order of the categories in the table.
const CATEGORIES = Object.keys(LIBELLES_CATEGORIES).filter((c): c is CategorieSignalement => c in LIBELLES_CATEGORIES);

export interface ValeursSignalement {
  categories: string[];
  message: string;
  courriel: string;
}

/**
 * "Signaler une erreur": a plain POST form (works without JavaScript); the action redirects back
 * with `?signalement=merci` so a reload never sends it twice.
 */
export function FormulaireSignalement({
  lieuId,
  merci,
  jeton,
  erreurs,
  valeurs,
}: {
  lieuId: string;
  merci: boolean;
  /** When the form was shown, signed (anti-spam: a report sent under 3 s is refused quietly). */
  jeton?: string | undefined;
  erreurs?: ErreursSignalement | undefined;
  valeurs?: ValeursSignalement | undefined;
}) {
  const e = erreurs ?? {};
  const aErreurs = Object.keys(e).length > 0;
  return (
    <section id="signaler" className="signalement" aria-labelledby="titre-signaler">
      <h2 id="titre-signaler">Signaler une erreur</h2>
      {merci ? (
        <p className="message-succes" role="status">
          Merci ! Votre signalement a bien été envoyé. Les personnes qui tiennent cette fiche à jour vont le vérifier.
        </p>
      ) : (
        <p>Une information est fausse ou a changé ? Dites-le : les personnes qui tiennent cette fiche à jour la corrigeront.</p>
      )}
      {aErreurs ? (
        <div className="message-erreur" role="alert">
          <p>Le signalement n'a pas été envoyé :</p>
          <ul>
            {Object.values(e).map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <Form method="post" action={`/lieux/${lieuId}`} noValidate>
        <fieldset aria-describedby={e.categories ? "erreur-categories" : undefined}>
          <legend>Qu'est-ce qui est faux ? (cochez tout ce qui convient)</legend>
          {e.categories ? (
            <p className="fraicheur-ancienne" id="erreur-categories">
              {e.categories}
            </p>
          ) : null}
          {CATEGORIES.map((c) => (
            <div className="case" key={c}>
              <input type="checkbox" id={`s-${c}`} name="categories" value={c} defaultChecked={valeurs?.categories.includes(c) ?? false} />
              <label htmlFor={`s-${c}`}>{LIBELLES_CATEGORIES[c]}</label>
            </div>
          ))}
        </fieldset>
        <p>
          <label htmlFor="s-message">
            Précisez ce qui est faux, et la bonne information si vous la connaissez{" "}
            <span className="aide" id="s-message-aide">
              (facultatif si vous avez coché une case, {MESSAGE_MAX} caractères au plus)
            </span>
          </label>
          <br />
          <textarea
            id="s-message"
            name="message"
            rows={5}
            maxLength={MESSAGE_MAX}
            defaultValue={valeurs?.message ?? ""}
            aria-describedby={e.message ? "s-message-aide erreur-message" : "s-message-aide"}
            aria-invalid={e.message ? true : undefined}
          />
          {e.message ? (
            <span className="fraicheur-ancienne" id="erreur-message">
              {e.message}
            </span>
          ) : null}
        </p>
        <p>
          <label htmlFor="s-courriel">
            Votre adresse de courriel{" "}
            <span className="aide" id="s-courriel-aide">
              (facultatif : seulement pour vous dire ce qui a été fait, elle n'est pas publiée)
            </span>
          </label>
          <br />
          <input
            type="email"
            id="s-courriel"
            name="courriel"
            autoComplete="email"
            defaultValue={valeurs?.courriel ?? ""}
            aria-describedby={e.courriel ? "s-courriel-aide erreur-courriel" : "s-courriel-aide"}
            aria-invalid={e.courriel ? true : undefined}
          />
          {e.courriel ? (
            <span className="fraicheur-ancienne" id="erreur-courriel">
              {" "}
              {e.courriel}
            </span>
          ) : null}
        </p>
        {/* Honeypot: hidden from people and assistive technologies, filled by form-spamming bots. */}
        <div className="champ-piege" aria-hidden="true">
          <label htmlFor="s-piege">Ne remplissez pas ce champ</label>
          <input type="text" id="s-piege" name={CHAMP_PIEGE} tabIndex={-1} autoComplete="off" defaultValue="" />
        </div>
        {jeton ? <input type="hidden" name="jeton" value={jeton} /> : null}
        <button type="submit">Envoyer le signalement</button>
      </Form>
    </section>
  );
}
