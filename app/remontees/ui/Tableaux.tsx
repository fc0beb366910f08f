import { LIBELLES_OPERATEURS, LIBELLES_STATUTS_REMONTEES, LIBELLES_THEMES, type Operateur, type StatutRemontee, type Theme } from "../vocabulaire";

/** The two tables of /remontees: counts per operator × theme (everyone signed in), and the readable feedback. */

export interface LigneAgregat {
  operateur: Operateur;
  theme: Theme;
  ouvertes: number;
  en_cours: number;
  closes: number;
  personnes_concernees: number;
}

const nombre = (n: number) => n.toLocaleString("fr-FR");

export function TableauAgregats({ lignes }: { lignes: readonly LigneAgregat[] }) {
  if (lignes.length === 0) return <p>Aucune remontée pour ces critères.</p>;
  const total = (cle: "ouvertes" | "en_cours" | "closes" | "personnes_concernees") => lignes.reduce((s, l) => s + l[cle], 0);
  return (
    <div className="defilement" role="region" aria-labelledby="titre-chiffres" tabIndex={0}>
      <table>
        <caption>Remontées par opérateur et par thème</caption>
        <thead>
          <tr>
            <th scope="col">Opérateur</th>
            <th scope="col">Thème</th>
            <th scope="col" className="nombre">
              Ouvertes
            </th>
            <th scope="col" className="nombre">
              Prises en compte
            </th>
            <th scope="col" className="nombre">
              Closes
            </th>
            <th scope="col" className="nombre">
              Personnes concernées
            </th>
          </tr>
        </thead>
        <tbody>
          {lignes.map((l) => (
            <tr key={`${l.operateur}-${l.theme}`}>
              <th scope="row">{LIBELLES_OPERATEURS[l.operateur]}</th>
              <td>{LIBELLES_THEMES[l.theme]}</td>
              <td className="nombre">{nombre(l.ouvertes)}</td>
              <td className="nombre">{nombre(l.en_cours)}</td>
              <td className="nombre">{nombre(l.closes)}</td>
              <td className="nombre">{nombre(l.personnes_concernees)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={2}>
              Total
            </th>
            <td className="nombre">{nombre(total("ouvertes"))}</td>
            <td className="nombre">{nombre(total("en_cours"))}</td>
            <td className="nombre">{nombre(total("closes"))}</td>
            <td className="nombre">{nombre(total("personnes_concernees"))}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

export interface LigneListe {
  id: string;
  creeLe: string;
  operateur: Operateur;
  demarche: string;
  theme: Theme;
  territoire: string;
  personnes: number;
  statut: StatutRemontee;
  reponses: number;
}

export function TableauRemontees({ lignes }: { lignes: readonly LigneListe[] }) {
  return (
    <div className="defilement" role="region" aria-labelledby="titre-liste" tabIndex={0}>
      <table>
        <caption>Remontées que vous pouvez lire, les plus récentes d'abord</caption>
        <thead>
          <tr>
            <th scope="col">Démarche</th>
            <th scope="col">Opérateur</th>
            <th scope="col">Thème</th>
            <th scope="col">Territoire</th>
            <th scope="col" className="nombre">
              Personnes
            </th>
            <th scope="col">Statut</th>
            <th scope="col">Faite le</th>
          </tr>
        </thead>
        <tbody>
          {lignes.map((l) => (
            <tr key={l.id}>
              <th scope="row">
                <a href={`/remontees/${l.id}`}>{l.demarche}</a>
              </th>
              <td>{LIBELLES_OPERATEURS[l.operateur]}</td>
              <td>{LIBELLES_THEMES[l.theme]}</td>
              <td>{l.territoire}</td>
              <td className="nombre">{nombre(l.personnes)}</td>
              <td>
                {LIBELLES_STATUTS_REMONTEES[l.statut]}
                {l.reponses > 0 ? ` (${l.reponses} message${l.reponses > 1 ? "s" : ""})` : ""}
              </td>
              <td>{l.creeLe}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
