import path from "node:path";
import type { ProblemeImport } from "~/lieux/standard/lieu";
import { ErreurPasserelle } from "~/platform/erreurs";
import type { BaseDeDonnees } from "~/platform/db/connexion.server";
import type { Referentiel } from "~/territoire/types";
import { analyserIndicateurs } from "./import/analyse";
import { ANNEE_MIN } from "./import/cellules";
import { enregistrerValeurs, type BilanValeurs } from "./import/enregistrement.server";
import type { FormatIndicateurs } from "./import/types";

export { estFormatIndicateurs, FORMATS_INDICATEURS, type FormatIndicateurs } from "./import/types";

export interface OptionsImportIndicateurs {
  format: FormatIndicateurs;
  /** Path or name of the file: its base name is recorded. */
  fichier: string;
  /** `--annee`: required by `cnaf` and `ifn`, by `france-travail` without an `annee` column; keeps one census for INSEE files. */
  annee?: number | undefined;
  dryRun: boolean;
  referentiel: Referentiel;
}

/** The indicators import report (JSON with `--report`). */
export interface RapportIndicateurs extends BilanValeurs {
  format: FormatIndicateurs;
  fichier: string;
  /** Data rows read, header excluded: acceptees + rejetees + hors_region. */
  lignes: number;
  /** Values of the accepted rows, stored (or, in a dry run, that would be). */
  valeurs: number;
  /** Rows of a national file outside Bretagne: counted, not listed. */
  hors_region: number;
  acceptees: number;
  rejetees: number;
  issues: ProblemeImport[];
  dry_run: boolean;
}

/** Thrown inside the transaction to undo a dry run after doing everything a real run does. */
class AnnulationVolontaire extends Error {
  constructor(readonly bilan: BilanValeurs) {
    super("dry run");
  }
}

/**
 * Imports an indicators file: every row is checked, then the accepted values are written in ONE
 * transaction (a failure leaves the database as it was). A dry run runs the same transaction and
 * rolls it back, so its report is the one a real run would give.
 */
export async function importerIndicateurs(db: BaseDeDonnees, octets: Uint8Array, options: OptionsImportIndicateurs): Promise<RapportIndicateurs> {
  const { annee } = options;
  if (annee !== undefined && (!Number.isInteger(annee) || annee < ANNEE_MIN || annee > new Date().getFullYear())) {
    throw new ErreurPasserelle("entree_invalide", `Année invalide (${annee}) : une année entre ${ANNEE_MIN} et l'année en cours est attendue.`);
  }
  const analyse = analyserIndicateurs(octets, options.format, { referentiel: options.referentiel, annee });
  const fichier = path.basename(options.fichier);
  let bilan: BilanValeurs;
  try {
    bilan = await db.transaction(async (tx) => {
      const b = await enregistrerValeurs(tx, analyse.valeurs, { format: options.format, fichier, lignes: analyse.lignes });
      if (options.dryRun) throw new AnnulationVolontaire(b);
      return b;
    });
  } catch (e) {
    if (!(e instanceof AnnulationVolontaire)) throw e;
    bilan = e.bilan;
  }
  return {
    format: options.format,
    fichier,
    lignes: analyse.lignes,
    valeurs: analyse.valeurs.length,
    hors_region: analyse.horsRegion,
    acceptees: analyse.acceptees,
    rejetees: analyse.rejetees,
    issues: analyse.problemes,
    dry_run: options.dryRun,
    ...bilan,
  };
}
