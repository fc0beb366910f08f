import { and, desc, eq, gt } from "drizzle-orm";
import { journaliser } from "~/platform/audit/journal.server";
import type { BaseDeDonnees } from "~/platform/db/connexion.server";
import { libelleAppareil } from "./appareil";
import { sessions } from "./comptes.schema";

export interface SessionActive {
  id: string;
  appareil: string;
  ouverteLe: Date;
  expireLe: Date;
  /** The session of the request that reads the list. */
  courante: boolean;
}

/**
 * The account's unexpired sessions, newest first, read from our table: better-auth's own list asks
 * for a recent sign-in and returns the session tokens, which a page must never show.
 */
export async function sessionsActives(db: BaseDeDonnees, utilisateurId: string, sessionCourante: string): Promise<SessionActive[]> {
  const lignes = await db
    .select({ id: sessions.id, agent: sessions.agent_utilisateur, ouverteLe: sessions.cree_le, expireLe: sessions.expire_le })
    .from(sessions)
    .where(and(eq(sessions.utilisateur_id, utilisateurId), gt(sessions.expire_le, new Date())))
    .orderBy(desc(sessions.cree_le), desc(sessions.id));
  return lignes.map((l) => ({ id: l.id, appareil: libelleAppareil(l.agent), ouverteLe: l.ouverteLe, expireLe: l.expireLe, courante: l.id === sessionCourante }));
}

/**
 * Logs a deletion better-auth has just done (in its own transaction, so the entry follows it): the
 * id alone, which no longer leads to anyone.
 */
export async function journaliserSuppressionCompte(db: BaseDeDonnees, utilisateurId: string): Promise<void> {
  await journaliser(db, { action: "compte.supprimer", utilisateurId, objetType: "utilisateur", objetId: utilisateurId });
}
