import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import PgBoss from "pg-boss";
import type { BaseDeDonnees } from "~/platform/db/connexion.server";
import { ErreurPasserelle } from "~/platform/erreurs";

/**
 * A scheduled job of a module: its pg-boss queue, its cron (Paris time) and what it runs. The job
 * returns a one-line summary for the server log (counts only: never personal data), or nothing.
 */
export interface Tache {
  file: string;
  cron: string;
  executer: () => Promise<string | undefined>;
}

/**
 * pg-boss over our own connection (DESIGN §6, decision 010): on PGlite, `query` for statements with
 * values and `exec` for the multi-statement scripts without (schema creation, locks); on PostgreSQL
 * the pool, which accepts both. The driver is Drizzle's `$client`, narrowed without a cast.
 */
export function adaptateurPgBoss(db: BaseDeDonnees): PgBoss.Db {
  const client: unknown = Reflect.get(db, "$client");
  if (client instanceof PGlite) {
    return {
      async executeSql(text: string, values: unknown[]) {
        if (values && values.length > 0) return { rows: (await client.query(text, values)).rows };
        const resultats = await client.exec(text);
        return { rows: resultats.at(-1)?.rows ?? [] };
      },
    };
  }
  if (client instanceof pg.Pool) {
    return {
      async executeSql(text: string, values: unknown[]) {
        return { rows: (await client.query(text, values && values.length > 0 ? values : undefined)).rows };
      },
    };
  }
  throw new ErreurPasserelle("indisponible", "Connexion à la base non reconnue pour les tâches planifiées.");
}

/**
 * Starts the job runner (one per deployment: the primary process) and registers each module's
 * schedule and worker. Returns pg-boss, to `stop()` it on shutdown. pg-boss keeps its tables in
 * the schema `pgboss`.
 */
export async function demarrerPlanificateur(db: BaseDeDonnees, taches: readonly Tache[]): Promise<PgBoss> {
  const boss = new PgBoss({ db: adaptateurPgBoss(db), schema: "pgboss" });
  boss.on("error", (e: unknown) => console.error("Tâches planifiées :", e instanceof Error ? e.message : e));
  await boss.start();
  for (const t of taches) {
    await boss.createQueue(t.file);
    await boss.schedule(t.file, t.cron, {}, { tz: "Europe/Paris" });
    await boss.work(t.file, async () => {
      const bilan = await t.executer();
      if (bilan) console.log(`${t.file} : ${bilan}`);
    });
  }
  return boss;
}
