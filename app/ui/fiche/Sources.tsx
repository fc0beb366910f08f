import type { FicheLieu } from "~/lieux/fiche/fiche.server";
import { explicationFraicheur, LIBELLES_FRAICHEUR, type Fraicheur } from "~/lieux/fiche/fraicheur";
import { formaterDate } from "../textes";

export function BadgeFraicheur({ fraicheur }: { fraicheur: Fraicheur }) {
  return <span className={`badge-seul fraicheur-${fraicheur}`}>{LIBELLES_FRAICHEUR[fraicheur]}</span>;
}

/** Where each piece of information comes from, and how old it is: people judge before travelling. */
export function SourcesFiche({ fiche, seuilMois }: { fiche: FicheLieu; seuilMois: number }) {
  return (
    <section aria-labelledby="titre-sources">
      <h2 id="titre-sources">D'où viennent ces informations ?</h2>
      <p>
        Dernière mise à jour : {formaterDate(fiche.lieu.date_maj)} <BadgeFraicheur fraicheur={fiche.fraicheur} />
      </p>
      {fiche.sources.length > 0 ? (
        <ul>
          {fiche.sources.map((s) => (
            <li key={s.source}>
              {s.libelle} : informations du {formaterDate(s.date_maj)} <BadgeFraicheur fraicheur={s.fraicheur} />
            </li>
          ))}
        </ul>
      ) : null}
      <p className="aide">{explicationFraicheur(seuilMois)}</p>
      {fiche.provenance.length > 0 ? (
        <details>
          <summary>Source de chaque information</summary>
          <div className="tableau-defilant">
            <table>
              <caption className="visuellement-cache">Source et date de chaque information de la fiche</caption>
              <thead>
                <tr>
                  <th scope="col">Information</th>
                  <th scope="col">Source</th>
                  <th scope="col">Date</th>
                </tr>
              </thead>
              <tbody>
                {fiche.provenance.map((p) => (
                  <tr key={p.champ}>
                    <th scope="row">{p.libelle}</th>
                    <td>{p.source}</td>
                    <td>{formaterDate(p.date)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      ) : null}
    </section>
  );
}
