import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import PgBoss from "pg-boss";
import type { BaseDeDonnees } from "~/platform/db/connexion.server";
import { ErreurPasserelle } from "~/platform/erreurs";
import { relancerFraicheur, type ServicesRelances } from "./relances.server";

/** The queue and its schedule: every day at 7:00, Paris time. pg-boss keeps its tables in the schema `pgboss`. */
export const FILE_RELANCES = "fraicheur-relances";
export const CRON_RELANCES = "0 7 * * *";

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
 * Starts the job runner (one per deployment: the primary process), registers the daily schedule
 * and the worker that runs the reminder job. Returns pg-boss, to `stop()` it on shutdown.
 */
export async function demarrerPlanificateur(s: ServicesRelances): Promise<PgBoss> {
  const boss = new PgBoss({ db: adaptateurPgBoss(s.db), schema: "pgboss" });
  boss.on("error", (e: unknown) => console.error("Tâches planifiées :", e instanceof Error ? e.message : e));
  await boss.start();
  await boss.createQueue(FILE_RELANCES);
  await boss.schedule(FILE_RELANCES, CRON_RELANCES, {}, { tz: "Europe/Paris" });
  await boss.work(FILE_RELANCES, async () => {
    const r = await relancerFraicheur(s);
    if (r.courriels > 0) console.log(`Relances de fraîcheur : ${r.courriels} courriels pour ${r.lieux} lieux.`);
  });
  return boss;
}
