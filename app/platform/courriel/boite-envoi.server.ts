import { count, desc, sql } from "drizzle-orm";
import type { BaseDeDonnees } from "~/platform/db/connexion.server";
import { courriels } from "./courriels.schema";

export type EtatCourriel = "envoye" | "en_attente" | "echec";

export interface CourrielLu {
  id: string;
  destinataire: string;
  sujet: string;
  texte: string;
  creeLe: Date;
  envoyeLe: Date | null;
  erreur: string | null;
  etat: EtatCourriel;
}

export const PAR_PAGE = 50;

/** The most recent mails first, a page at a time, for the administrators' page. */
export async function lireBoiteEnvoi(db: BaseDeDonnees, page: number): Promise<{ courriels: CourrielLu[]; total: number }> {
  const [lignes, [total]] = await Promise.all([
    db
      .select()
      .from(courriels)
      .orderBy(desc(courriels.cree_le), desc(courriels.id))
      .limit(PAR_PAGE)
      .offset((page - 1) * PAR_PAGE),
    db.select({ n: count() }).from(courriels),
  ]);
  return {
    total: total?.n ?? 0,
    courriels: lignes.map((l) => ({
      id: l.id,
      destinataire: l.destinataire,
      sujet: l.sujet,
      texte: l.texte,
      creeLe: l.cree_le,
      envoyeLe: l.envoye_le,
      erreur: l.erreur,
      etat: l.envoye_le ? "envoye" : l.erreur ? "echec" : "en_attente",
    })),
  };
}

/** Erases the mails sent to an address (its owner deleted their account). */
export async function effacerCourrielsDe(db: BaseDeDonnees, adresse: string): Promise<void> {
  await db.delete(courriels).where(sql`lower(${courriels.destinataire}) = ${adresse.toLowerCase()}`);
}
