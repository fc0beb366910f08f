import type { RapportIndicateurs } from "./importer.server";
import type { JeuIndicateur } from "./liste.server";

const LIBELLES_NIVEAUX: Record<string, string> = { iris: "IRIS", commune: "commune", epci: "EPCI" };

/** The indicators import report in French, for a person reading a terminal. */
export function rapportIndicateursEnFrancais(r: RapportIndicateurs, chemin: string): string {
  const lignes: string[] = [];
  lignes.push(`${r.dry_run ? "Simulation d'import" : "Import"} d'indicateurs : ${chemin} (format ${r.format})`);
  lignes.push(`  ${r.lignes} ligne(s) lue(s) : ${r.acceptees} acceptée(s), ${r.rejetees} rejetée(s), ${r.hors_region} hors de Bretagne (ignorée(s)).`);
  const verbe = r.dry_run ? "seraient" : "ont été";
  lignes.push(`  Valeurs : ${r.valeurs} lue(s) ; ${r.nouvelles} ${verbe} ajoutée(s), ${r.modifiees} remplacée(s), ${r.inchangees} déjà à jour.`);
  const erreurs = r.issues.filter((i) => i.severity === "error").length;
  if (r.issues.length > 0) {
    lignes.push(`  ${erreurs} erreur(s), ${r.issues.length - erreurs} avertissement(s) :`);
    for (const i of r.issues) {
      const niveau = i.severity === "error" ? "ERREUR" : "avertissement";
      const champ = i.field === "*" ? "ligne entière" : `colonne « ${i.field} »`;
      const valeur = i.value ? ` [valeur : ${i.value}]` : "";
      lignes.push(`  - ligne ${i.line}, ${champ}, ${niveau} : ${i.message}${valeur}`);
    }
  }
  if (r.dry_run) lignes.push("  Simulation : rien n'a été enregistré.");
  return lignes.join("\n");
}

/** `npx passerelle indicateurs liste`: one line per indicator, level, year and source. */
export function listeEnFrancais(jeux: readonly JeuIndicateur[]): string {
  if (jeux.length === 0) return "Aucun indicateur chargé. Importez-en avec « npx passerelle indicateurs import FICHIER --format FORMAT ».";
  return jeux
    .map((j) => `${j.indicateur} (${j.libelle}) — ${LIBELLES_NIVEAUX[j.niveau] ?? j.niveau}, ${j.annee}, ${j.source} : ${j.valeurs.toLocaleString("fr-FR")} valeur(s)`)
    .join("\n");
}
