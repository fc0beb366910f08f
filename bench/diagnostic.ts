/**
 * Diagnostic benchmark (`npm run bench:diagnostic`): a fresh PGlite folder and a fresh PostgreSQL
 * database (created and dropped here), migrated, loaded with the real Bretagne places and the
 * shipped indicators; then the whole region is computed several times — both queries, every
 * indicator of the 1,202 communes, 61 EPCI, 4 départements and the region, the nearest place per
 * commune for each of the 9 services — and the median printed, one JSON line per database.
 * Env: BENCH_DB=pglite|postgres (one only), BENCH_RUNS (default 15).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { chargerDonneesDiagnostic } from "~/diagnostic/calcul/donnees.server";
import { rapportDepuisTableau } from "~/diagnostic/calcul/rapport";
import { calculerTableau } from "~/diagnostic/calcul/tableau";
import { chargerIndicateursBretagne } from "~/diagnostic/indicateurs/seed.server";
import { chargerDonneesBretagne } from "~/lieux/seed.server";
import { ouvrirConnexion, type Connexion } from "~/platform/db/connexion.server";
import { chargerReferentiel } from "~/territoire/referentiel.server";

const URL_ADMIN = process.env.PASSERELLE_TEST_PG_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const BUDGET_S = 1;
const referentiel = chargerReferentiel();

async function admin(requete: string): Promise<void> {
  const client = new pg.Client({ connectionString: URL_ADMIN });
  await client.connect();
  await client.query(requete);
  await client.end();
}

const mediane = (xs: readonly number[]) => {
  const t = [...xs].sort((a, b) => a - b);
  const m = Math.floor(t.length / 2);
  return t.length % 2 === 1 ? (t[m] ?? 0) : ((t[m - 1] ?? 0) + (t[m] ?? 0)) / 2;
};
const secondes = (ms: number) => Math.round(ms) / 1000;

async function mesurer(db: "pglite" | "postgres", connexion: Connexion): Promise<void> {
  await connexion.migrer();
  await chargerDonneesBretagne(connexion.db, referentiel);
  await chargerIndicateursBretagne(connexion.db, referentiel);

  const calculs: number[] = [];
  const lectures: number[] = [];
  const rapports: number[] = [];
  let lieux = 0;
  let valeurs = 0;
  let territoires = 0;
  // One run more than counted: the first warms the JIT and the opening-hours cache.
  for (let i = 0; i <= RUNS; i++) {
    const debut = performance.now();
    const donnees = await chargerDonneesDiagnostic(connexion.db);
    const lu = performance.now();
    const tableau = calculerTableau(donnees, referentiel);
    const fin = performance.now();
    // Every report picked from the table (peers ranked, communes listed): what the pages add on top.
    for (const a of tableau.territoires.values()) rapportDepuisTableau(tableau, referentiel, a.territoire.type, a.territoire.code);
    const rapportsFin = performance.now();
    if (i === 0) {
      [lieux, valeurs, territoires] = [donnees.lieux.length, donnees.valeurs.length, tableau.territoires.size];
      continue;
    }
    calculs.push(fin - debut);
    lectures.push(lu - debut);
    rapports.push(rapportsFin - fin);
  }
  const s = secondes(mediane(calculs));
  console.error(`[${db}] médiane ${s} s (lecture ${secondes(mediane(lectures))} s), ${RUNS} mesures, budget ${BUDGET_S} s : ${s <= BUDGET_S ? "tenu" : "DÉPASSÉ"}`);
  console.log(
    JSON.stringify({
      bench: "diagnostic",
      db,
      communes: referentiel.communes().length,
      epci: referentiel.epcis().length,
      departements: referentiel.departements().length,
      territoires,
      lieux,
      valeurs_indicateurs: valeurs,
      services: 9,
      runs: RUNS,
      seconds: s,
      seconds_min: secondes(Math.min(...calculs)),
      seconds_max: secondes(Math.max(...calculs)),
      seconds_lecture: secondes(mediane(lectures)),
      seconds_tous_rapports: secondes(mediane(rapports)),
      budget_seconds: BUDGET_S,
    }),
  );
}

for (const db of ["pglite", "postgres"] as const) {
  if (process.env.BENCH_DB && process.env.BENCH_DB !== db) continue;
  if (db === "pglite") {
    const dossier = mkdtempSync(path.join(tmpdir(), "passerelle-bench-diagnostic-"));
    const connexion = await ouvrirConnexion({ moteur: "pglite", dossier });
    try {
      await mesurer(db, connexion);
    } finally {
      await connexion.fermer();
      rmSync(dossier, { recursive: true, force: true });
    }
  } else {
    const nom = `passerelle_bench_diagnostic_${process.pid}`;
    await admin(`CREATE DATABASE ${nom}`);
    const url = new URL(URL_ADMIN);
    url.pathname = `/${nom}`;
    const connexion = await ouvrirConnexion({ moteur: "postgres", url: url.toString() });
    try {
      await mesurer(db, connexion);
    } finally {
      await connexion.fermer();
      await admin(`DROP DATABASE IF EXISTS ${nom} WITH (FORCE)`);
    }
  }
}
