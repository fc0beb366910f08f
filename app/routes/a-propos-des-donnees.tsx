import { SOURCES_LIEUX } from "~/lieux/sources-donnees";
import { SOURCES_GEOGRAPHIE } from "~/territoire/sources";

export function meta() {
  return [{ title: "À propos des données — Passerelle" }];
}

interface Jeu {
  jeu: string;
  producteur: string;
  licence: string;
  millesime: string;
  description: string;
}

function ListeJeux({ jeux }: { jeux: readonly Jeu[] }) {
  return (
    <dl className="sources">
      {jeux.map((j) => (
        <div key={j.jeu}>
          <dt>{j.jeu}</dt>
          <dd>
            {j.description}
            <br />
            Producteur : {j.producteur}. Licence : {j.licence}. Millésime : {j.millesime}.
          </dd>
        </div>
      ))}
    </dl>
  );
}

export default function AProposDesDonnees() {
  return (
    <>
      <h1>À propos des données</h1>
      <p>
        Toutes les données affichées par Passerelle sont des données publiques ouvertes, livrées avec l'application et
        chargées au premier démarrage. Elles datent de 2022 à 2024 : chaque fiche de lieu indique la source et la date de
        chacune de ses informations. Quand plusieurs sources décrivent le même lieu, elles sont fusionnées en une seule fiche
        dont l'identifiant ne change jamais.
      </p>
      <h2>Lieux de médiation numérique</h2>
      <ListeJeux jeux={SOURCES_LIEUX} />
      <h2>Géographie de référence</h2>
      <ListeJeux jeux={SOURCES_GEOGRAPHIE} />
    </>
  );
}
