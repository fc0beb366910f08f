import path from "node:path";
import type { BaseDeDonnees } from "~/platform/db/connexion.server";
import type { Referentiel } from "~/territoire/types";
import type { ProblemeImport } from "../standard/lieu";
import { analyserFichier } from "./analyse";
import { enregistrerRecords, type BilanEnregistrement } from "./enregistrement.server";
import type { FormatImport } from "./lecture";

export interface OptionsImport {
  format: FormatImport;
  /** Source name recorded for each field; defaults to the format of a known source, else the file name. */
  source?: string | undefined;
  fichier: string;
  dryRun: boolean;
  referentiel: Referentiel;
}

/** The import report; its first four keys are the documented JSON shape. */
export interface RapportImport extends BilanEnregistrement {
  records: number;
  accepted: number;
  rejected: number;
  issues: ProblemeImport[];
  source: string;
  dry_run: boolean;
}

/** Thrown inside the transaction to undo a dry run after computing everything a real run would. */
class AnnulationVolontaire extends Error {
  constructor(readonly bilan: BilanEnregistrement) {
    super("dry run");
  }
}

/**
 * Imports a file of places: validates every row, then stores the accepted ones in ONE
 * transaction (a crash leaves nothing half-written). A dry run goes through the same
 * steps and rolls back, so its report says exactly what a real run would do.
 */
export async function importerLieux(db: BaseDeDonnees, octets: Uint8Array, options: OptionsImport): Promise<RapportImport> {
  const analyse = analyserFichier(octets, options.format, options.referentiel);
  const source = options.source ?? analyse.sourceParDefaut ?? path.basename(options.fichier).replace(/\.[^.]+$/, "");
  const trace = { format: options.format, fichier: path.basename(options.fichier), enregistrements: analyse.records, rejetes: analyse.rejetes };
  let bilan: BilanEnregistrement;
  try {
    bilan = await db.transaction(async (tx) => {
      const b = await enregistrerRecords(tx, source, analyse.acceptes, trace);
      if (options.dryRun) throw new AnnulationVolontaire(b);
      return b;
    });
  } catch (e) {
    if (!(e instanceof AnnulationVolontaire)) throw e;
    bilan = e.bilan;
  }
  return {
    records: analyse.records,
    accepted: analyse.acceptes.length,
    rejected: analyse.rejetes,
    issues: analyse.problemes,
    source,
    dry_run: options.dryRun,
    ...bilan,
  };
}
