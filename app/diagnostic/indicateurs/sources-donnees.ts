/** The indicator files shipped with Passerelle, for the "À propos des données" page (kept in step with reference-data/indicateurs/README.md). */
export const SOURCES_INDICATEURS = [
  {
    jeu: "Indice de fragilité numérique, par commune et par intercommunalité",
    producteur: "ANCT — programme France Numérique Ensemble (repris du tableau de bord publié par l'équipe inclusion-numerique)",
    licence: "Données publiques de l'ANCT (dépôt de code sous AGPL-3.0)",
    millesime: "édition 2023 environ",
    description:
      "Pour 1 208 communes (dont 6 fusionnées depuis, rattachées à leur commune actuelle) et 59 des 61 intercommunalités : cinq scores (absence de très haut débit, absence de 4G, pauvreté, part des 65 ans et plus, part des personnes sans diplôme) et un score global. Ce sont des notes de 0 à 10, plus élevées quand le territoire est plus fragile, et non des pourcentages : elles sont affichées telles que publiées.",
  },
  {
    jeu: "Allocataires de la CAF par IRIS (AAH, prime d'activité, RSA)",
    producteur: "CNAF — Caisse nationale des allocations familiales (fichier repris par le projet PORTREA)",
    licence: "Données ouvertes de la CNAF ; aucune licence indiquée par le dépôt PORTREA",
    millesime: "2021",
    description:
      "632 IRIS des 97 communes découpées en IRIS (en gros celles de plus de 5 000 habitants) : les communes plus petites sont absentes. Les cases couvertes par le secret statistique sont vides et ne sont pas importées ; le total d'une commune est la somme de ses IRIS.",
  },
] as const;
