import { readFile } from "node:fs/promises";
import path from "node:path";
import { count } from "drizzle-orm";
import type { BaseDeDonnees } from "~/platform/db/connexion.server";
import { dossierReference } from "~/territoire/dossier.server";
import type { Referentiel } from "~/territoire/types";
import { importerIndicateurs, type FormatIndicateurs, type RapportIndicateurs } from "./importer.server";
import { importsIndicateurs } from "./indicateurs.schema";

/** The files shipped in `reference-data/indicateurs/` (see its README) and the year each stands for. */
const FICHIERS: readonly { format: FormatIndicateurs; fichier: string; annee: number }[] = [
  { format: "ifn", fichier: "ifn-communes-bretagne.csv", annee: 2023 },
  { format: "ifn", fichier: "ifn-epci-bretagne.csv", annee: 2023 },
  { format: "cnaf", fichier: "caf-allocataires-iris-2021-bretagne.csv", annee: 2021 },
];

/**
 * Imports the shipped indicators, all or none (one transaction: a crash halfway must not leave a
 * database that `chargerIndicateursSiVide` then takes as loaded). Running it again changes no value.
 */
export async function chargerIndicateursBretagne(db: BaseDeDonnees, referentiel: Referentiel): Promise<RapportIndicateurs[]> {
  const dossier = path.join(dossierReference(), "indicateurs");
  const fichiers = await Promise.all(FICHIERS.map(async (f) => ({ ...f, octets: await readFile(path.join(dossier, f.fichier)) })));
  return db.transaction(async (tx) => {
    const rapports: RapportIndicateurs[] = [];
    for (const { format, fichier, annee, octets } of fichiers) {
      rapports.push(await importerIndicateurs(tx, octets, { format, fichier, annee, dryRun: false, referentiel }));
    }
    return rapports;
  });
}

/** On the first start, load the shipped indicators; null when any indicators file was already imported. */
export async function chargerIndicateursSiVide(db: BaseDeDonnees, referentiel: Referentiel): Promise<RapportIndicateurs[] | null> {
  const [ligne] = await db.select({ n: count() }).from(importsIndicateurs);
  if ((ligne?.n ?? 0) > 0) return null;
  return chargerIndicateursBretagne(db, referentiel);
}
