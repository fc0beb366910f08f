import type { LigneDiagnostic, RapportDiagnostic } from "../types";
import { slugService } from "../vues/indicateurs-carte";

/**
 * The commune columns of the CSV and of the GeoJSON: one definition, so that both files hold the
 * same numbers under matching names (French header for people, snake_case key for programs).
 */
export interface ColonneExport {
  /** GeoJSON property. */
  cle: string;
  /** CSV header, with its unit. */
  entete: string;
  valeur(l: LigneDiagnostic): string | number | null;
  /** Multiplies a 0–1 share into a percentage in the CSV (the GeoJSON keeps the share). */
  pourcentage?: boolean;
  /** Digits kept after the comma in the CSV. */
  chiffres: number;
}

export function colonnesExport(r: Pick<RapportDiagnostic, "offre">): ColonneExport[] {
  return [
    { cle: "code", entete: "Code INSEE", valeur: (l) => l.code, chiffres: 0 },
    { cle: "nom", entete: "Commune", valeur: (l) => l.nom, chiffres: 0 },
    { cle: "population", entete: "Population (habitants)", valeur: (l) => l.population, chiffres: 0 },
    { cle: "fragilite_taux", entete: "Fragilité socio-numérique (% de la population)", valeur: (l) => l.fragilite_taux, pourcentage: true, chiffres: 2 },
    { cle: "exposition_taux", entete: "Exposition aux exigences numériques (% de la population)", valeur: (l) => l.exposition_taux, pourcentage: true, chiffres: 2 },
    { cle: "ifn_total", entete: "Indice de fragilité numérique, score global (sur 10)", valeur: (l) => l.ifn_total, chiffres: 2 },
    { cle: "lieux", entete: "Lieux de médiation numérique", valeur: (l) => l.lieux, chiffres: 0 },
    { cle: "lieux_pour_10000", entete: "Lieux pour 10 000 habitants", valeur: (l) => l.lieux_pour_10000, chiffres: 2 },
    { cle: "distance_moyenne_km", entete: "Distance au lieu le plus proche, tous services (km)", valeur: (l) => l.distance_moyenne_km, chiffres: 1 },
    ...r.offre.services.map(
      (s): ColonneExport => ({
        cle: `distance_${slugService(s.service).replace(/-/g, "_")}_km`,
        entete: `Distance au lieu le plus proche : ${s.libelle} (km)`,
        valeur: (l) => l.distances_km[s.service] ?? null,
        chiffres: 1,
      }),
    ),
    { cle: "score_besoin", entete: "Besoin parmi les communes (de 0 à 1)", valeur: (l) => l.score_besoin, chiffres: 3 },
    { cle: "score_offre", entete: "Offre parmi les communes (de 0 à 1)", valeur: (l) => l.score_offre, chiffres: 3 },
    { cle: "ecart", entete: "Écart besoin − offre (de −1 à 1)", valeur: (l) => l.ecart, chiffres: 3 },
    { cle: "rang", entete: "Rang de l'écart (1 = le plus grand)", valeur: (l) => l.rang, chiffres: 0 },
  ];
}

/** "diagnostic-epci-245600465-cc-de-belle-ile-en-mer.csv": ASCII only, safe in any header and file system. */
export function nomFichier(r: Pick<RapportDiagnostic, "type" | "code" | "nom">, extension: string): string {
  return `diagnostic-${r.type}-${r.code}-${slugService(r.nom)}.${extension}`;
}
