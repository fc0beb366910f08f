import { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migrerPglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migrerPg } from "drizzle-orm/node-postgres/migrator";
import { once } from "node:events";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import pg from "pg";
import { EXTENSIONS_PGLITE } from "./extensions-pglite.server";
import * as schema from "./schema";

export type Schema = typeof schema;
/** The database as use cases see it: the same Drizzle API on PGlite and on PostgreSQL. */
export type BaseDeDonnees = PgDatabase<PgQueryResultHKT, Schema>;
export type Moteur = "pglite" | "postgres";

export interface Connexion {
  db: BaseDeDonnees;
  moteur: Moteur;
  migrer(): Promise<void>;
  fermer(): Promise<void>;
}

export type OptionsConnexion =
  /** `connexionsMax` (default 10): the test suite uses 1, like the embedded database's single session. */
  | { moteur: "postgres"; url: string; connexionsMax?: number }
  /**
   * `dossier` undefined keeps the database in memory (tests). `fil`: PGlite on its own thread,
   * reached over the PostgreSQL protocol (the server); otherwise in this thread (CLI, tests).
   */
  | { moteur: "pglite"; dossier: string | undefined; fil?: boolean };

const DOSSIER_MIGRATIONS = process.env.PASSERELLE_MIGRATIONS_DIR ?? fileURLToPath(new URL("../../../migrations", import.meta.url));

export async function ouvrirConnexion(options: OptionsConnexion): Promise<Connexion> {
  if (options.moteur === "postgres") return connexionPg(new pg.Pool({ connectionString: options.url, max: options.connexionsMax ?? 10 }), "postgres");
  if (options.dossier) mkdirSync(options.dossier, { recursive: true });
  if (options.fil) return connexionPgliteFil(options.dossier);
  const client = await PGlite.create(options.dossier ?? "memory://", { extensions: EXTENSIONS_PGLITE });
  const db = drizzlePglite({ client, schema, casing: "snake_case" });
  return {
    db,
    moteur: "pglite",
    migrer: () => migrerPglite(db, { migrationsFolder: DOSSIER_MIGRATIONS }),
    fermer: () => client.close(),
  };
}

function connexionPg(pool: pg.Pool, moteur: Moteur, apresFermeture: () => Promise<void> = async () => {}): Connexion {
  // An idle client losing its server (restart) must not crash the process: the pool reconnects.
  pool.on("error", () => {});
  const db = drizzlePg({ client: pool, schema, casing: "snake_case" });
  return {
    db,
    moteur,
    migrer: () => migrerPg(db, { migrationsFolder: DOSSIER_MIGRATIONS }),
    fermer: async () => {
      await pool.end();
      await apresFermeture();
    },
  };
}

/**
 * PGlite on a worker thread (pglite-fil.server.ts) behind a Unix socket in a private temporary
 * folder (socket paths are limited to 107 bytes, data folders may be longer). One connection:
 * the engine is one session (decision 013).
 */
async function connexionPgliteFil(dossier: string | undefined): Promise<Connexion> {
  const dossierSocket = mkdtempSync(path.join(tmpdir(), "passerelle-pglite-"));
  const fil = new Worker(new URL("./pglite-fil.mjs", import.meta.url), { workerData: { dossier: dossier ?? "memory://", chemin: path.join(dossierSocket, ".s.PGSQL.5432") } });
  try {
    const [message]: unknown[] = await Promise.race([once(fil, "message"), once(fil, "error").then(([e]: unknown[]) => Promise.reject(e instanceof Error ? e : new Error(String(e))))]);
    if (message !== "prete") throw new Error("La base embarquée n'a pas démarré.");
  } catch (e) {
    await fil.terminate();
    rmSync(dossierSocket, { recursive: true, force: true });
    throw e;
  }
  const pool = new pg.Pool({ host: dossierSocket, port: 5432, user: "postgres", database: "postgres", max: 1 });
  return connexionPg(pool, "pglite", async () => {
    fil.postMessage("fermer");
    await Promise.race([once(fil, "message"), new Promise((r) => setTimeout(r, 5000))]);
    await fil.terminate();
    rmSync(dossierSocket, { recursive: true, force: true });
  });
}

/** PostgreSQL when DATABASE_URL is set, otherwise PGlite in the data folder. */
export function optionsDepuisConfig(config: { databaseUrl: string | undefined; dossierPglite: string }): OptionsConnexion {
  return config.databaseUrl ? { moteur: "postgres", url: config.databaseUrl } : { moteur: "pglite", dossier: config.dossierPglite };
}
