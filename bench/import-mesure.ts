/** One measured import in a fresh process: `node --import tsx bench/import-mesure.ts FILE pglite|postgres`. */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { importerLieux } from "~/lieux/import/importer.server";
import { chargerDonneesBretagne } from "~/lieux/seed.server";
import { ouvrirConnexion, type Connexion } from "~/platform/db/connexion.server";
import { chargerReferentiel } from "~/territoire/referentiel.server";

const [fichier, moteur] = process.argv.slice(2);
if (!fichier || (moteur !== "pglite" && moteur !== "postgres")) throw new Error("usage : import-mesure.ts FICHIER pglite|postgres");

const URL_ADMIN = process.env.PASSERELLE_TEST_PG_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const nomBase = `passerelle_bench_${process.pid}`;
let dossier: string | undefined;
let connexion: Connexion;
if (moteur === "pglite") {
  dossier = mkdtempSync(path.join(tmpdir(), "passerelle-bench-"));
  connexion = await ouvrirConnexion({ moteur: "pglite", dossier });
} else {
  const admin = new pg.Client({ connectionString: URL_ADMIN });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${nomBase}`);
  await admin.end();
  const url = new URL(URL_ADMIN);
  url.pathname = `/${nomBase}`;
  connexion = await ouvrirConnexion({ moteur: "postgres", url: url.toString() });
}
await connexion.migrer();
const referentiel = chargerReferentiel();
// The real Bretagne directory is loaded first, so every synthetic row is matched against real places.
await chargerDonneesBretagne(connexion.db, referentiel);

const octets = readFileSync(fichier);
const debut = performance.now();
const rapport = await importerLieux(connexion.db, octets, { format: "standard-csv", fichier, dryRun: false, referentiel });
const secondes = (performance.now() - debut) / 1000;
const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);

console.error(
  `[${moteur}] ${rapport.records} lignes, ${rapport.accepted} acceptées, ${rapport.rejected} rejetées, ${rapport.crees} créées, ${rapport.fusionnes} fusionnées, ${rapport.aRevoir} à revoir, ${rapport.issues.length} problèmes signalés`,
);
console.log(
  JSON.stringify({
    bench: "import",
    db: moteur,
    rows: rapport.records,
    seconds: Math.round(secondes * 100) / 100,
    rows_per_s: Math.round(rapport.records / secondes),
    peak_rss_mb: peakRssMb,
  }),
);
await connexion.fermer();
if (dossier) rmSync(dossier, { recursive: true, force: true });
if (moteur === "postgres") {
  const admin = new pg.Client({ connectionString: URL_ADMIN });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${nomBase} WITH (FORCE)`);
  await admin.end();
}
