import { z } from "zod";
import path from "node:path";
import { ErreurPasserelle } from "./erreurs";

/** Environment variables, validated once at start-up. */
const schemaEnv = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  PASSERELLE_DATA_DIR: z.string().min(1).default("./data"),
  // An empty variable means "not set" (as shells and .env files often leave it).
  DATABASE_URL: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.string().regex(/^postgres(ql)?:\/\//, "DATABASE_URL doit commencer par postgres:// ou postgresql://").optional(),
  ),
  PASSERELLE_SEED: z.enum(["auto", "non"]).default("auto"),
  MAP_STYLE_URL: z.preprocess((v) => (v === "" ? undefined : v), z.url({ message: "MAP_STYLE_URL doit être une URL" }).optional()),
});

export interface Config {
  port: number;
  host: string;
  dossierDonnees: string;
  /** Where PGlite keeps its files when no DATABASE_URL is given. */
  dossierPglite: string;
  databaseUrl: string | undefined;
  /** Load the Bretagne data on the first start of an empty database. */
  seedAuto: boolean;
  /** A MapLibre style for a full base map; without it the map shows the shipped boundaries only (offline). */
  styleCarte: string | undefined;
}

export function lireConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const resultat = schemaEnv.safeParse(env);
  if (!resultat.success) {
    const details = resultat.error.issues.map((i) => `${i.path.join(".")} : ${i.message}`).join("\n");
    throw new ErreurPasserelle("entree_invalide", `Configuration invalide :\n${details}`);
  }
  const e = resultat.data;
  const dossierDonnees = path.resolve(e.PASSERELLE_DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    dossierDonnees,
    dossierPglite: path.join(dossierDonnees, "db"),
    databaseUrl: e.DATABASE_URL,
    seedAuto: e.PASSERELLE_SEED === "auto",
    styleCarte: e.MAP_STYLE_URL,
  };
}
