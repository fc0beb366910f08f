import type { Composante, Mesure, RapportDiagnostic, ScoresIfn } from "../types";
import { formaterEntier, formaterTaux } from "./format";

/** Sentences about the needs, shared by the page and the PDF so that both say the same thing. */

/** The sentence that introduces a measure's inputs. */
export function texteMesure(m: Mesure): string {
  if (m.nombre === null) return "Elle additionne les données suivantes ; voici ce qui est connu de chacune :";
  const origine = [m.annee === null ? null : `données ${m.annee}`, m.source === null ? null : `source : ${m.source}`].filter((x) => x !== null).join(", ");
  return `${origine ? `${origine.charAt(0).toUpperCase()}${origine.slice(1)}. ` : ""}Elle additionne :`;
}

/**
 * One input of a measure in a sentence: its number with year and source, or plainly that it is
 * unknown, what is known of it, and why.
 */
export function texteComposante(c: Composante): string {
  const origine = [c.annee === null ? null : `données ${c.annee}`, c.source === null ? null : `source : ${c.source}`].filter((x) => x !== null).join(", ");
  if (c.nombre !== null) return `${formaterEntier(c.nombre)}${origine ? ` (${origine})` : ""}.`;
  const raison = c.raison ? ` ${c.raison}` : "";
  if (c.communes_connues === 0 || c.nombre_partiel === null) return `inconnu pour toutes les communes du territoire${origine ? ` (${origine})` : ""}.${raison}`;
  const communes = `${formaterEntier(c.communes_connues)} commune${c.communes_connues >= 2 ? "s" : ""} sur ${formaterEntier(c.communes)}`;
  return `inconnu pour le territoire ; ce qui est connu : ${formaterEntier(c.nombre_partiel)} pour ${communes}${origine ? ` (${origine})` : ""}.${raison}`;
}

/** One sentence for a measure in a short report: "2 300 personnes, soit 41 % (INSEE, 2021)", or why it is unknown. */
export function resumeMesure(m: Mesure): string {
  if (m.nombre === null) return m.raison ?? "Une des données qui la composent manque.";
  const taux = m.taux === null ? "" : `, soit ${formaterTaux(m.taux)} de la population`;
  // The year once: sources often name it already ("INSEE, recensement 2021").
  const annee = m.annee === null || m.source?.includes(String(m.annee)) ? null : String(m.annee);
  const source = [m.source, annee].filter((x) => x !== null && x !== "").join(", ");
  return `${formaterEntier(m.nombre)} personnes${taux}${source ? ` (${source})` : ""}.`;
}

export const LIGNES_IFN: readonly { cle: keyof Omit<ScoresIfn, "annee" | "source">; libelle: string }[] = [
  { cle: "total", libelle: "Score global" },
  { cle: "no_thd", libelle: "Absence de très haut débit" },
  { cle: "no_4g", libelle: "Absence de couverture 4G" },
  { cle: "pauvrete", libelle: "Pauvreté" },
  { cle: "plus_65", libelle: "Part des 65 ans et plus" },
  { cle: "sans_diplome", libelle: "Part des non-diplômés" },
];

export function texteIfnAbsent(r: Pick<RapportDiagnostic, "type" | "nom">): string {
  if (r.type === "region" || r.type === "departement") {
    return "L'IFN n'est publié que pour les communes et les intercommunalités, pas pour un département ni pour la région : la carte et les tableaux plus bas le donnent pour chacune.";
  }
  return `Aucun score de l'IFN n'est publié pour ${r.nom}.`;
}
