/**
 * Prepares one database for the search benchmark, in its own process:
 * `node --import tsx bench/search-preparer.ts pglite <dossier-pglite> <csv> <points.json>`
 * or `… postgres <url> <csv> <points.json>`. Loads the real Bretagne data, then the synthetic
 * set, refreshes the planner statistics, and writes a sample of place positions for the load.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { isNotNull, sql } from "drizzle-orm";
import { importerLieux } from "~/lieux/import/importer.server";
import { lieux } from "~/lieux/lieux.schema";
import { chargerDonneesBretagne } from "~/lieux/seed.server";
import { ouvrirConnexion } from "~/platform/db/connexion.server";
import { chargerReferentiel } from "~/territoire/referentiel.server";

const [moteur, cible, fichier, sortiePoints] = process.argv.slice(2);
if ((moteur !== "pglite" && moteur !== "postgres") || !cible || !fichier || !sortiePoints) {
  throw new Error("usage : search-preparer.ts pglite|postgres DOSSIER|URL FICHIER.csv POINTS.json");
}
const connexion = await ouvrirConnexion(moteur === "pglite" ? { moteur, dossier: cible } : { moteur, url: cible });
await connexion.migrer();
const referentiel = chargerReferentiel();
await chargerDonneesBretagne(connexion.db, referentiel);
const rapport = await importerLieux(connexion.db, readFileSync(fichier), { format: "standard-csv", fichier, dryRun: false, referentiel });
await connexion.db.execute(sql`vacuum analyze lieux`);
const points = await connexion.db
  .select({ lat: lieux.latitude, lon: lieux.longitude })
  .from(lieux)
  .where(isNotNull(lieux.latitude))
  .orderBy(sql`md5(${lieux.id}::text)`)
  .limit(2000);
writeFileSync(sortiePoints, JSON.stringify(points));
console.error(`[${moteur}] base prête : ${rapport.accepted} lieux synthétiques importés (${rapport.fusionnes} fusionnés), ${points.length} points d'échantillon.`);
await connexion.fermer();
