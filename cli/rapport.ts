import type { RapportImport } from "~/lieux/import/importer.server";

/** The import report in French for a person reading a terminal. */
export function rapportEnFrancais(r: RapportImport, fichier: string): string {
  const lignes: string[] = [];
  lignes.push(`${r.dry_run ? "Simulation d'import" : "Import"} de ${fichier} (source « ${r.source} »)`);
  lignes.push(`  ${r.records} enregistrement(s) lu(s) : ${r.accepted} accepté(s), ${r.rejected} rejeté(s).`);
  const verbe = r.dry_run ? "seraient" : "ont été";
  lignes.push(
    `  Lieux : ${r.crees} ${verbe} créé(s), ${r.modifies} mis à jour, ${r.inchanges} inchangé(s), ` +
      `${r.fusionnes} rattaché(s) à un lieu existant (doublon certain), ${r.aRevoir} paire(s) à revoir.`,
  );
  const erreurs = r.issues.filter((i) => i.severity === "error").length;
  const avertissements = r.issues.length - erreurs;
  if (r.issues.length > 0) {
    lignes.push(`  ${erreurs} erreur(s), ${avertissements} avertissement(s) :`);
    for (const i of r.issues) {
      const niveau = i.severity === "error" ? "ERREUR" : "avertissement";
      const champ = i.field === "*" ? "ligne entière" : `champ « ${i.field} »`;
      const valeur = i.value ? ` [valeur : ${i.value}]` : "";
      lignes.push(`  - ligne ${i.line}, ${champ}, ${niveau} : ${i.message}${valeur}`);
    }
  }
  if (r.dry_run) lignes.push("  Simulation : rien n'a été enregistré.");
  return lignes.join("\n");
}
