/** Statuses of a ticket and their words, without drizzle so that pages can import them. */
export const STATUTS_SIGNALEMENT = ["nouveau", "en_cours", "corrige", "rejete"] as const;
export type StatutSignalement = (typeof STATUTS_SIGNALEMENT)[number];

export const LIBELLES_STATUTS: Record<StatutSignalement, string> = {
  nouveau: "Nouveau",
  en_cours: "En cours",
  corrige: "Corrigé",
  rejete: "Rejeté",
};
