/**
 * Import benchmark: builds a national-scale SYNTHETIC file of 25,000 places in the standard CSV
 * (bench/synthetique.ts), then imports it with validation, dedup and storage into a fresh PGlite
 * and a fresh PostgreSQL database, each in its own process so peak memory is the import's.
 * Prints one JSON line per database.
 */
import { execFileSync } from "node:child_process";
import { fichierSynthetique } from "./synthetique";

const LIGNES = Number(process.env.BENCH_LIGNES ?? 25_000);
const fichier = fichierSynthetique(LIGNES, { reconstruire: true });
for (const db of ["pglite", "postgres"]) {
  const sortie = execFileSync(process.execPath, ["--import", "tsx", new URL("./import-mesure.ts", import.meta.url).pathname, fichier, db], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  process.stdout.write(sortie);
}
