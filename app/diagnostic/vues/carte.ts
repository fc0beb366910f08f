import type { Geometry } from "geojson";
import type { LigneDiagnostic } from "../types";
import { calculerClasses, classeDe } from "./classes";
import { formaterEntier } from "./format";
import type { IndicateurCarte } from "./indicateurs-carte";
import { ajusterProjection, cheminSvg, emprise, polygones, type Projection } from "./projection";

/**
 * A choropleth as plain data (projected paths, classes, legend): the page draws it as inline SVG,
 * the PDF with the same paths. Nothing here depends on React or pdfkit.
 */

/**
 * Simplification in map units (the map is 1000 units wide): below a pixel at the size the map is
 * shown and printed; it takes the region's communes from 120 to 90 KB of paths.
 */
export const TOLERANCE = 0.7;

/** A tiny island may vanish once simplified: it is then drawn unsimplified. */
function chemin(g: Geometry, projection: Projection): string {
  return cheminSvg(polygones(g), projection, 0, TOLERANCE) || cheminSvg(polygones(g), projection);
}

export interface FormeCarte {
  code: string;
  nom: string;
  /** SVG path in map units. */
  d: string;
  /** Class index, or null for "donnée inconnue". */
  classe: number | null;
  /** "Bangor : 6,1 / 10", the shape's `<title>`. */
  titre: string;
}

export interface EntreeLegende {
  /** Null for the hatched "donnée inconnue" entry. */
  couleur: string | null;
  libelle: string;
  nombre: number;
}

export interface Carte {
  id: string;
  titre: string;
  /** The indicator's name, the legend's title. */
  indicateur: string;
  /** Plural noun of the shapes, for the legend's counts. */
  unites: string;
  /** What the map shows and where to find the same numbers, for `aria-label`. */
  resume: string;
  lecture: string;
  largeur: number;
  hauteur: number;
  formes: FormeCarte[];
  couleurs: string[];
  legende: EntreeLegende[];
  /** Outlines drawn over the shapes without fill: the commune itself, or larger borders for reading. */
  contours: { d: string; accent: boolean }[];
}

export interface EntreeCarte {
  id: string;
  titre: string;
  /** Plural noun of the shapes: "communes", "intercommunalités". */
  unites: string;
  /** The table holding the same numbers, named in the summary. */
  tableau: string;
  formes: readonly { code: string; nom: string; geometrie: Geometry }[];
  lignes: readonly LigneDiagnostic[];
  indicateur: IndicateurCarte;
  /** Outlined, thicker: the commune whose diagnostic this is. */
  enEvidence?: { geometrie: Geometry; nom: string };
  /** Borders drawn thin over the shapes to help reading (départements over the region's communes). */
  reperes?: readonly Geometry[];
  largeur?: number;
}

/** "de 2,1 à 3,4 / 10", or a single value when the class holds only its bound. */
export function libelleClasse(indicateur: IndicateurCarte, bas: number, haut: number): string {
  return bas === haut ? indicateur.formater(bas) : `de ${indicateur.formater(bas)} à ${indicateur.formater(haut)}`;
}

export function construireCarte(e: EntreeCarte): Carte | null {
  const geometries = [...e.formes.map((f) => f.geometrie), ...(e.enEvidence ? [e.enEvidence.geometrie] : [])];
  const etendue = emprise(geometries);
  if (!etendue) return null;
  const projection = ajusterProjection(etendue, e.largeur ?? 1000);
  const parCode = new Map(e.lignes.map((l) => [l.code, l]));
  const valeurs = e.formes.map((f) => {
    const l = parCode.get(f.code);
    return l ? e.indicateur.valeur(l) : null;
  });
  const classes = calculerClasses(valeurs);
  const formes = e.formes.flatMap((f, i): FormeCarte[] => {
    const d = chemin(f.geometrie, projection);
    if (d === "") return [];
    const v = valeurs[i] ?? null;
    const nom = parCode.get(f.code)?.nom ?? f.nom;
    return [{ code: f.code, nom, d, classe: classeDe(classes, v), titre: `${nom} : ${v === null ? "donnée inconnue" : e.indicateur.formater(v)}` }];
  });
  const compte = (classe: number | null) => formes.filter((f) => f.classe === classe).length;
  const legende: EntreeLegende[] = classes.couleurs.map((couleur, i) => ({
    couleur,
    libelle: libelleClasse(e.indicateur, classes.bornes[i] ?? 0, classes.bornes[i + 1] ?? 0),
    nombre: compte(i),
  }));
  const inconnues = compte(null);
  if (inconnues > 0) legende.push({ couleur: null, libelle: "Donnée inconnue", nombre: inconnues });
  const contours = [
    ...(e.reperes ?? []).map((g) => ({ d: chemin(g, projection), accent: false })),
    ...(e.enEvidence ? [{ d: chemin(e.enEvidence.geometrie, projection), accent: true }] : []),
  ].filter((c) => c.d !== "");
  const connues = formes.length - inconnues;
  return {
    id: e.id,
    titre: e.titre,
    indicateur: e.indicateur.libelle,
    unites: e.unites,
    resume:
      `Carte : ${e.indicateur.libelle}, pour ${formaterEntier(formes.length)} ${e.unites}` +
      (inconnues > 0 ? ` (${formaterEntier(inconnues)} sans donnée, ${formaterEntier(connues)} connues)` : "") +
      `${e.enEvidence ? `, ${e.enEvidence.nom} entourée` : ""}. Le tableau « ${e.tableau} » donne les mêmes chiffres.`,
    lecture: e.indicateur.lecture,
    largeur: projection.largeur,
    hauteur: projection.hauteur,
    formes,
    couleurs: classes.couleurs,
    legende,
    contours,
  };
}
