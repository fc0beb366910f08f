import type { Offre } from "~/diagnostic/types";
import { formaterDecimal, formaterEntier, formaterKm } from "~/diagnostic/vues/format";
import { chiffresOffre } from "~/diagnostic/vues/textes-offre";

/** The offer: places, opening hours, programmes, and how far each service is from the communes. */
export function SectionOffre({ offre, population }: { offre: Offre; population: number }) {
  const seuil = formaterKm(offre.seuil_eloignement_km);
  return (
    <section aria-labelledby="titre-offre" className="section-diagnostic">
      <h2 id="titre-offre">L'offre de médiation numérique</h2>
      <ul className="chiffres">
        {chiffresOffre(offre, population).map((c) => (
          <li key={c.libelle}>
            <strong>{c.valeur}</strong> {c.libelle}
          </li>
        ))}
      </ul>
      <div className="tableau-defilant" role="region" aria-labelledby="titre-couverture" tabIndex={0}>
        <table className="tableau-diagnostic">
          <caption id="titre-couverture">
            Couverture par service : lieux du territoire et distance des communes au lieu le plus proche (même hors du territoire)
          </caption>
          <thead>
            <tr>
              <th scope="col">Service</th>
              <th scope="col" className="nombre">
                Lieux
              </th>
              <th scope="col" className="nombre">
                Distance moyenne (km, pondérée par la population)
              </th>
              <th scope="col" className="nombre">
                Distance maximale (km)
              </th>
              <th scope="col" className="nombre">
                Communes à plus de {seuil}
              </th>
              <th scope="col" className="nombre">
                Habitants à plus de {seuil}
              </th>
            </tr>
          </thead>
          <tbody>
            {offre.services.map((s) => (
              <tr key={s.service}>
                <th scope="row">{s.libelle}</th>
                <td className="nombre">{formaterEntier(s.lieux)}</td>
                <td className={s.distance_moyenne_km === null ? "nombre inconnu" : "nombre"}>{formaterDecimal(s.distance_moyenne_km)}</td>
                <td className={s.distance_max_km === null ? "nombre inconnu" : "nombre"}>{formaterDecimal(s.distance_max_km)}</td>
                <td className="nombre">{formaterEntier(s.communes_eloignees)}</td>
                <td className="nombre">{formaterEntier(s.population_eloignee)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="aide">Un lieu peut proposer plusieurs services et relever de plusieurs programmes : les lignes ne s'additionnent pas.</p>
    </section>
  );
}
