import type { Mesure, RapportDiagnostic, ScoresIfn } from "~/diagnostic/types";
import { formaterEntier, formaterScore, formaterTaux } from "~/diagnostic/vues/format";
import { LIGNES_IFN, texteIfnAbsent, texteMesure, texteComposante } from "~/diagnostic/vues/textes-besoins";

/** The two PORTREA measures, with the year and source of each input or why it is unknown, then the IFN. */

function BlocMesure({ mesure, id }: { mesure: Mesure; id: string }) {
  const texte = texteMesure(mesure);
  return (
    <section className="bloc-mesure" aria-labelledby={id}>
      <h3 id={id}>{mesure.libelle}</h3>
      {mesure.nombre !== null ? (
        <p className="chiffre-cle">
          <strong>{formaterEntier(mesure.nombre)}</strong> personnes
          {mesure.taux !== null ? (
            <>
              , soit <strong>{formaterTaux(mesure.taux)}</strong> de la population
            </>
          ) : null}
          .
        </p>
      ) : (
        <p className="avertissement">
          <strong>Inconnue pour ce territoire.</strong> {mesure.raison ?? "Une des données qui la composent manque."}
        </p>
      )}
      <p>{texte}</p>
      <ul className="composantes">
        {mesure.composantes.map((c) => (
          <li key={c.indicateur}>
            <strong>{c.libelle}</strong> : <span className={c.nombre === null ? "composante-inconnue" : undefined}>{texteComposante(c)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function BlocIfn({ ifn, rapport }: { ifn: ScoresIfn | null; rapport: Pick<RapportDiagnostic, "type" | "nom"> }) {
  return (
    <section className="bloc-mesure" aria-labelledby="titre-ifn">
      <h3 id="titre-ifn">Indice de fragilité numérique (IFN)</h3>
      <p>
        Un score de <strong>0 à 10</strong> publié pour chaque commune et intercommunalité : plus il est élevé, plus la population est fragile face au
        numérique. Ce n'est pas un pourcentage.
      </p>
      {ifn ? (
        <>
          <p className="chiffre-cle">
            Score global : <strong>{formaterScore(ifn.total)}</strong>
          </p>
          <table>
            <caption>
              Scores de l'IFN de {rapport.nom} (source : {ifn.source}, {ifn.annee})
            </caption>
            <thead>
              <tr>
                <th scope="col">Composante</th>
                <th scope="col" className="nombre">
                  Score (sur 10)
                </th>
              </tr>
            </thead>
            <tbody>
              {LIGNES_IFN.map((l) => (
                <tr key={l.cle}>
                  <th scope="row">{l.libelle}</th>
                  <td className={ifn[l.cle] === null ? "nombre inconnu" : "nombre"}>{formaterScore(ifn[l.cle])}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : (
        <p>{texteIfnAbsent(rapport)}</p>
      )}
    </section>
  );
}

export function SectionBesoins({ rapport }: { rapport: RapportDiagnostic }) {
  return (
    <section aria-labelledby="titre-besoins" className="section-diagnostic">
      <h2 id="titre-besoins">Les besoins</h2>
      <div className="blocs-mesures">
        <BlocMesure mesure={rapport.fragilite} id="titre-fragilite" />
        <BlocMesure mesure={rapport.exposition} id="titre-exposition" />
      </div>
      <BlocIfn ifn={rapport.ifn} rapport={rapport} />
    </section>
  );
}
