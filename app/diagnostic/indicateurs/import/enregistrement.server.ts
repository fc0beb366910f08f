import { sql } from "drizzle-orm";
import type { BaseDeDonnees } from "~/platform/db/connexion.server";
import { importsIndicateurs, valeursIndicateurs } from "../indicateurs.schema";
import type { ValeurIndicateur } from "./types";

export interface BilanValeurs {
  nouvelles: number;
  modifiees: number;
  inchangees: number;
}

type Transaction = Parameters<Parameters<BaseDeDonnees["transaction"]>[0]>[0];

/** 500 rows × 8 parameters: far below PostgreSQL's 65,535 parameters per statement. */
const TAILLE_LOT = 500;

/**
 * Records one import and upserts its values inside the caller's transaction. A value whose
 * (niveau, code, indicateur, annee) exists is replaced only when it differs, so re-importing
 * the same file leaves every row as it was (and says so).
 */
export async function enregistrerValeurs(
  tx: Transaction,
  valeurs: readonly ValeurIndicateur[],
  trace: { format: string; fichier: string; lignes: number },
): Promise<BilanValeurs> {
  const [ligneImport] = await tx
    .insert(importsIndicateurs)
    .values({ format: trace.format, fichier: trace.fichier, lignes: trace.lignes, valeurs: valeurs.length })
    .returning({ id: importsIndicateurs.id });
  if (!ligneImport) throw new Error("insertion de l'import sans identifiant");
  const bilan: BilanValeurs = { nouvelles: 0, modifiees: 0, inchangees: 0 };
  for (let i = 0; i < valeurs.length; i += TAILLE_LOT) {
    const lot = valeurs.slice(i, i + TAILLE_LOT).map((v) => ({ ...v, import_id: ligneImport.id }));
    const ecrites = await tx
      .insert(valeursIndicateurs)
      .values(lot)
      .onConflictDoUpdate({
        target: [valeursIndicateurs.niveau, valeursIndicateurs.code, valeursIndicateurs.indicateur, valeursIndicateurs.annee],
        set: { valeur: sql`excluded.valeur`, source: sql`excluded.source`, commune: sql`excluded.commune`, import_id: sql`excluded.import_id` },
        setWhere: sql`(${valeursIndicateurs.valeur}, ${valeursIndicateurs.source}, ${valeursIndicateurs.commune}) IS DISTINCT FROM (excluded.valeur, excluded.source, excluded.commune)`,
      })
      // xmax = 0 on a row version written by an INSERT, not by the UPDATE branch of the upsert.
      .returning({ nouvelle: sql<boolean>`(xmax = 0)` });
    const nouvelles = ecrites.filter((e) => e.nouvelle).length;
    bilan.nouvelles += nouvelles;
    bilan.modifiees += ecrites.length - nouvelles;
    bilan.inchangees += lot.length - ecrites.length;
  }
  return bilan;
}
