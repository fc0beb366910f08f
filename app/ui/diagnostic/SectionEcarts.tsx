import type { RapportDiagnostic } from "~/diagnostic/types";
import { COLONNES_COMPARAISON, PREFIXE_COMPARAISON } from "~/diagnostic/vues/colonnes";
import { formaterEntier, formaterKm } from "~/diagnostic/vues/format";
import { PLURIELS_TERRITOIRE } from "~/diagnostic/vues/methode";
import { grouperEloignees, plusGrandsEcarts, texteEcart } from "~/diagnostic/vues/textes-offre";
import type { Tri } from "~/diagnostic/vues/tri";
import { lienDiagnostic } from "./liens";
import { TableauTriable } from "./TableauTriable";

/** At most this many far communes on the page; the CSV export has every commune's distances. */
export const ELOIGNEES_MAX = 100;

export function SectionEcarts({ rapport, tri, chemin, requete, titreTableau }: { rapport: RapportDiagnostic; tri: Tri; chemin: string; requete: string; titreTableau: string }) {
  const { comparaison } = rapport;
  const premiers = plusGrandsEcarts(comparaison.lignes, 5);
  const pluriel = PLURIELS_TERRITOIRE[comparaison.niveau];
  return (
    <section aria-labelledby="titre-ecarts" className="section-diagnostic">
      <h2 id="titre-ecarts">Besoins et offre : les écarts</h2>
      <p>
        {formaterEntier(comparaison.lignes.length)} {pluriel} sont comparées. Comment l'écart est calculé :
      </p>
      <ul>
        {comparaison.criteres.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
      {premiers.length > 0 ? (
        <>
          <h3 id="titre-premiers-ecarts">Les plus grands écarts</h3>
          <ol className="liste-ecarts" aria-labelledby="titre-premiers-ecarts">
            {premiers.map((l) => (
              <li key={l.code} className={l.code === rapport.code ? "ligne-en-evidence" : undefined}>
                {texteEcart(l).replace(/^\d+\. /, "")}
              </li>
            ))}
          </ol>
        </>
      ) : (
        <p>Aucun écart ne peut être calculé : le besoin n'est connu pour aucune des {pluriel} comparées.</p>
      )}
      <TableauTriable
        id="tableau-comparaison"
        titre={titreTableau}
        colonnes={COLONNES_COMPARAISON}
        lignes={comparaison.lignes}
        tri={tri}
        chemin={chemin}
        requete={requete}
        prefixe={PREFIXE_COMPARAISON}
        colonneNom="nom"
        cleLigne={(l) => `${l.type}-${l.code}`}
        lienLigne={(l) => lienDiagnostic(l)}
        enEvidence={(l) => l.type === rapport.type && l.code === rapport.code}
      />
    </section>
  );
}

export function SectionEloignees({ rapport }: { rapport: RapportDiagnostic }) {
  const groupes = grouperEloignees(rapport.communes_eloignees);
  const seuil = formaterKm(rapport.offre.seuil_eloignement_km);
  const montres = groupes.slice(0, ELOIGNEES_MAX);
  return (
    <section aria-labelledby="titre-eloignees" className="section-diagnostic">
      <h2 id="titre-eloignees">Communes éloignées d'un service</h2>
      {groupes.length === 0 ? (
        <p>Aucune commune n'est à plus de {seuil} du lieu le plus proche, pour aucun service.</p>
      ) : (
        <>
          <p>
            {formaterEntier(groupes.length)} commune{groupes.length >= 2 ? "s sont" : " est"} à plus de {seuil} (à vol d'oiseau) du lieu le plus proche
            pour au moins un service
            {groupes.length > montres.length ? ` ; les ${formaterEntier(montres.length)} plus éloignées sont listées, le fichier CSV donne les distances de toutes les communes` : ""}.
          </p>
          <div className="tableau-defilant" role="region" aria-labelledby="titre-tableau-eloignees" tabIndex={0}>
            <table className="tableau-eloignees">
              <caption id="titre-tableau-eloignees">Communes à plus de {seuil} d'un service, les plus éloignées d'abord</caption>
              <thead>
                <tr>
                  <th scope="col">Commune</th>
                  <th scope="col" className="nombre">
                    Population (habitants)
                  </th>
                  <th scope="col">Services hors de portée : distance et lieu le plus proche</th>
                </tr>
              </thead>
              <tbody>
                {montres.map((g) => (
                  <tr key={g.code}>
                    <th scope="row">
                      <a href={lienDiagnostic({ type: "commune", code: g.code })}>{g.nom}</a>
                    </th>
                    <td className="nombre">{formaterEntier(g.population)}</td>
                    <td>
                      <ul className="services-eloignes">
                        {g.services.map((s) => (
                          <li key={s.service}>
                            {s.libelle} : {formaterKm(s.distance_km)}
                            {s.lieu_le_plus_proche ? (
                              <>
                                {" "}
                                — <a href={`/lieux/${s.lieu_le_plus_proche.id}`}>{s.lieu_le_plus_proche.nom}</a> ({s.lieu_le_plus_proche.commune})
                              </>
                            ) : (
                              " — aucun lieu connu"
                            )}
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
