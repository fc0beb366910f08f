import { FichierInutilisable } from "~/lieux/import/fichier";
import type { CleIndicateur } from "../vocabulaire";
import { cellule, lireAnnee, lireTableau, lireValeur, localiserCommune, localiserIris, nouvelleLigne, placer, trouverColonne } from "./cellules";
import type { ContexteLecture, LectureIndicateurs, LigneLue } from "./types";

/** The census column each INSEE file gives, `P<yy>_…` for the census of 20yy. */
const FICHIERS = {
  population: { motif: /^P(\d{2})_POP65P$/i, colonne: "P<aa>_POP65P", indicateur: "pop_65_plus", fichiers: "base-cc-evol-struct-pop / base-ic-evol-struct-pop" },
  diplomes: {
    motif: /^P(\d{2})_NSCOL15P_DIPLMIN$/i,
    colonne: "P<aa>_NSCOL15P_DIPLMIN",
    indicateur: "sans_diplome_15_plus",
    fichiers: "base-cc-diplomes-formation / base-ic-diplomes-formation",
  },
} as const satisfies Record<string, { motif: RegExp; colonne: string; indicateur: CleIndicateur; fichiers: string }>;

export function sourceInsee(annee: number): string {
  return `INSEE, recensement de la population ${annee}`;
}

/**
 * The INSEE census "bases" (`;`-separated): per commune (key CODGEO) or per IRIS (key IRIS, commune
 * in COM). A file may hold several censuses (P21_…, P15_…): each gives its year's values, unless
 * `--annee` keeps one.
 */
export function lireInsee(texte: string, { referentiel, annee }: ContexteLecture, quoi: keyof typeof FICHIERS): LectureIndicateurs {
  const fichier = FICHIERS[quoi];
  const { colonnes, enregistrements } = lireTableau(texte);
  const iris = trouverColonne(colonnes, ["IRIS"]);
  const com = trouverColonne(colonnes, ["COM"]);
  const codgeo = trouverColonne(colonnes, ["CODGEO"]);
  const cle = iris ?? codgeo;
  if (cle === undefined) {
    throw new FichierInutilisable(
      `Colonne d'identifiant absente : CODGEO (fichier par commune) ou IRIS (fichier par IRIS) attendue dans un fichier INSEE ${fichier.fichiers}. Colonnes trouvées : ${colonnes.slice(0, 20).join(", ")}.`,
    );
  }
  const toutes = colonnes.flatMap((colonne) => {
    const m = fichier.motif.exec(colonne.trim());
    const a = m?.[1] === undefined ? undefined : lireAnnee(`20${m[1]}`);
    return a === undefined ? [] : [{ colonne, annee: a }];
  });
  if (toutes.length === 0) {
    throw new FichierInutilisable(`Aucune colonne ${fichier.colonne} dans le fichier : est-ce bien un fichier INSEE ${fichier.fichiers} ?`);
  }
  const retenues = annee === undefined ? toutes : toutes.filter((c) => c.annee === annee);
  if (retenues.length === 0) {
    throw new FichierInutilisable(`Le fichier ne contient pas le recensement ${annee} : années présentes ${toutes.map((c) => c.annee).join(", ")}.`);
  }

  const lignes = enregistrements.map((lu): LigneLue => {
    const ligne = nouvelleLigne(lu);
    if (lu.erreurStructure) return ligne;
    const brut = cellule(lu, cle);
    const localisation = iris ? localiserIris(referentiel, brut, com === undefined ? undefined : cellule(lu, com)) : localiserCommune(referentiel, brut);
    const lieu = placer(ligne, cle, brut, localisation);
    if (!lieu) return ligne;
    for (const { colonne, annee: a } of retenues) {
      const n = lireValeur(ligne, colonne, cellule(lu, colonne), { min: 0 }, "Valeur absente ou non diffusée : ignorée.");
      if (n === undefined) continue;
      ligne.valeurs.push({ niveau: lieu.niveau, code: lieu.code, commune: lieu.commune, indicateur: fichier.indicateur, valeur: n, annee: a, source: sourceInsee(a) });
    }
    return ligne;
  });
  return { lignes, problemesFichier: [] };
}
