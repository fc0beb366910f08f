/** The place data shipped with Passerelle, described for the "À propos des données" page. */
export const SOURCES_LIEUX = [
  {
    jeu: "Lieux France services en Bretagne (liste au 1er août 2024)",
    producteur: "ANCT — Agence nationale de la cohésion des territoires, Banque des Territoires",
    licence: "Licence Ouverte / Etalab 2.0",
    millesime: "2024-08-01",
    description:
      "130 France services (127 principales, 3 antennes) : adresse, code INSEE, coordonnées, horaires par jour, contacts. Extrait breton de la liste nationale publiée par l'ANCT.",
  },
  {
    jeu: "Structures habilitées Aidants Connect en Bretagne",
    producteur: "ANCT — Aidants Connect",
    licence: "Licence Ouverte / Etalab 2.0",
    millesime: "2024-02-12",
    description:
      "288 structures (282 actives) avec SIRET, adresse et code INSEE, sans coordonnées : ces lieux sont placés au centre de leur commune (position approchée). Les statistiques d'activité du fichier ne sont pas reprises.",
  },
  {
    jeu: "Lieux d'activité des conseillers numériques France Services en Bretagne",
    producteur: "ANCT — dispositif Conseiller numérique (via la cartographie nationale)",
    licence: "Licence Ouverte / Etalab 2.0",
    millesime: "2022-12",
    description:
      "311 lieux au format de l'ancienne cartographie nationale (libellés de services v0.1, convertis au standard v1). Les noms et coordonnées personnelles des conseillers ont été retirés avant publication dans Passerelle.",
  },
  {
    jeu: "Schéma des lieux de médiation numérique v1.0.2",
    producteur: "La MedNum, ANCT, Datactivist",
    licence: "Licence Ouverte / Etalab 2.0",
    millesime: "2024-07",
    description: "Le standard national : 32 champs, 7 obligatoires. Passerelle importe et exporte dans ce format.",
  },
  {
    jeu: "Schéma data·inclusion v1",
    producteur: "GIP de l'inclusion",
    licence: "Licence Ouverte / Etalab 2.0",
    millesime: "2026-04",
    description: "Les schémas des structures et services de l'inclusion, utilisés pour l'export vers data·inclusion.",
  },
] as const;
