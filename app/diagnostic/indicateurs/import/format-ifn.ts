import { FichierInutilisable } from "~/lieux/import/fichier";
import type { CleIndicateur } from "../vocabulaire";
import { cellule, lireTableau, lireValeur, localiserCommune, localiserEpci, nouvelleLigne, placer, trouverColonne } from "./cellules";
import type { ContexteLecture, LectureIndicateurs, LigneLue } from "./types";

const SCORES: readonly { colonne: string; indicateur: CleIndicateur }[] = [
  { colonne: "no_thd_coverage_rate", indicateur: "ifn_no_thd" },
  { colonne: "no_4g_coverage_rate", indicateur: "ifn_no_4g" },
  { colonne: "poverty_rate", indicateur: "ifn_pauvrete" },
  { colonne: "older_65_rate", indicateur: "ifn_65_plus" },
  { colonne: "nscol15p_rate", indicateur: "ifn_sans_diplome" },
  { colonne: "total", indicateur: "ifn_total" },
];
export const SOURCE_IFN = "Indice de fragilité numérique (France Numérique Ensemble)";

/**
 * The Indice de fragilité numérique files (France Numérique Ensemble): scores from 0 to 10 despite
 * the `_rate` names, per commune (`division` = city) or EPCI (`epci`). No year in the file: `--annee`.
 */
export function lireIfn(texte: string, { referentiel, annee }: ContexteLecture): LectureIndicateurs {
  if (annee === undefined) {
    throw new FichierInutilisable("Le fichier de l'indice de fragilité numérique ne dit pas son édition : précisez l'année avec --annee (par exemple --annee 2023).");
  }
  const { colonnes, enregistrements } = lireTableau(texte);
  const attendues = ["division", "code", ...SCORES.map((s) => s.colonne)];
  const manquantes = attendues.filter((c) => trouverColonne(colonnes, [c]) === undefined);
  const division = trouverColonne(colonnes, ["division"]);
  const code = trouverColonne(colonnes, ["code"]);
  if (manquantes.length > 0 || division === undefined || code === undefined) {
    throw new FichierInutilisable(`Colonnes obligatoires absentes de l'en-tête : ${manquantes.join(", ")}. Colonnes trouvées : ${colonnes.join(", ")}.`);
  }
  const scores = SCORES.map((s) => ({ ...s, colonne: trouverColonne(colonnes, [s.colonne]) ?? s.colonne }));

  const lignes = enregistrements.map((lu): LigneLue => {
    const ligne = nouvelleLigne(lu);
    if (lu.erreurStructure) return ligne;
    const brut = cellule(lu, code);
    const type = cellule(lu, division).toLowerCase();
    if (type !== "city" && type !== "epci") {
      ligne.problemes.push({ line: lu.ligne, field: division, severity: "error", value: type, message: "Division inconnue : « city » (commune) ou « epci » attendu." });
      return ligne;
    }
    const lieu = placer(ligne, code, brut, type === "city" ? localiserCommune(referentiel, brut) : localiserEpci(referentiel, brut));
    if (!lieu) return ligne;
    for (const s of scores) {
      const n = lireValeur(ligne, s.colonne, cellule(lu, s.colonne), { min: 0, max: 10 }, "Score non publié : ignoré.");
      if (n === undefined) continue;
      ligne.valeurs.push({ niveau: lieu.niveau, code: lieu.code, commune: lieu.commune, indicateur: s.indicateur, valeur: n, annee, source: SOURCE_IFN });
    }
    return ligne;
  });
  return { lignes, problemesFichier: [] };
}
