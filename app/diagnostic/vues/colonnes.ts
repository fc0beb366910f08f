import type { LigneDiagnostic, RapportDiagnostic } from "../types";
import { formaterDecimal, formaterEntier, formaterIndice, formaterTaux } from "./format";
import { PLURIELS_TERRITOIRE } from "./methode";
import { slugService, type IndicateurCarte, type ServiceCarte } from "./indicateurs-carte";
import type { ColonneTriable, Tri } from "./tri";

/** The columns of the communes and comparison tables; the map's numbers are among them. */
export type Colonne = ColonneTriable<LigneDiagnostic>;

/** Numbers in cells are written without their unit: the unit is in the header. */
const sansUnite = (n: number | null, chiffres: number) => formaterDecimal(n, chiffres);

const NOM: Colonne = { cle: "nom", entete: "Nom", valeur: (l) => l.nom, numerique: false, premierOrdre: "asc", cellule: (l) => l.nom };
const POPULATION: Colonne = {
  cle: "population",
  entete: "Population (habitants)",
  valeur: (l) => l.population,
  numerique: true,
  premierOrdre: "desc",
  cellule: (l) => formaterEntier(l.population),
};
const FRAGILITE: Colonne = {
  cle: "fragilite",
  entete: "Fragilité socio-numérique (% de la population)",
  valeur: (l) => l.fragilite_taux,
  numerique: true,
  premierOrdre: "desc",
  cellule: (l) => (l.fragilite_taux === null ? formaterTaux(null) : sansUnite(l.fragilite_taux * 100, 1)),
};
const EXPOSITION: Colonne = {
  cle: "exposition",
  entete: "Exposition aux exigences numériques (% de la population)",
  valeur: (l) => l.exposition_taux,
  numerique: true,
  premierOrdre: "desc",
  cellule: (l) => (l.exposition_taux === null ? formaterTaux(null) : sansUnite(l.exposition_taux * 100, 1)),
};
const IFN: Colonne = {
  cle: "ifn_total",
  entete: "Indice de fragilité numérique (score sur 10)",
  valeur: (l) => l.ifn_total,
  numerique: true,
  premierOrdre: "desc",
  cellule: (l) => sansUnite(l.ifn_total, 1),
};
const LIEUX: Colonne = { cle: "lieux", entete: "Lieux", valeur: (l) => l.lieux, numerique: true, premierOrdre: "desc", cellule: (l) => formaterEntier(l.lieux) };
const LIEUX_10000: Colonne = {
  cle: "lieux_pour_10000",
  entete: "Lieux pour 10 000 habitants",
  valeur: (l) => l.lieux_pour_10000,
  numerique: true,
  premierOrdre: "desc",
  cellule: (l) => sansUnite(l.lieux_pour_10000, 1),
};
const DISTANCE: Colonne = {
  cle: "distance_moyenne",
  entete: "Distance au lieu le plus proche, tous services (km)",
  valeur: (l) => l.distance_moyenne_km,
  numerique: true,
  premierOrdre: "desc",
  cellule: (l) => sansUnite(l.distance_moyenne_km, 1),
};

function colonneDistance(s: ServiceCarte): Colonne {
  return {
    cle: `distance_${slugService(s.service)}`,
    entete: `Distance au lieu le plus proche pour « ${s.libelle} » (km)`,
    valeur: (l) => l.distances_km[s.service] ?? null,
    numerique: true,
    premierOrdre: "desc",
    cellule: (l) => sansUnite(l.distances_km[s.service] ?? null, 1),
  };
}

/**
 * The communes table. When the map shows a service's distance, its column is added so that the
 * table holds the map's numbers.
 */
export function colonnesCommunes(indicateur: IndicateurCarte, services: readonly ServiceCarte[]): Colonne[] {
  const service = services.find((s) => `distance_${slugService(s.service)}` === indicateur.cle);
  return [NOM, POPULATION, FRAGILITE, EXPOSITION, IFN, LIEUX, LIEUX_10000, DISTANCE, ...(service ? [colonneDistance(service)] : [])];
}

export const TRI_COMMUNES: Tri = { cle: "nom", ordre: "asc" };

const RANG: Colonne = {
  cle: "rang",
  entete: "Rang (1 = plus grand écart)",
  valeur: (l) => l.rang,
  numerique: true,
  premierOrdre: "asc",
  cellule: (l) => formaterEntier(l.rang),
};
const BESOIN: Colonne = {
  cle: "besoin",
  entete: "Besoin (de 0 à 1)",
  valeur: (l) => l.score_besoin,
  numerique: true,
  premierOrdre: "desc",
  cellule: (l) => formaterIndice(l.score_besoin),
};
const OFFRE: Colonne = {
  cle: "offre",
  entete: "Offre (de 0 à 1)",
  valeur: (l) => l.score_offre,
  numerique: true,
  premierOrdre: "desc",
  cellule: (l) => formaterIndice(l.score_offre),
};
const ECART: Colonne = {
  cle: "ecart",
  entete: "Écart besoin − offre (de −1 à 1)",
  valeur: (l) => l.ecart,
  numerique: true,
  premierOrdre: "desc",
  cellule: (l) => formaterIndice(l.ecart),
};

/** The comparison table: rank, need, offer, gap, then what they are made of. */
export const COLONNES_COMPARAISON: Colonne[] = [RANG, NOM, POPULATION, BESOIN, OFFRE, ECART, IFN, LIEUX_10000, DISTANCE];
export const TRI_COMPARAISON: Tri = { cle: "rang", ordre: "asc" };
/** Its sort parameters are `comparaison_tri` and `comparaison_ordre`. */
export const PREFIXE_COMPARAISON = "comparaison";

/** The tables' captions; the maps name them in their summary. */
export function titresTableaux(r: Pick<RapportDiagnostic, "type" | "nom" | "comparaison">): { communes: string; comparaison: string } {
  return {
    communes: r.type === "commune" ? `La commune de ${r.nom}` : `Les communes : ${r.nom}`,
    comparaison: `Comparaison des ${PLURIELS_TERRITOIRE[r.comparaison.niveau]} : besoin, offre et écart`,
  };
}
