import { readFile } from "node:fs/promises";
import { count } from "drizzle-orm";
import type { BaseDeDonnees } from "~/platform/db/connexion.server";
import type { Referentiel } from "~/territoire/types";
import { importerLieux, type RapportImport } from "./import/importer.server";
import type { FormatImport } from "./import/lecture";
import { imports } from "./lieux.schema";

/** The real Bretagne files shipped in `reference-data/lieux/`, newest first so their values are the base. */
const FICHIERS: readonly { format: FormatImport; fichier: string }[] = [
  { format: "france-services", fichier: "france-services-2024-08-01-bretagne.csv" },
  { format: "aidants-connect", fichier: "aidants-connect-structures-2024-02-bretagne.csv" },
  { format: "cnfs-2022", fichier: "cnfs-lieux-2022-12-bretagne.json" },
];

function dossierLieux(): URL {
  const dossier = process.env.PASSERELLE_REFERENCE_DIR;
  return dossier ? new URL(`file://${dossier.replace(/\/?$/, "/")}lieux/`) : new URL("../../reference-data/lieux/", import.meta.url);
}

/** Imports the three shipped sources; re-running changes nothing (records are recognised). */
export async function chargerDonneesBretagne(db: BaseDeDonnees, referentiel: Referentiel): Promise<RapportImport[]> {
  const rapports: RapportImport[] = [];
  for (const { format, fichier } of FICHIERS) {
    const octets = await readFile(new URL(fichier, dossierLieux()));
    rapports.push(await importerLieux(db, octets, { format, fichier, dryRun: false, referentiel }));
  }
  return rapports;
}

/** On the first start of an empty database, load the Bretagne data. */
export async function chargerSiVide(db: BaseDeDonnees, referentiel: Referentiel): Promise<RapportImport[] | null> {
  const [ligne] = await db.select({ n: count() }).from(imports);
  if ((ligne?.n ?? 0) > 0) return null;
  return chargerDonneesBretagne(db, referentiel);
}
