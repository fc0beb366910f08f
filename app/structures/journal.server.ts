import { journaliser, type ValeurDetail } from "~/platform/audit/journal.server";
import type { BaseDeDonnees } from "~/platform/db/connexion.server";

/** Records a mutation of the structures module in the audit log: ids only, never an address or a message. */
export interface EntreeJournal {
  action: string;
  typeObjet: string;
  objetId: string;
  /** Null for the command line. */
  acteurId: string | null;
  details?: Readonly<Record<string, ValeurDetail>>;
}

/** Give it the mutation's transaction when there is one, so the entry exists exactly when the change does. */
export async function tracer(db: BaseDeDonnees, e: EntreeJournal): Promise<void> {
  await journaliser(db, { action: e.action, utilisateurId: e.acteurId, objetType: e.typeObjet, objetId: e.objetId, details: e.details });
}
