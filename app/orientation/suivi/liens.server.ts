import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt } from "drizzle-orm";
import { journaliser } from "~/platform/audit/journal.server";
import type { BaseDeDonnees } from "~/platform/db/connexion.server";
import { ErreurPasserelle } from "~/platform/erreurs";
import { courrielLienOrientation, type ObjetLien } from "./courriels";
import { envoiDe } from "./notifier.server";
import { evenements_orientations, liens_orientations } from "./orientations.schema";
import type { ServicesOrientations } from "./services.server";

/**
 * Signed links for a receiving place without an account (issue 5, point 3): a random token goes in
 * the mail only, the database keeps its SHA-256 and an expiry (reglages.lienJours). A link acts as
 * the receiver of ONE referral. Renewal mails the address the expired link went to, never another.
 */

const JOUR = 24 * 3600 * 1000;
export const hacherJetonLien = (jeton: string): string => createHash("sha256").update(jeton).digest("hex");
const jetonPlausible = (jeton: string): boolean => /^[A-Za-z0-9_-]{20,100}$/.test(jeton);

/** Creates a link and mails `${urlPublique}/o/${jeton}`; returns the token (tests read it, pages never show it). */
export async function creerLien(s: ServicesOrientations, orientationId: string, courriel: string, maintenant: Date = new Date(), objet: ObjetLien = "nouvelle"): Promise<string> {
  const envoi = await envoiDe(s.db, orientationId);
  const jeton = randomBytes(32).toString("base64url");
  const expireLe = new Date(maintenant.getTime() + s.reglages.lienJours * JOUR);
  await s.db.transaction(async (tx) => {
    await tx.insert(liens_orientations).values({ orientation_id: orientationId, hash_jeton: hacherJetonLien(jeton), courriel, expire_le: expireLe, cree_le: maintenant });
    // A reminder's link is logged by the reminder's own event.
    if (objet !== "relance") await tx.insert(evenements_orientations).values({ orientation_id: orientationId, evenement: objet === "nouvelle" ? "lien_envoye" : "lien_renouvele", le: maintenant });
  });
  await s.messagerie.envoyer(courrielLienOrientation({ destinataire: courriel, resume: envoi.resume, lien: `${s.urlPublique}/o/${jeton}`, expireLe, objet }));
  return jeton;
}

/** The referral a token opens; `expire` when it is past its date (the page offers a renewal); null when unknown. */
export async function lienValide(db: BaseDeDonnees, jeton: string, maintenant: Date = new Date()): Promise<{ orientationId: string } | { expire: true; orientationId: string } | null> {
  if (!jetonPlausible(jeton)) return null;
  const [l] = await db.select({ orientationId: liens_orientations.orientation_id, expireLe: liens_orientations.expire_le }).from(liens_orientations).where(eq(liens_orientations.hash_jeton, hacherJetonLien(jeton)));
  if (!l) return null;
  return l.expireLe <= maintenant ? { expire: true, orientationId: l.orientationId } : { orientationId: l.orientationId };
}

/**
 * From an expired link: a fresh one to the SAME address. Refused while the link is still valid, and
 * when a fresh link went to that address less than a day ago (a public button must not flood a mailbox).
 */
export async function renouvelerLien(s: ServicesOrientations, jetonExpire: string, maintenant: Date = new Date()): Promise<void> {
  const [l] = jetonPlausible(jetonExpire) ? await s.db.select().from(liens_orientations).where(eq(liens_orientations.hash_jeton, hacherJetonLien(jetonExpire))) : [];
  if (!l) throw new ErreurPasserelle("introuvable", "Ce lien n'existe pas.");
  if (l.expire_le > maintenant) throw new ErreurPasserelle("conflit", "Ce lien est encore valide : utilisez-le.");
  const [recent] = await s.db
    .select({ id: liens_orientations.id })
    .from(liens_orientations)
    .where(and(eq(liens_orientations.orientation_id, l.orientation_id), eq(liens_orientations.courriel, l.courriel), gt(liens_orientations.cree_le, new Date(maintenant.getTime() - JOUR)), gt(liens_orientations.expire_le, maintenant)));
  if (recent) throw new ErreurPasserelle("conflit", "Un nouveau lien a déjà été envoyé à l'adresse de la structure il y a moins d'un jour : consultez cette boîte aux lettres.");
  await creerLien(s, l.orientation_id, l.courriel, maintenant, "renouvellement");
  await journaliser(s.db, { action: "orientation.renouveler_lien", utilisateurId: null, objetType: "orientation", objetId: l.orientation_id, details: { lien_id: l.id } });
}
