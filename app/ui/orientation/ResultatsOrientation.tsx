import { Form } from "react-router";
import type { LieuTrouve } from "~/lieux/recherche/resultat";
import { MAX_LIEUX_FICHE } from "~/orientation/fiche";
import { parametresReponses, type ErreurChamp } from "~/orientation/parcours";
import type { Criteres } from "~/lieux/recherche/criteres";
import { CarteLieu } from "~/ui/CarteLieu";
import { MessageChamp } from "./Cases";

interface Proprietes {
  lieux: readonly LieuTrouve[];
  total: number;
  criteres: Criteres;
  choisis: readonly string[];
  erreurs: readonly ErreurChamp[];
  aujourdhui: Date;
}

/**
 * The last screen: the nearest places, each with a box to put it on the orientation sheet.
 * The form goes through the questionnaire (etape=fiche), which checks 1 to 3 boxes are ticked.
 */
export function ResultatsOrientation({ lieux, total, criteres, choisis, erreurs, aujourdhui }: Proprietes) {
  const erreur = erreurs.find((e) => e.champ === "choix-lieux")?.message;
  const tousLesLieux = `/lieux?${parametresReponses(criteres).toString()}`;
  return (
    <Form method="get" action="/orientation" className="resultats-orientation">
      {[...parametresReponses(criteres).entries()].map(([cle, valeur], i) => (
        <input key={`${cle}-${i}`} type="hidden" name={cle} value={valeur} />
      ))}
      <fieldset aria-describedby={erreur ? "erreur-choix aide-choix" : "aide-choix"}>
        <legend>
          <h2>Choisissez de 1 à {MAX_LIEUX_FICHE} lieux pour votre fiche</h2>
        </legend>
        <p className="aide" id="aide-choix">
          Les lieux sont rangés du plus proche au plus loin{total > lieux.length ? ` (les ${lieux.length} plus proches sur ${total})` : ""}. La fiche
          donne l'adresse, les horaires, comment y aller et ce qu'il faut apporter.
        </p>
        <MessageChamp id="erreur-choix" message={erreur} />
        <ol className="liste-lieux liste-choix">
          {lieux.map((l, i) => (
            <li key={l.id}>
              <div className="case case-lieu">
                <input
                  type="checkbox"
                  name="lieux"
                  value={l.id}
                  id={i === 0 ? "choix-lieux" : `choix-${l.id}`}
                  defaultChecked={choisis.includes(l.id)}
                  aria-invalid={erreur ? true : undefined}
                />
                <label htmlFor={i === 0 ? "choix-lieux" : `choix-${l.id}`}>
                  Mettre sur la fiche<span className="visuellement-cache"> : {l.nom}</span>
                </label>
              </div>
              <CarteLieu lieu={l} niveauTitre={3} aujourdhui={aujourdhui} />
            </li>
          ))}
        </ol>
      </fieldset>
      <div className="actions">
        <button type="submit" name="etape" value="fiche">
          Préparer la fiche d'orientation
        </button>
      </div>
      {total > lieux.length ? (
        <p>
          <a href={tousLesLieux}>Voir les {total} lieux dans l'annuaire, avec la carte</a>
        </p>
      ) : null}
    </Form>
  );
}
