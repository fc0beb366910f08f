import type { Tache } from "~/platform/taches/planificateur.server";
import { relancerFraicheur, type ServicesRelances } from "./relances.server";

/** The freshness reminders: every day at 7:00, Paris time. */
export const FILE_RELANCES = "fraicheur-relances";
export const CRON_RELANCES = "0 7 * * *";

export function tachesFraicheur(s: ServicesRelances): Tache[] {
  return [
    {
      file: FILE_RELANCES,
      cron: CRON_RELANCES,
      async executer() {
        const r = await relancerFraicheur(s);
        return r.courriels > 0 ? `${r.courriels} courriels pour ${r.lieux} lieux` : undefined;
      },
    },
  ];
}
