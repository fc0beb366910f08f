import type { BaseDeDonnees } from "~/platform/db/connexion.server";
import type { Messagerie } from "~/platform/courriel/messagerie.server";
import { ErreurPasserelle } from "~/platform/erreurs";
import type { Referentiel } from "~/territoire/types";

/** What the structures' use cases need; built from the request context by the pages, by hand in tests. */
export interface ServicesStructures {
  db: BaseDeDonnees;
  messagerie: Messagerie;
  /** Origin of the links put in mails (PASSERELLE_URL_PUBLIQUE). */
  urlPublique: string;
  referentiel: Referentiel;
}

/** The person acting: the signed-in account, or null for an anonymous visitor. */
export type Acteur = { id: string } | null;

export function servicesDe(context: { db: BaseDeDonnees; messagerie?: Messagerie | undefined; config: { urlPublique: string }; referentiel: Referentiel }): ServicesStructures {
  if (!context.messagerie) throw new ErreurPasserelle("indisponible", "La messagerie n'est pas disponible sur ce serveur.");
  return { db: context.db, messagerie: context.messagerie, urlPublique: context.config.urlPublique, referentiel: context.referentiel };
}

/** True for PostgreSQL's unique-violation error, whichever driver (pg, PGlite) and wrapper (Drizzle) carries it. */
export function estViolationUnicite(e: unknown, contrainte?: string): boolean {
  for (let x: unknown = e; x instanceof Error; x = x.cause) {
    if ("code" in x && x.code === "23505") return contrainte === undefined || ("constraint" in x && x.constraint === contrainte) || x.message.includes(contrainte);
  }
  return false;
}
