/**
 * Tracked referrals benchmark (`npm run bench:orientations`, issue 5 point 9), on PostgreSQL only:
 * a fresh database (created and dropped here, on DATABASE_URL's server or the local one), migrated,
 * then 2,000 structures in Bretagne communes (weighted by population), one member each, 2,500
 * places (2,000 run by a structure, 500 without account answering by signed links), and 1,000,000
 * referrals over two years inserted by `INSERT … SELECT generate_series`: receiving places and
 * sending structures drawn log-uniformly (Zipf-like: the busiest structure receives ≈ 9 % of all),
 * statuses by age. Then, by one client:
 * - `create_per_s`: 2,000 referrals sent one after the other through `envoyerOrientation` (the real use
 *   case: rights, destination, code, event, audit, mails to the outbox or a signed link);
 * - `inbox_p95_ms`: p95 of 1,000 `lireBoite` loads (first page with counts), structures weighted like
 *   real use, a random tab, sometimes a status or a démarche filter.
 * Prints one JSON line; progress and the EXPLAIN ANALYZE of the slowest load's queries on stderr.
 * Env: DATABASE_URL or PASSERELLE_TEST_PG_URL (server to use), BENCH_ORIENTATIONS (default 1000000),
 * BENCH_GARDER=1 (keep the database for psql).
 */
import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import { lireBoite, type FiltresBoite } from "~/orientation/suivi/boite.server";
import { envoyerOrientation } from "~/orientation/suivi/envoyer.server";
import { DEMARCHES, REGLAGES_PAR_DEFAUT, STATUTS } from "~/orientation/suivi/vocabulaire";
import { creerMessagerie } from "~/platform/courriel/messagerie.server";
import { ouvrirConnexion } from "~/platform/db/connexion.server";
import * as schema from "~/platform/db/schema";
import { droitsDe, type Droits } from "~/structures/droits.server";
import { SERVICES } from "~/lieux/standard/enumerations";
import { TYPES_STRUCTURES } from "~/structures/vocabulaire";
import { chargerReferentiel } from "~/territoire/referentiel.server";

const URL_SERVEUR = process.env.DATABASE_URL || process.env.PASSERELLE_TEST_PG_URL || "postgres://postgres@127.0.0.1:5432/test";
const NOM_BASE = "passerelle_bench_orientations";
const ORIENTATIONS = Number(process.env.BENCH_ORIENTATIONS ?? 1_000_000);
const STRUCTURES = 2000;
const LIEUX = 2500;
const ENVOIS = 2000;
const CHARGEMENTS = 1000;
const referentiel = chargerReferentiel();
const journal = (m: string) => console.error(`[orientations] ${m}`);

async function admin(requete: string): Promise<void> {
  const client = new pg.Client({ connectionString: URL_SERVEUR });
  await client.connect();
  await client.query(requete);
  await client.end();
}

/** Reproducible draws (mulberry32): the same structures and loads on every run. */
function alea(graine: number): () => number {
  let a = graine;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const hasard = alea(20260105);
/** Log-uniform rank in 1..n: density ∝ 1/rank, a Zipf-like law (the SQL below draws the same way). */
const rangZipf = (n: number) => Math.min(n, Math.floor(Math.exp(hasard() * Math.log(n))));
/** Sending ranks are permuted (7919 is prime to 2,000): the busiest senders are not the busiest receivers. */
const rangEmetteur = (r: number) => ((r * 7919) % STRUCTURES) + 1;
const percentile = (xs: number[], p: number) => {
  const t = [...xs].sort((a, b) => a - b);
  return t[Math.min(t.length - 1, Math.ceil(p * t.length) - 1)] ?? 0;
};

const base = new URL(URL_SERVEUR);
base.pathname = `/${NOM_BASE}`;
await admin(`DROP DATABASE IF EXISTS ${NOM_BASE} WITH (FORCE)`);
await admin(`CREATE DATABASE ${NOM_BASE}`);
const pool = new pg.Pool({ connectionString: base.toString(), max: 10 });
try {
  const migration = await ouvrirConnexion({ moteur: "postgres", url: base.toString() });
  await migration.migrer();
  await migration.fermer();
  // The app's Drizzle setup, plus a logger that keeps the queries of one load for EXPLAIN.
  let enregistrees: { requete: string; parametres: unknown[] }[] | null = null;
  const db = drizzle({ client: pool, schema, casing: "snake_case", logger: { logQuery: (requete, parametres) => enregistrees?.push({ requete, parametres }) } });

  journal("structures, membres et lieux…");
  const communes = referentiel.communes().filter((c) => c.population > 0);
  const populationTotale = communes.reduce((s, c) => s + c.population, 0);
  const communeAuHasard = () => {
    let x = hasard() * populationTotale;
    for (const c of communes) if ((x -= c.population) <= 0) return c;
    return communes[0] ?? { code: "35238", nom: "Rennes" };
  };
  const q = (t: string, v: unknown[] = []) => pool.query(t, v);
  await q(`CREATE TABLE bench_structures (rang int PRIMARY KEY, id uuid NOT NULL)`);
  await q(`CREATE TABLE bench_lieux (rang int PRIMARY KEY, lieu_id uuid NOT NULL, structure_id uuid)`);
  for (let debut = 1; debut <= STRUCTURES; debut += 500) {
    const rangs = Array.from({ length: Math.min(500, STRUCTURES - debut + 1) }, (_, i) => debut + i);
    const lignes = rangs.map((r) => ({ r, c: communeAuHasard(), t: TYPES_STRUCTURES[Math.floor(hasard() * TYPES_STRUCTURES.length)] ?? "association" }));
    await q(
      `WITH s AS (INSERT INTO structures (nom, type, code_insee) SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) RETURNING id, nom)
       INSERT INTO bench_structures (rang, id) SELECT substring(nom from '#(\\d+)$')::int, id FROM s`,
      [lignes.map((l) => `Structure #${l.r}`), lignes.map((l) => l.t), lignes.map((l) => l.c.code)],
    );
  }
  await q(`INSERT INTO utilisateurs (courriel, nom) SELECT 'membre-' || rang || '@bench.passerelle.test', 'Membre ' || rang FROM bench_structures`);
  await q(`INSERT INTO membres_structures (structure_id, utilisateur_id, role) SELECT s.id, u.id, 'mediateur' FROM bench_structures s JOIN utilisateurs u ON u.courriel = 'membre-' || s.rang || '@bench.passerelle.test'`);
  const lieux = Array.from({ length: LIEUX }, (_, i) => ({ r: i + 1, c: communeAuHasard() }));
  await q(
    `INSERT INTO lieux (id, pivot, nom, commune, code_postal, code_insee, adresse, date_maj)
     SELECT gen_random_uuid(), '00000000000000', 'Lieu #' || r, nom, '35000', code, '1 rue du banc', '2026-01-01' FROM unnest($1::int[], $2::text[], $3::text[]) AS t(r, nom, code)`,
    [lieux.map((l) => l.r), lieux.map((l) => l.c.nom), lieux.map((l) => l.c.code)],
  );
  await q(`INSERT INTO bench_lieux (rang, lieu_id, structure_id) SELECT substring(l.nom from '#(\\d+)$')::int, l.id, s.id FROM lieux l LEFT JOIN bench_structures s ON s.rang = substring(l.nom from '#(\\d+)$')::int`);
  await q(`INSERT INTO lieux_structures (lieu_id, structure_id) SELECT lieu_id, structure_id FROM bench_lieux WHERE structure_id IS NOT NULL`);
  await q(`INSERT INTO conditions_orientation (lieu_id, courriel_orientation, modalites) SELECT lieu_id, 'lieu-' || rang || '@bench.passerelle.test', '{passerelle}' FROM bench_lieux WHERE structure_id IS NULL`);

  journal(`${ORIENTATIONS} orientations…`);
  const debutInsertion = performance.now();
  const LOT = 200_000;
  for (let de = 1; de <= ORIENTATIONS; de += LOT) {
    await q(
      `INSERT INTO orientations (code, lieu_id, structure_destinataire_id, structure_emettrice_id, services, demarches, urgence, statut, envoyee_le, repondue_le, terminee_le, issue, motif_refus, modifie_le)
       SELECT code, lieu_id, structure_id, emettrice, services, demarches, urgence, statut, le,
         CASE WHEN statut IN ('envoyee', 'expiree') OR (statut = 'annulee' AND r2 < 0.5) THEN NULL ELSE le + r2 * interval '96 hours' END,
         CASE statut WHEN 'cloturee' THEN le + (1 + r3 * 40) * interval '1 day' WHEN 'refusee' THEN le + r2 * interval '96 hours'
           WHEN 'expiree' THEN le + interval '30 days' WHEN 'annulee' THEN le + r3 * interval '5 days' END,
         CASE WHEN statut = 'cloturee' THEN (ARRAY['autonome', 'suivi_en_cours', 'reorientee', 'sans_suite'])[1 + floor(r3 * 4)::int] END,
         CASE WHEN statut = 'refusee' THEN (ARRAY['hors_public', 'hors_service', 'complet', 'hors_territoire', 'deja_accompagnee', 'injoignable', 'autre'])[1 + floor(r3 * 7)::int] END,
         le
       FROM (
         SELECT x.*, l.lieu_id, l.structure_id, s.id AS emettrice,
           CASE WHEN now() - le < interval '30 days' THEN
             CASE WHEN r1 < 0.4 THEN 'envoyee' WHEN r1 < 0.6 THEN 'vue' WHEN r1 < 0.8 THEN 'acceptee' WHEN r1 < 0.9 THEN 'refusee' WHEN r1 < 0.95 THEN 'prise_en_charge' ELSE 'annulee' END
           ELSE
             CASE WHEN r1 < 0.45 THEN 'cloturee' WHEN r1 < 0.6 THEN 'refusee' WHEN r1 < 0.75 THEN 'expiree' WHEN r1 < 0.85 THEN 'prise_en_charge' WHEN r1 < 0.9 THEN 'acceptee' ELSE 'annulee' END
           END AS statut
         FROM (
           SELECT 'B' || lpad(g::text, 7, '0') AS code,
             least(${LIEUX}, floor(exp(random() * ln(${LIEUX})))::int) AS rang_lieu,
             least(${STRUCTURES}, floor(exp(random() * ln(${STRUCTURES})))::int) AS rang_emetteur,
             random() AS r1, random() AS r2, random() AS r3,
             now() - random() * interval '730 days' AS le,
             ARRAY['Aide aux démarches administratives'] AS services,
             ARRAY[(ARRAY['caf', 'ameli', 'impots', 'france_travail', 'ants', 'msa', 'retraite', 'autre'])[1 + floor(random() * 8)::int]] AS demarches,
             (ARRAY['normale', 'normale', 'normale', 'rapide', 'urgente'])[1 + floor(random() * 5)::int] AS urgence
           FROM generate_series($1::int, $2::int) g
         ) x
         JOIN bench_lieux l ON l.rang = x.rang_lieu
         JOIN bench_structures s ON s.rang = ((x.rang_emetteur * 7919) % ${STRUCTURES}) + 1
       ) y`,
      [de, Math.min(ORIENTATIONS, de + LOT - 1)],
    );
    journal(`  ${Math.min(ORIENTATIONS, de + LOT - 1)} (${Math.round((performance.now() - debutInsertion) / 1000)} s)`);
  }
  journal("VACUUM ANALYZE…");
  await q("VACUUM ANALYZE");

  // create_per_s: one person, member of 20 sending structures, sends to places drawn like real use.
  const [benchUtilisateur] = (await q(`INSERT INTO utilisateurs (courriel, nom) VALUES ('client@bench.passerelle.test', 'Client du banc') RETURNING id`)).rows;
  const utilisateurId = String(benchUtilisateur?.id);
  const rangs = (await q(`SELECT rang, id FROM bench_structures`)).rows.map((l) => ({ rang: Number(l.rang), id: String(l.id) }));
  const structureDeRang = new Map(rangs.map((l) => [l.rang, l.id]));
  const lieuDeRang = new Map((await q(`SELECT rang, lieu_id FROM bench_lieux`)).rows.map((l) => [Number(l.rang), String(l.lieu_id)]));
  const emettrices = Array.from({ length: 20 }, (_, i) => structureDeRang.get(rangEmetteur(i + 1)) ?? "");
  for (const id of emettrices) await q(`INSERT INTO membres_structures (structure_id, utilisateur_id, role) VALUES ($1, $2, 'prescripteur') ON CONFLICT DO NOTHING`, [id, utilisateurId]);
  const droits = await droitsDe(db, { id: utilisateurId }, referentiel);
  const services = { db, messagerie: creerMessagerie(db, { smtpUrl: undefined, expediteur: "Passerelle <banc@passerelle.test>" }), urlPublique: "http://bench.passerelle.test", reglages: REGLAGES_PAR_DEFAUT, referentiel };
  journal(`${ENVOIS} envois par envoyerOrientation…`);
  const debutEnvois = performance.now();
  for (let i = 0; i < ENVOIS; i++) {
    await envoyerOrientation(services, droits, {
      lieuId: lieuDeRang.get(rangZipf(LIEUX)) ?? "",
      structureEmettriceId: emettrices[i % emettrices.length] ?? "",
      services: [SERVICES[0]],
      demarches: [DEMARCHES[Math.floor(hasard() * DEMARCHES.length)] ?? "caf"],
      urgence: "normale",
      message: "",
      personne: null,
    });
  }
  const createPerS = Math.round((ENVOIS / ((performance.now() - debutEnvois) / 1000)) * 10) / 10;
  journal(`  ${createPerS} envois/s`);

  // inbox_p95_ms: structures weighted by their activity in that tab.
  journal(`${CHARGEMENTS} chargements de boîte par lireBoite…`);
  const mesures: { ms: number; filtres: FiltresBoite }[] = [];
  const droitsPour = (structureId: string): Droits => ({ utilisateurId, administrateur: false, membres: [{ structureId, role: "mediateur" }], coordinations: [], communesCoordonnees: new Set() });
  for (let i = 0; i < CHARGEMENTS + 50; i++) {
    const recues = hasard() < 0.7;
    const rang = recues ? rangZipf(STRUCTURES) : rangEmetteur(rangZipf(STRUCTURES));
    const structureId = structureDeRang.get(rang) ?? "";
    const tirage = hasard();
    const filtres: FiltresBoite = {
      sens: recues ? "recues" : "envoyees",
      structureId,
      statuts: tirage < 0.25 ? [STATUTS[Math.floor(hasard() * STATUTS.length)] ?? "envoyee"] : [],
      demarche: tirage > 0.85 ? (DEMARCHES[Math.floor(hasard() * DEMARCHES.length)] ?? "caf") : null,
      page: 1,
    };
    const debut = performance.now();
    await lireBoite(db, droitsPour(structureId), filtres);
    // The first 50 loads warm the pool and the caches.
    if (i >= 50) mesures.push({ ms: performance.now() - debut, filtres });
  }
  const p95 = Math.round(percentile(mesures.map((m) => m.ms), 0.95) * 10) / 10;
  const parType = { "sans filtre": (f: FiltresBoite) => f.statuts.length === 0 && f.demarche === null, statut: (f: FiltresBoite) => f.statuts.length > 0, "démarche": (f: FiltresBoite) => f.demarche !== null };
  for (const [nom, est] of Object.entries(parType)) {
    const ms = mesures.filter((m) => est(m.filtres)).map((m) => m.ms);
    journal(`  ${nom} : ${ms.length} chargements, p50 ${Math.round(percentile(ms, 0.5))} ms, p95 ${Math.round(percentile(ms, 0.95))} ms`);
  }
  const pire = mesures.reduce((a, b) => (b.ms > a.ms ? b : a));
  journal(`  p50 ${Math.round(percentile(mesures.map((m) => m.ms), 0.5) * 10) / 10} ms, p95 ${p95} ms, max ${Math.round(pire.ms)} ms (budget p95 ≤ 50 ms : ${p95 <= 50 ? "tenu" : "DÉPASSÉ"})`);
  const [taille] = (await q(`SELECT count(*) AS n FROM orientations WHERE ${pire.filtres.sens === "recues" ? "structure_destinataire_id" : "structure_emettrice_id"} = $1`, [pire.filtres.structureId])).rows;
  journal(`Chargement le plus lent : ${JSON.stringify({ ...pire.filtres, structureId: undefined, orientations_de_la_structure: Number(taille?.n) })}`);
  enregistrees = [];
  await lireBoite(db, droitsPour(pire.filtres.structureId), pire.filtres);
  const requetes: { requete: string; parametres: unknown[] }[] = enregistrees;
  enregistrees = null;
  for (const r of requetes) {
    const plan = await q(`EXPLAIN (ANALYZE, BUFFERS) ${r.requete}`, r.parametres);
    journal(`\n${r.requete}\n${plan.rows.map((l) => String(l["QUERY PLAN"])).join("\n")}`);
  }
  console.log(JSON.stringify({ bench: "orientations", db: "postgres", referrals: ORIENTATIONS, inbox_p95_ms: p95, create_per_s: createPerS }));
} finally {
  await pool.end();
  // BENCH_GARDER=1 keeps the database to study plans by hand (psql), until the next run drops it.
  if (process.env.BENCH_GARDER) journal(`base gardée : ${base.toString()}`);
  else await admin(`DROP DATABASE IF EXISTS ${NOM_BASE} WITH (FORCE)`);
}
