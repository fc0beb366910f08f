import { and, asc, desc, eq } from "drizzle-orm";
import { utilisateurs } from "~/comptes/comptes.schema";
import type { BaseDeDonnees } from "~/platform/db/connexion.server";
import { ErreurPasserelle } from "~/platform/erreurs";
import { appartient } from "~/platform/listes";
import { estViolationUnicite, type Acteur, type ServicesStructures } from "./contexte.server";
import { courrielDecision, courrielDemandeAdhesion } from "./courriels";
import { droitsDe, exiger, peutGererStructure, roleDans } from "./droits.server";
import { tracer } from "./journal.server";
import { responsablesDe } from "./structures.server";
import { demandes_adhesion, membres_structures, structures } from "./structures.schema";
import { STATUTS_DEMANDES, type RoleMembre, type StatutDemande } from "./vocabulaire";

/** Join requests: anyone signed in asks, the structure's responsables decide. */

export async function demanderAdhesion(s: ServicesStructures, acteur: Acteur, structureId: string, message: string): Promise<string> {
  const droits = await droitsDe(s.db, acteur, s.referentiel);
  exiger(droits, true, "");
  const texte = message.trim().slice(0, 1000);
  const [structure] = /^[0-9a-f-]{36}$/i.test(structureId) ? await s.db.select({ nom: structures.nom }).from(structures).where(eq(structures.id, structureId)) : [];
  if (!structure) throw new ErreurPasserelle("introuvable", "Structure introuvable.");
  if (roleDans(droits, structureId)) throw new ErreurPasserelle("conflit", "Vous êtes déjà membre de cette structure.");
  let id: string;
  try {
    const [ligne] = await s.db
      .insert(demandes_adhesion)
      .values({ structure_id: structureId, utilisateur_id: droits.utilisateurId, message: texte })
      .returning({ id: demandes_adhesion.id });
    if (!ligne) throw new Error("insertion sans retour");
    id = ligne.id;
  } catch (e) {
    if (estViolationUnicite(e, "demandes_adhesion_en_attente_uk")) throw new ErreurPasserelle("conflit", "Vous avez déjà demandé à rejoindre cette structure : ses responsables vont vous répondre.");
    throw e;
  }
  const [demandeur] = await s.db.select({ nom: utilisateurs.nom, courriel: utilisateurs.courriel }).from(utilisateurs).where(eq(utilisateurs.id, droits.utilisateurId));
  const qui = demandeur ? (demandeur.nom === "" ? demandeur.courriel : `${demandeur.nom} (${demandeur.courriel})`) : "Une personne";
  const lien = `${s.urlPublique}/structures/${structureId}#demandes`;
  for (const r of await responsablesDe(s.db, structureId)) {
    await s.messagerie.envoyer(courrielDemandeAdhesion({ destinataire: r.courriel, structure: structure.nom, demandeur: qui, message: texte, lien }));
  }
  await tracer(s.db, { action: "adhesion.demander", typeObjet: "demande_adhesion", objetId: id, acteurId: droits.utilisateurId, details: { structure_id: structureId } });
  return id;
}

/** A responsable (or an administrator) accepts — the person joins with `role` — or refuses a pending request. */
export async function deciderDemande(s: ServicesStructures, acteur: Acteur, demandeId: string, decision: "acceptee" | "refusee", role: RoleMembre = "mediateur"): Promise<void> {
  const [demande] = /^[0-9a-f-]{36}$/i.test(demandeId) ? await s.db.select().from(demandes_adhesion).where(eq(demandes_adhesion.id, demandeId)) : [];
  const droits = await droitsDe(s.db, acteur, s.referentiel);
  exiger(droits, demande !== undefined && peutGererStructure(droits, demande.structure_id), "Seuls les responsables de la structure peuvent répondre aux demandes.");
  if (!demande) throw new ErreurPasserelle("introuvable", "Demande introuvable.");
  await s.db.transaction(async (tx) => {
    const decidee = await tx
      .update(demandes_adhesion)
      .set({ statut: decision, decidee_par: droits.utilisateurId, decidee_le: new Date() })
      .where(and(eq(demandes_adhesion.id, demandeId), eq(demandes_adhesion.statut, "en_attente")))
      .returning({ id: demandes_adhesion.id });
    if (decidee.length === 0) throw new ErreurPasserelle("conflit", "Cette demande a déjà reçu une réponse.");
    if (decision === "acceptee") {
      await tx.insert(membres_structures).values({ structure_id: demande.structure_id, utilisateur_id: demande.utilisateur_id, role }).onConflictDoNothing();
    }
    await tracer(tx, {
      action: decision === "acceptee" ? "adhesion.accepter" : "adhesion.refuser",
      typeObjet: "demande_adhesion",
      objetId: demandeId,
      acteurId: droits.utilisateurId,
      details: { structure_id: demande.structure_id, ...(decision === "acceptee" ? { role } : {}) },
    });
  });
  const [info] = await s.db
    .select({ courriel: utilisateurs.courriel, structure: structures.nom })
    .from(utilisateurs)
    .innerJoin(structures, eq(structures.id, demande.structure_id))
    .where(eq(utilisateurs.id, demande.utilisateur_id));
  if (info) await s.messagerie.envoyer(courrielDecision({ destinataire: info.courriel, structure: info.structure, acceptee: decision === "acceptee", role, lien: `${s.urlPublique}/structures` }));
}

export interface Demande {
  id: string;
  structureId: string;
  structure: string;
  utilisateurId: string;
  nom: string;
  courriel: string;
  message: string;
  statut: StatutDemande;
  creeLe: Date;
}

/** Pending requests of a structure (for its managers), or a person's own requests (every status, newest first). */
export async function demandesDe(db: BaseDeDonnees, filtre: { structureId: string } | { utilisateurId: string }): Promise<Demande[]> {
  const lignes = await db
    .select({
      id: demandes_adhesion.id,
      structureId: demandes_adhesion.structure_id,
      structure: structures.nom,
      utilisateurId: demandes_adhesion.utilisateur_id,
      nom: utilisateurs.nom,
      courriel: utilisateurs.courriel,
      message: demandes_adhesion.message,
      statut: demandes_adhesion.statut,
      creeLe: demandes_adhesion.cree_le,
    })
    .from(demandes_adhesion)
    .innerJoin(structures, eq(structures.id, demandes_adhesion.structure_id))
    .innerJoin(utilisateurs, eq(utilisateurs.id, demandes_adhesion.utilisateur_id))
    .where(
      "structureId" in filtre
        ? and(eq(demandes_adhesion.structure_id, filtre.structureId), eq(demandes_adhesion.statut, "en_attente"))
        : eq(demandes_adhesion.utilisateur_id, filtre.utilisateurId),
    )
    .orderBy("structureId" in filtre ? asc(demandes_adhesion.cree_le) : desc(demandes_adhesion.cree_le));
  return lignes.flatMap((l) => (appartient(STATUTS_DEMANDES, l.statut) ? [{ ...l, statut: l.statut }] : []));
}
