import { and, count, desc, eq, gte, lte, sql, type SQL } from "drizzle-orm";
import { utilisateurs } from "~/comptes/comptes.schema";
import type { BaseDeDonnees } from "~/platform/db/connexion.server";
import { ErreurPasserelle } from "~/platform/erreurs";
import { journal_audit } from "./audit.schema";

/** A detail's value: ids, field names, counts, flags — never the value of a personal field. */
export type ValeurDetail = string | number | boolean | null | readonly string[];

export interface EntreeAudit {
  /** `objet.verbe`, lower case: `signalement.creer`, `compte.supprimer`, `courriels.consulter`… */
  action: string;
  /** Who acts; null for the command line and anonymous visitors. */
  utilisateurId: string | null;
  objetType: string;
  objetId?: string | null | undefined;
  details?: Readonly<Record<string, ValeurDetail>> | undefined;
}

const FORME_ACTION = /^[a-z_]+(\.[a-z_]+)+$/;
const COURRIEL = /[^\s@]+@[^\s@]+/;

function verifierValeur(cle: string, v: ValeurDetail): void {
  const textes = typeof v === "string" ? [v] : Array.isArray(v) ? v : [];
  // The cheapest guard against the most common leak: an address copied into the log.
  if (textes.some((t) => COURRIEL.test(t))) throw new ErreurPasserelle("entree_invalide", `Journal d'audit : le détail « ${cle} » ressemble à une adresse électronique.`);
}

/**
 * Writes one entry. Give it the transaction of the mutation when there is one, so the entry exists
 * exactly when the change does (a `PgTransaction` is a `BaseDeDonnees`).
 */
export async function journaliser(db: BaseDeDonnees, e: EntreeAudit): Promise<void> {
  if (!FORME_ACTION.test(e.action)) throw new ErreurPasserelle("entree_invalide", `Journal d'audit : action mal formée « ${e.action} ».`);
  const details = e.details ?? {};
  for (const [cle, v] of Object.entries(details)) verifierValeur(cle, v);
  await db.insert(journal_audit).values({ action: e.action, utilisateur_id: e.utilisateurId, objet_type: e.objetType, objet_id: e.objetId ?? null, details });
}

export const PAR_PAGE_JOURNAL = 50;

export interface FiltresJournal {
  action?: string | undefined;
  utilisateurId?: string | undefined;
  /** Days in Europe/Paris, `AAAA-MM-JJ`, both included. */
  du?: string | undefined;
  au?: string | undefined;
}

export interface LigneJournal {
  id: number;
  creeLe: Date;
  utilisateurId: string | null;
  /** The person's address when the account still exists (the page is a read of personal data). */
  courriel: string | null;
  action: string;
  objetType: string;
  objetId: string | null;
  details: unknown;
}

const jourParis = sql`(${journal_audit.cree_le} AT TIME ZONE 'Europe/Paris')::date`;

function conditions(f: FiltresJournal): SQL | undefined {
  const c: SQL[] = [];
  if (f.action) c.push(eq(journal_audit.action, f.action));
  if (f.utilisateurId) c.push(eq(journal_audit.utilisateur_id, f.utilisateurId));
  if (f.du) c.push(gte(jourParis, sql`${f.du}::date`));
  if (f.au) c.push(lte(jourParis, sql`${f.au}::date`));
  return c.length > 0 ? and(...c) : undefined;
}

/** One page of the log, newest first, with the total matching the filters. */
export async function lireJournal(db: BaseDeDonnees, f: FiltresJournal, page: number): Promise<{ lignes: LigneJournal[]; total: number }> {
  const ou = conditions(f);
  const [lignes, [n]] = await Promise.all([
    db
      .select({
        id: journal_audit.id,
        creeLe: journal_audit.cree_le,
        utilisateurId: journal_audit.utilisateur_id,
        courriel: utilisateurs.courriel,
        action: journal_audit.action,
        objetType: journal_audit.objet_type,
        objetId: journal_audit.objet_id,
        details: journal_audit.details,
      })
      .from(journal_audit)
      .leftJoin(utilisateurs, eq(utilisateurs.id, journal_audit.utilisateur_id))
      .where(ou)
      .orderBy(desc(journal_audit.cree_le), desc(journal_audit.id))
      .limit(PAR_PAGE_JOURNAL)
      .offset((page - 1) * PAR_PAGE_JOURNAL),
    db.select({ n: count() }).from(journal_audit).where(ou),
  ]);
  return { lignes, total: n?.n ?? 0 };
}

/** The actions present in the log, for the filter's list. */
export async function actionsJournalisees(db: BaseDeDonnees): Promise<string[]> {
  const lignes = await db.selectDistinct({ action: journal_audit.action }).from(journal_audit).orderBy(journal_audit.action);
  return lignes.map((l) => l.action);
}

/** The account id of an address (the user filter accepts either), or null. */
export async function idDeCourriel(db: BaseDeDonnees, courriel: string): Promise<string | null> {
  const [u] = await db.select({ id: utilisateurs.id }).from(utilisateurs).where(eq(utilisateurs.courriel, courriel.trim().toLowerCase()));
  return u?.id ?? null;
}
