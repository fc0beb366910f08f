import { libelleSource } from "~/lieux/libelles-sources";
import { statistiquesAnnuaire } from "~/lieux/statistiques.server";
import type { Route } from "./+types/accueil";

export function meta() {
  return [
    { title: "Passerelle — l'inclusion numérique en Bretagne" },
    { name: "description", content: "Annuaire partagé des lieux de médiation numérique de Bretagne, au standard national." },
  ];
}

export async function loader({ context }: Route.LoaderArgs) {
  return statistiquesAnnuaire(context.db, context.referentiel);
}

const nombre = new Intl.NumberFormat("fr-FR");

export default function Accueil({ loaderData: s }: Route.ComponentProps) {
  return (
    <>
      <h1>Les lieux de médiation numérique de Bretagne</h1>
      <p>
        Passerelle rassemble en un seul annuaire, au standard national des lieux de médiation numérique, les lieux où l'on
        peut se faire aider avec le numérique : France services, structures habilitées Aidants Connect, permanences des
        conseillers numériques… Les fiches venant de plusieurs sources sont fusionnées, et chaque information garde sa source
        et sa date.
      </p>
      <ul className="chiffres" aria-label="L'annuaire en chiffres">
        <li>
          <strong>{nombre.format(s.total)}</strong> lieux dans l'annuaire
        </li>
        <li>
          <strong>{nombre.format(s.multiSources)}</strong> lieux décrits par plusieurs sources
        </li>
        <li>
          <strong>{nombre.format(s.aRevoir)}</strong> paires de doublons possibles à revoir
        </li>
      </ul>
      <p className="avertissement">
        Les données actuellement chargées datent de 2022 à 2024. Chaque fiche indique ses sources et la date de leur dernière
        mise à jour : vérifiez les horaires auprès du lieu avant de vous déplacer.
      </p>

      <table>
        <caption>Lieux par département</caption>
        <thead>
          <tr>
            <th scope="col">Département</th>
            <th scope="col" className="nombre">Lieux</th>
            <th scope="col" className="nombre">Pour 10 000 habitants</th>
          </tr>
        </thead>
        <tbody>
          {s.parDepartement.map((d) => (
            <tr key={d.code}>
              <th scope="row">
                {d.nom} ({d.code})
              </th>
              <td className="nombre">{nombre.format(d.lieux)}</td>
              <td className="nombre">{d.pour10000.toLocaleString("fr-FR")}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {s.sansCommune > 0 ? <p>{nombre.format(s.sansCommune)} lieu(x) dont la commune n'a pas pu être identifiée ne sont comptés dans aucun département.</p> : null}

      <table>
        <caption>Lieux par source</caption>
        <thead>
          <tr>
            <th scope="col">Source</th>
            <th scope="col" className="nombre">Lieux</th>
          </tr>
        </thead>
        <tbody>
          {s.parSource.map((p) => (
            <tr key={p.source}>
              <th scope="row">{libelleSource(p.source)}</th>
              <td className="nombre">{nombre.format(p.lieux)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <table>
        <caption>Fraîcheur des informations (date de mise à jour déclarée par la source)</caption>
        <thead>
          <tr>
            <th scope="col">Dernière mise à jour</th>
            <th scope="col" className="nombre">Lieux</th>
          </tr>
        </thead>
        <tbody>
          {s.fraicheur.map((f) => (
            <tr key={f.tranche}>
              <th scope="row">{f.tranche}</th>
              <td className="nombre">{nombre.format(f.lieux)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        {s.dernierImport
          ? `Dernier import : ${new Date(s.dernierImport).toLocaleString("fr-FR", { timeZone: "Europe/Paris" })}.`
          : "Aucun import pour l'instant."}{" "}
        <a href="/a-propos-des-donnees">D'où viennent ces données ?</a>
      </p>
    </>
  );
}
