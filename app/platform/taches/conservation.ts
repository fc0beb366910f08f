/** How long the platform keeps what it writes about people (DESIGN §8, decision 014), in days. */
export interface ReglagesConservation {
  /** Mails (outbox and history): they hold addresses and sign-in or invitation links. */
  courrielsJours: number;
  /** Audit entries: who did what; a year, the usual span for access logs. */
  journalJours: number;
}

export const CONSERVATION_PAR_DEFAUT: ReglagesConservation = { courrielsJours: 30, journalJours: 365 };

/** The day `jours` days before `maintenant`. */
export const joursAvant = (maintenant: Date, jours: number): Date => new Date(maintenant.getTime() - jours * 24 * 3600 * 1000);
