import { FichierInutilisable } from "~/lieux/import/fichier";
import { ANNEE_MIN, cellule, lireAnnee, lireTableau, lireValeur, localiserCommune, nouvelleLigne, placer, trouverColonne } from "./cellules";
import type { ContexteLecture, LectureIndicateurs, LigneLue } from "./types";

/** Column names seen in the DEFM files of France Travail, the DARES and the regional observatories. */
export const CLES_FRANCE_TRAVAIL = ["codgeo", "code_commune", "code commune", "depcom", "code_insee"] as const;
export const VALEURS_FRANCE_TRAVAIL = ["defm_abc", "abc", "nb_abc", "categorie_abc", "deabc"] as const;
export const SOURCE_FRANCE_TRAVAIL = "France Travail – DARES, demandeurs d'emploi A, B, C";

/** Job seekers registered in categories A, B and C, per commune; year from an `annee` column or `--annee`. */
export function lireFranceTravail(texte: string, { referentiel, annee }: ContexteLecture): LectureIndicateurs {
  const { colonnes, enregistrements } = lireTableau(texte);
  const cle = trouverColonne(colonnes, CLES_FRANCE_TRAVAIL);
  const valeur = trouverColonne(colonnes, VALEURS_FRANCE_TRAVAIL);
  if (cle === undefined || valeur === undefined) {
    const manques = [
      ...(cle === undefined ? [`une colonne de code commune (${CLES_FRANCE_TRAVAIL.join(", ")})`] : []),
      ...(valeur === undefined ? [`une colonne de demandeurs d'emploi A, B, C (${VALEURS_FRANCE_TRAVAIL.join(", ")})`] : []),
    ];
    throw new FichierInutilisable(`Il manque ${manques.join(" et ")}. Colonnes trouvées : ${colonnes.join(", ")}.`);
  }
  const colonneAnnee = trouverColonne(colonnes, ["annee", "année"]);
  if (colonneAnnee === undefined && annee === undefined) {
    throw new FichierInutilisable("Le fichier n'a pas de colonne annee : précisez l'année des chiffres avec --annee (par exemple --annee 2024).");
  }

  const lignes = enregistrements.map((lu): LigneLue => {
    const ligne = nouvelleLigne(lu);
    if (lu.erreurStructure) return ligne;
    const brut = cellule(lu, cle);
    const lieu = placer(ligne, cle, brut, localiserCommune(referentiel, brut));
    if (!lieu) return ligne;
    let a = annee;
    if (colonneAnnee !== undefined) {
      const brutAnnee = cellule(lu, colonneAnnee);
      a = lireAnnee(brutAnnee);
      if (a === undefined) {
        ligne.problemes.push({ line: lu.ligne, field: colonneAnnee, severity: "error", value: brutAnnee, message: `Année sur 4 chiffres attendue, entre ${ANNEE_MIN} et l'année en cours.` });
      }
    }
    const n = lireValeur(ligne, valeur, cellule(lu, valeur), { min: 0 }, "Valeur non diffusée (secret statistique ou non disponible) : ignorée.");
    if (n !== undefined && a !== undefined) {
      ligne.valeurs.push({ niveau: lieu.niveau, code: lieu.code, commune: lieu.commune, indicateur: "demandeurs_emploi", valeur: n, annee: a, source: SOURCE_FRANCE_TRAVAIL });
    }
    return ligne;
  });
  return { lignes, problemesFichier: [] };
}
