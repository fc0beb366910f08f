import { PGlite } from "@electric-sql/pglite";
import { cube } from "@electric-sql/pglite/contrib/cube";
import { earthdistance } from "@electric-sql/pglite/contrib/earthdistance";
import { fuzzystrmatch } from "@electric-sql/pglite/contrib/fuzzystrmatch";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migrerPglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migrerPg } from "drizzle-orm/node-postgres/migrator";
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import pg from "pg";
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
  | { moteur: "postgres"; url: string }
  /** `dossier` undefined keeps the database in memory (tests). */
  | { moteur: "pglite"; dossier: string | undefined };

const DOSSIER_MIGRATIONS = process.env.PASSERELLE_MIGRATIONS_DIR ?? fileURLToPath(new URL("../../../migrations", import.meta.url));

export async function ouvrirConnexion(options: OptionsConnexion): Promise<Connexion> {
  if (options.moteur === "postgres") {
    const pool = new pg.Pool({ connectionString: options.url, max: 10 });
    // An idle client losing its server (restart) must not crash the process: the pool reconnects.
    pool.on("error", () => {});
    const db = drizzlePg({ client: pool, schema, casing: "snake_case" });
    return {
      db,
      moteur: "postgres",
      migrer: () => migrerPg(db, { migrationsFolder: DOSSIER_MIGRATIONS }),
      fermer: () => pool.end(),
    };
  }
  if (options.dossier) mkdirSync(options.dossier, { recursive: true });
  const client = await PGlite.create(options.dossier ?? "memory://", {
    extensions: { cube, earthdistance, fuzzystrmatch, pg_trgm, unaccent },
  });
  const db = drizzlePglite({ client, schema, casing: "snake_case" });
  return {
    db,
    moteur: "pglite",
    migrer: () => migrerPglite(db, { migrationsFolder: DOSSIER_MIGRATIONS }),
    fermer: () => client.close(),
  };
}

/** PostgreSQL when DATABASE_URL is set, otherwise PGlite in the data folder. */
export function optionsDepuisConfig(config: { databaseUrl: string | undefined; dossierPglite: string }): OptionsConnexion {
  return config.databaseUrl ? { moteur: "postgres", url: config.databaseUrl } : { moteur: "pglite", dossier: config.dossierPglite };
}
