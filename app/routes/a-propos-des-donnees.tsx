import { SOURCES_INDICATEURS } from "~/diagnostic/indicateurs/sources-donnees";
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
        chargées au premier démarrage. Elles datent de 2021 à 2024 : chaque fiche de lieu indique la source et la date de
        chacune de ses informations. Quand plusieurs sources décrivent le même lieu, elles sont fusionnées en une seule fiche
        dont l'identifiant ne change jamais.
      </p>
      <h2>Lieux de médiation numérique</h2>
      <ListeJeux jeux={SOURCES_LIEUX} />
      <h2>Indicateurs du diagnostic territorial</h2>
      <p>
        Le diagnostic suit la méthode PORTREA. Les chiffres de l'INSEE (personnes de 65 ans et plus, personnes sans
        diplôme) et de France Travail (demandeurs d'emploi) ne sont pas livrés avec Passerelle : l'équipe qui
        l'administre les ajoute à partir des fichiers officiels, et leur source est alors indiquée avec chaque chiffre.
      </p>
      <ListeJeux jeux={SOURCES_INDICATEURS} />
      <h2>Géographie de référence</h2>
      <ListeJeux jeux={SOURCES_GEOGRAPHIE} />
    </>
  );
}
