/** One data set behind the reference geography, as listed on the "À propos des données" page. */
export interface SourceGeographie {
  jeu: string;
  producteur: string;
  licence: string;
  millesime: string;
  description: string;
}

// Kept in step with reference-data/referentiel/README.md and reference-data/geo/README.md.
export const SOURCES_GEOGRAPHIE: SourceGeographie[] = [
  {
    jeu: "Communes, communes déléguées et intercommunalités de Bretagne",
    producteur:
      "INSEE (Code officiel géographique) et DGCL (intercommunalités), via le paquet @etalab/decoupage-administratif 6.0.0 publié par Etalab",
    licence: "Licence Ouverte / Etalab 2.0 (données) ; MIT (code du paquet)",
    millesime: "COG 2026",
    description:
      "Les 1 202 communes des Côtes-d'Armor, du Finistère, d'Ille-et-Vilaine et du Morbihan avec leur population municipale légale, leurs codes postaux, leur EPCI et les codes des communes fusionnées ; 100 communes déléguées ou associées ; 61 EPCI à fiscalité propre. Les populations des EPCI, des départements et de la région sont la somme de leurs communes bretonnes.",
  },
  {
    jeu: "Point de localisation des communes",
    producteur: "La Poste (base officielle des codes postaux), repris par le projet datas.fun",
    licence: "Données publiques de La Poste ; aucune licence indiquée par datas.fun",
    millesime: "2024",
    description:
      "Un point (latitude, longitude) par commune, issu de la base des codes postaux : il situe la commune sur la carte mais n'est pas le centre de son territoire.",
  },
  {
    jeu: "Contours des communes, des EPCI, des départements et de la région",
    producteur: "IGN (Admin Express), simplifiés par le projet france-geojson de Grégoire David",
    licence: "Licence Ouverte / Etalab 2.0",
    millesime: "Géométrie Admin Express 2018, regroupée selon le découpage COG 2026",
    description:
      "Les contours communaux de 2018 ont été fusionnés pour suivre les communes nouvelles de 2026, puis assemblés en EPCI ; les EPCI qui débordent de la région (Redon Agglomération, Cap Atlantique) n'y figurent que pour leur partie bretonne. Tracés simplifiés, destinés à l'affichage de cartes et non à la mesure de surfaces.",
  },
];
