import { randomBytes } from "node:crypto";
import pg from "pg";
import { ouvrirConnexion, type Connexion } from "~/platform/db/connexion.server";

/** Local server used by the PostgreSQL suite (`npm run test:postgres`). */
const URL_ADMIN = process.env.PASSERELLE_TEST_PG_URL ?? "postgres://postgres@127.0.0.1:5432/test";

export const moteurDeTest = process.env.PASSERELLE_TEST_DB === "postgres" ? "postgres" : "pglite";

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a new
 * database on the local PostgreSQL server with PASSERELLE_TEST_DB=postgres (dropped on close).
 */
export async function baseDeTest(): Promise<Connexion> {
  if (moteurDeTest === "pglite") {
    const c = await ouvrirConnexion({ moteur: "pglite", dossier: undefined });
    await c.migrer();
    return c;
  }
  const nom = `passerelle_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: URL_ADMIN });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${nom}`);
  await admin.end();
  const url = new URL(URL_ADMIN);
  url.pathname = `/${nom}`;
  // One connection, like the embedded database's single session (decision 013): a query made outside
  // a transaction's callback while it runs would wait forever there, so it must fail here too.
  const c = await ouvrirConnexion({ moteur: "postgres", url: url.toString(), connexionsMax: 1 });
  await c.migrer();
  return {
    ...c,
    fermer: async () => {
      await c.fermer();
      const a = new pg.Client({ connectionString: URL_ADMIN });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${nom} WITH (FORCE)`);
      await a.end();
    },
  };
}
