import { and, inArray, isNotNull, lt, or } from "drizzle-orm";
import { journaliser } from "~/platform/audit/journal.server";
import type { BaseDeDonnees } from "~/platform/db/connexion.server";
import { joursAvant } from "~/platform/taches/conservation";
import type { Tache } from "~/platform/taches/planificateur.server";
import { signalements } from "../lieux.schema";

/** The reporter's address serves to tell them the outcome: kept this long after it, then erased. */
export const JOURS_ADRESSE_APRES_TRAITEMENT = 30;
/** A ticket nobody handled does not keep an address forever either. */
export const JOURS_ADRESSE_MAX = 365;

/**
 * Erases reporters' addresses (decision 014): 30 days after a ticket is « corrigé » or « rejeté »,
 * or a year after it was sent whatever its status. The report itself stays for the place's owners.
 */
export async function effacerAdressesSignalements(db: BaseDeDonnees, maintenant: Date = new Date()): Promise<{ adresses: number }> {
  return db.transaction(async (tx) => {
    const effaces = await tx
      .update(signalements)
      .set({ courriel: null })
      .where(
        and(
          isNotNull(signalements.courriel),
          or(
            and(inArray(signalements.statut, ["corrige", "rejete"]), lt(signalements.modifie_le, joursAvant(maintenant, JOURS_ADRESSE_APRES_TRAITEMENT))),
            lt(signalements.cree_le, joursAvant(maintenant, JOURS_ADRESSE_MAX)),
          ),
        ),
      )
      .returning({ id: signalements.id });
    if (effaces.length > 0) await journaliser(tx, { action: "signalement.effacer_adresses", utilisateurId: null, objetType: "signalement", details: { nombre: effaces.length } });
    return { adresses: effaces.length };
  });
}

export function tachesSignalements(db: BaseDeDonnees): Tache[] {
  return [
    {
      file: "signalements-conservation",
      cron: "20 3 * * *",
      async executer() {
        const r = await effacerAdressesSignalements(db);
        return r.adresses > 0 ? `adresses effacées de ${r.adresses} signalements` : undefined;
      },
    },
  ];
}
