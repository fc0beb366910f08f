import { createHash, randomBytes } from "node:crypto";
import { and, asc, eq, gt, isNull, type SQL } from "drizzle-orm";
import { courrielNormalise } from "~/comptes/administrateurs.server";
import { utilisateurs } from "~/comptes/comptes.schema";
import type { BaseDeDonnees } from "~/platform/db/connexion.server";
import { ErreurPasserelle } from "~/platform/erreurs";
import { appartient } from "~/platform/listes";
import type { Acteur, ServicesStructures } from "./contexte.server";
import { courrielInvitation } from "./courriels";
import { droitsDe, exiger, peutGererStructure } from "./droits.server";
import { tracer } from "./journal.server";
import { invitations_structures, membres_structures, structures } from "./structures.schema";
import { ROLES_MEMBRES, VALIDITE_INVITATION_JOURS, type RoleMembre } from "./vocabulaire";

/** Invitations by e-mail: the token goes in the mail only, the database keeps its SHA-256. */

export const hacherJeton = (jeton: string): string => createHash("sha256").update(jeton).digest("hex");

function adresseValide(courriel: string): string {
  try {
    return courrielNormalise(courriel);
  } catch {
    throw new ErreurPasserelle("entree_invalide", "Adresse électronique invalide.", [
      { champ: "courriel", message: "Saisissez une adresse électronique complète, par exemple prenom.nom@exemple.fr." },
    ]);
  }
}

/** Responsables and administrators invite someone by address; returns the token (tests read it, pages never show it). */
export async function inviter(s: ServicesStructures, acteur: Acteur, structureId: string, courriel: string, role: RoleMembre): Promise<string> {
  const droits = await droitsDe(s.db, acteur, s.referentiel);
  exiger(droits, peutGererStructure(droits, structureId), "Seuls les responsables de la structure peuvent inviter.");
  const adresse = adresseValide(courriel);
  const [structure] = await s.db.select({ nom: structures.nom }).from(structures).where(eq(structures.id, structureId));
  if (!structure) throw new ErreurPasserelle("introuvable", "Structure introuvable.");
  const [deja] = await s.db
    .select({ id: membres_structures.id })
    .from(membres_structures)
    .innerJoin(utilisateurs, eq(utilisateurs.id, membres_structures.utilisateur_id))
    .where(and(eq(membres_structures.structure_id, structureId), eq(utilisateurs.courriel, adresse)));
  if (deja) throw new ErreurPasserelle("conflit", "Déjà membre.", [{ champ: "courriel", message: `${adresse} est déjà membre de la structure.` }]);
  const [invitant] = await s.db.select({ nom: utilisateurs.nom, courriel: utilisateurs.courriel }).from(utilisateurs).where(eq(utilisateurs.id, droits.utilisateurId));
  const jeton = randomBytes(32).toString("base64url");
  const expireLe = new Date(Date.now() + VALIDITE_INVITATION_JOURS * 24 * 3600 * 1000);
  const [ligne] = await s.db
    .insert(invitations_structures)
    .values({ structure_id: structureId, courriel: adresse, role, hash_jeton: hacherJeton(jeton), expire_le: expireLe, invite_par: droits.utilisateurId })
    .returning({ id: invitations_structures.id });
  if (!ligne) throw new Error("insertion sans retour");
  const lien = `${s.urlPublique}/invitations/${jeton}`;
  const nomInvitant = invitant ? (invitant.nom === "" ? invitant.courriel : `${invitant.nom} (${invitant.courriel})`) : "Un·e responsable";
  try {
    await s.messagerie.envoyer(courrielInvitation({ destinataire: adresse, structure: structure.nom, role, invitePar: nomInvitant, lien, expireLe }));
  } catch (e) {
    // An invitation nobody received is useless: the person retries from scratch.
    await s.db.delete(invitations_structures).where(eq(invitations_structures.id, ligne.id));
    throw e;
  }
  await tracer(s.db, { action: "invitation.creer", typeObjet: "invitation", objetId: ligne.id, acteurId: droits.utilisateurId, details: { structure_id: structureId, role } });
  return jeton;
}

export type EtatInvitation = "valide" | "expiree" | "acceptee";

export interface InvitationLue {
  id: string;
  structureId: string;
  structure: string;
  courriel: string;
  role: RoleMembre;
  expireLe: Date;
  etat: EtatInvitation;
}

async function lire(db: BaseDeDonnees, condition: SQL): Promise<InvitationLue | null> {
  const [l] = await db
    .select({ i: invitations_structures, structure: structures.nom })
    .from(invitations_structures)
    .innerJoin(structures, eq(structures.id, invitations_structures.structure_id))
    .where(condition);
  if (!l || !appartient(ROLES_MEMBRES, l.i.role)) return null;
  const etat: EtatInvitation = l.i.acceptee_le ? "acceptee" : l.i.expire_le <= new Date() ? "expiree" : "valide";
  return { id: l.i.id, structureId: l.i.structure_id, structure: l.structure, courriel: l.i.courriel, role: l.i.role, expireLe: l.i.expire_le, etat };
}

export async function lireInvitation(db: BaseDeDonnees, jeton: string): Promise<InvitationLue | null> {
  return lire(db, eq(invitations_structures.hash_jeton, hacherJeton(jeton)));
}

/** Accepting with any account: the signed-in person joins with the invited role (a current member keeps their role). */
export async function accepterInvitation(s: ServicesStructures, acteur: Acteur, jeton: string): Promise<string> {
  const droits = await droitsDe(s.db, acteur, s.referentiel);
  exiger(droits, true, "");
  return accepter(s, droits.utilisateurId, await lireInvitation(s.db, jeton));
}

/** The same from the list of invitations sent to the person's own address (no token needed: the address proves it). */
export async function accepterInvitationAdressee(s: ServicesStructures, acteur: Acteur, invitationId: string): Promise<string> {
  const droits = await droitsDe(s.db, acteur, s.referentiel);
  exiger(droits, true, "");
  const [moi] = await s.db.select({ courriel: utilisateurs.courriel }).from(utilisateurs).where(eq(utilisateurs.id, droits.utilisateurId));
  const invitation = /^[0-9a-f-]{36}$/i.test(invitationId) ? await lire(s.db, eq(invitations_structures.id, invitationId)) : null;
  if (!invitation || invitation.courriel !== moi?.courriel) throw new ErreurPasserelle("introuvable", "Invitation introuvable.");
  return accepter(s, droits.utilisateurId, invitation);
}

async function accepter(s: ServicesStructures, utilisateurId: string, invitation: InvitationLue | null): Promise<string> {
  if (!invitation) throw new ErreurPasserelle("introuvable", "Cette invitation n'existe pas.");
  if (invitation.etat === "expiree") throw new ErreurPasserelle("conflit", "Cette invitation a expiré : demandez-en une nouvelle à un·e responsable de la structure.");
  if (invitation.etat === "acceptee") throw new ErreurPasserelle("conflit", "Cette invitation a déjà été utilisée.");
  await s.db.transaction(async (tx) => {
    // Single use even under two simultaneous clicks: only one UPDATE finds it unaccepted.
    const pris = await tx
      .update(invitations_structures)
      .set({ acceptee_le: new Date(), acceptee_par: utilisateurId })
      .where(and(eq(invitations_structures.id, invitation.id), isNull(invitations_structures.acceptee_le), gt(invitations_structures.expire_le, new Date())))
      .returning({ id: invitations_structures.id });
    if (pris.length === 0) throw new ErreurPasserelle("conflit", "Cette invitation a déjà été utilisée.");
    await tx.insert(membres_structures).values({ structure_id: invitation.structureId, utilisateur_id: utilisateurId, role: invitation.role }).onConflictDoNothing();
    await tracer(tx, { action: "invitation.accepter", typeObjet: "invitation", objetId: invitation.id, acteurId: utilisateurId, details: { structure_id: invitation.structureId } });
  });
  return invitation.structureId;
}

/** Unused, unexpired invitations of a structure (for its managers) or sent to an address (for its owner). */
export async function invitationsEnAttente(db: BaseDeDonnees, filtre: { structureId: string } | { courriel: string }): Promise<InvitationLue[]> {
  const lignes = await db
    .select({ id: invitations_structures.id })
    .from(invitations_structures)
    .where(
      and(
        "structureId" in filtre ? eq(invitations_structures.structure_id, filtre.structureId) : eq(invitations_structures.courriel, filtre.courriel),
        isNull(invitations_structures.acceptee_le),
        gt(invitations_structures.expire_le, new Date()),
      ),
    )
    .orderBy(asc(invitations_structures.cree_le));
  const lues = await Promise.all(lignes.map((l) => lire(db, eq(invitations_structures.id, l.id))));
  return lues.flatMap((l) => (l ? [l] : []));
}
