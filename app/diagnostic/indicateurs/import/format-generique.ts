import { FichierInutilisable } from "~/lieux/import/fichier";
import { CLES_INDICATEURS, estCleIndicateur, INDICATEURS } from "../vocabulaire";
import { ANNEE_MIN, cellule, lireAnnee, lireTableau, lireValeur, localiserCode, nouvelleLigne, placer, trouverColonne } from "./cellules";
import type { ContexteLecture, LectureIndicateurs, LigneLue } from "./types";

const COLONNES = ["code_insee", "indicateur", "valeur", "annee", "source"] as const;
const TAILLE_MAX_SOURCE = 300;
/** Every score of the vocabulary is an IFN score, published from 0 to 10. */
const BORNES_SCORE = { min: 0, max: 10 };

/** Passerelle's own layout: one value per row, any indicator, any level. */
export function lireGenerique(texte: string, { referentiel }: ContexteLecture): LectureIndicateurs {
  const { colonnes, enregistrements } = lireTableau(texte);
  const trouvees = COLONNES.map((c) => trouverColonne(colonnes, [c]));
  const [code, indicateur, valeur, annee, source] = trouvees;
  if (code === undefined || indicateur === undefined || valeur === undefined || annee === undefined || source === undefined) {
    const manquantes = COLONNES.filter((_, i) => trouvees[i] === undefined);
    throw new FichierInutilisable(
      `Colonnes obligatoires absentes de l'en-tête : ${manquantes.join(", ")}. Le format générique attend ${COLONNES.join(", ")} ; colonnes trouvées : ${colonnes.join(", ")}.`,
    );
  }
  const lignes = enregistrements.map((lu): LigneLue => {
    const ligne = nouvelleLigne(lu);
    if (lu.erreurStructure) return ligne;
    const erreur = (field: string, value: string, message: string) => ligne.problemes.push({ line: lu.ligne, field, severity: "error", value, message });

    const brutCode = cellule(lu, code);
    const lieu = placer(ligne, code, brutCode, localiserCode(referentiel, brutCode));
    if (ligne.horsRegion) return ligne;

    const cle = cellule(lu, indicateur);
    const cleValide = estCleIndicateur(cle) ? cle : undefined;
    if (cleValide === undefined) erreur(indicateur, cle, `Indicateur inconnu. Indicateurs possibles : ${CLES_INDICATEURS.join(", ")}.`);
    const nature = cleValide && INDICATEURS[cleValide].nature;
    if (lieu && nature === "nombre" && lieu.niveau === "epci") {
      erreur(code, brutCode, "Un nombre de personnes s'importe par IRIS ou par commune, pas par EPCI : Passerelle additionne les communes.");
    }
    if (lieu && nature === "score" && lieu.niveau === "iris") erreur(code, brutCode, "Un score s'importe par commune ou par EPCI, pas par IRIS.");

    const brutValeur = cellule(lu, valeur);
    const n = brutValeur === "" ? undefined : lireValeur(ligne, valeur, brutValeur, nature === "score" ? BORNES_SCORE : { min: 0 }, "Valeur non diffusée (secret statistique) : ligne ignorée.");
    if (brutValeur === "") erreur(valeur, "", "Valeur absente : un nombre supérieur ou égal à 0 est attendu.");

    const brutAnnee = cellule(lu, annee);
    const a = lireAnnee(brutAnnee);
    if (a === undefined) erreur(annee, brutAnnee, `Année sur 4 chiffres attendue, entre ${ANNEE_MIN} et l'année en cours.`);

    const nomSource = cellule(lu, source);
    if (nomSource === "") erreur(source, "", "Source absente : indiquez d'où vient la valeur (producteur, millésime).");
    else if (nomSource.length > TAILLE_MAX_SOURCE) erreur(source, `${nomSource.slice(0, 100)}…`, `Source trop longue (${nomSource.length} caractères, maximum ${TAILLE_MAX_SOURCE}).`);

    if (lieu && cleValide && n !== undefined && a !== undefined && nomSource !== "") {
      ligne.valeurs.push({ niveau: lieu.niveau, code: lieu.code, commune: lieu.commune, indicateur: cleValide, valeur: n, annee: a, source: nomSource });
    }
    return ligne;
  });
  return { lignes, problemesFichier: [] };
}
