import { FichierInutilisable } from "~/lieux/import/fichier";
import type { ProblemeImport } from "~/lieux/standard/lieu";
import type { CleIndicateur } from "../vocabulaire";
import { cellule, lireTableau, lireValeur, localiserCommune, localiserIris, nouvelleLigne, placer, trouverColonne } from "./cellules";
import type { ContexteLecture, LectureIndicateurs, LigneLue } from "./types";

/** CNAF column → indicator (CNAF "données par IRIS / par commune" dictionary). */
const COLONNES_VALEURS: readonly { colonne: string; indicateur: CleIndicateur; libelle: string }[] = [
  { colonne: "aaah", indicateur: "allocataires_aah", libelle: "AAH" },
  { colonne: "appa", indicateur: "allocataires_ppa", libelle: "prime d'activité" },
  { colonne: "arsas", indicateur: "allocataires_rsa", libelle: "RSA" },
];
const CLES_COMMUNE = ["code_commune", "codes_insee", "numcom"] as const;

export function sourceCnaf(annee: number): string {
  return `CNAF, allocataires au 31 décembre ${annee}`;
}

/**
 * CNAF recipients per IRIS (key `iris_code`) or per commune. The file has no year, hence `--annee`.
 * Blank cells are statistical secrecy (flagged by `note` ≠ 0): skipped with a warning.
 */
export function lireCnaf(texte: string, { referentiel, annee }: ContexteLecture): LectureIndicateurs {
  if (annee === undefined) {
    throw new FichierInutilisable("Le fichier CNAF ne dit pas de quelle année sont ses chiffres : précisez-la avec --annee (par exemple --annee 2021).");
  }
  const { colonnes, enregistrements } = lireTableau(texte);
  const iris = trouverColonne(colonnes, ["iris_code"]);
  const cle = iris ?? trouverColonne(colonnes, CLES_COMMUNE);
  if (cle === undefined) {
    throw new FichierInutilisable(
      `Colonne d'identifiant absente : iris_code (fichier par IRIS) ou ${CLES_COMMUNE.join(", ")} (fichier par commune) attendue. Colonnes trouvées : ${colonnes.join(", ")}.`,
    );
  }
  const presentes = COLONNES_VALEURS.flatMap((v) => {
    const colonne = trouverColonne(colonnes, [v.colonne]);
    return colonne === undefined ? [] : [{ ...v, colonne }];
  });
  if (presentes.length === 0) {
    throw new FichierInutilisable(`Aucune colonne de valeurs : ${COLONNES_VALEURS.map((v) => `${v.colonne} (${v.libelle})`).join(", ")} attendues.`);
  }
  const problemesFichier = COLONNES_VALEURS.filter((v) => !presentes.some((p) => p.indicateur === v.indicateur)).map(
    (v): ProblemeImport => ({ line: 1, field: v.colonne, severity: "warning", value: "", message: `Colonne ${v.colonne} (${v.libelle}) absente : cet indicateur n'est pas importé.` }),
  );
  const note = trouverColonne(colonnes, ["note"]);
  const source = sourceCnaf(annee);

  const lignes = enregistrements.map((lu): LigneLue => {
    const ligne = nouvelleLigne(lu);
    if (lu.erreurStructure) return ligne;
    const brut = cellule(lu, cle);
    const lieu = placer(ligne, cle, brut, iris ? localiserIris(referentiel, brut) : localiserCommune(referentiel, brut));
    if (!lieu) return ligne;
    const drapeau = note === undefined ? "" : cellule(lu, note);
    const secret = drapeau !== "" && drapeau !== "0";
    if (note !== undefined && secret && presentes.every((v) => cellule(lu, v.colonne) === "")) {
      ligne.problemes.push({ line: lu.ligne, field: note, severity: "warning", value: drapeau, message: `Valeurs couvertes par le secret statistique (note ${drapeau}) : ligne ignorée.` });
      return ligne;
    }
    const absence = secret ? `Cellule vide (secret statistique, note ${drapeau}) : ignorée.` : "Cellule vide (valeur non diffusée) : ignorée.";
    for (const v of presentes) {
      const n = lireValeur(ligne, v.colonne, cellule(lu, v.colonne), { min: 0 }, absence);
      if (n === undefined) continue;
      ligne.valeurs.push({ niveau: lieu.niveau, code: lieu.code, commune: lieu.commune, indicateur: v.indicateur, valeur: n, annee, source });
    }
    return ligne;
  });
  return { lignes, problemesFichier };
}
