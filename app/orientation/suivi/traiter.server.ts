import { and, eq, sql } from "drizzle-orm";
import { lieux } from "~/lieux/lieux.schema";
import { journaliser } from "~/platform/audit/journal.server";
import type { BaseDeDonnees } from "~/platform/db/connexion.server";
import { ErreurPasserelle } from "~/platform/erreurs";
import { appartient } from "~/platform/listes";
import { roleDans, type Droits } from "~/structures/droits.server";
import { estUuid } from "./conditions.server";
import { prevenirAutreCote } from "./notifier.server";
import { evenements_orientations, orientations } from "./orientations.schema";
import type { ServicesOrientations } from "./services.server";
import { REGLES, statutApres, type Cote } from "./transitions";
import { ISSUES, MOTIFS_REFUS, STATUTS, STATUTS_FINAUX, type Issue, type MotifRefus, type Statut } from "./vocabulaire";

/**
 * The receiver and the sender move a referral along (issue 5, point 4). The side comes from
 * membership — of the receiving structure: destinataire; of the sending one: emetteur — or from a
 * signed link (destinataire of that one referral). Anyone else is told it does not exist.
 */

/** A link actor is built by the route AFTER `lienValide` said the token is valid for this referral. */
export type Acteur = { type: "compte"; droits: Droits } | { type: "lien"; orientationId: string };

export type Demande =
  | { action: "voir" }
  | { action: "accepter"; rdvLe: Date | null }
  | { action: "prendre_en_charge" }
  | { action: "cloturer"; issue: Issue; reorienteeVersLieuId: string | null; reorienteeVers: string | null }
  | { action: "refuser"; motif: MotifRefus }
  | { action: "annuler" };

export const REORIENTEE_VERS_MAX = 200;
export const NOTE_MAX = 2000;

const un = (v: string | string[] | undefined): string => (Array.isArray(v) ? (v[0] ?? "") : (v ?? "")).trim();

/** "2026-12-01T14:30" (a datetime-local field, Paris time), or an ISO instant with its offset. */
export function lireDateRdv(brut: string): Date | null | undefined {
  if (brut === "") return null;
  if (/(Z|[+-]\d{2}:?\d{2})$/.test(brut)) {
    const d = new Date(brut);
    return Number.isNaN(d.getTime()) ? undefined : d;
  }
  const m = brut.match(/^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::\d{2})?$/);
  if (!m) return undefined;
  const [a, mo, j, h, mi] = m.slice(1).map(Number);
  if (a === undefined || mo === undefined || j === undefined || h === undefined || mi === undefined) return undefined;
  const utc = Date.UTC(a, mo - 1, j, h, mi);
  const local = new Date(utc);
  if (local.getUTCMonth() !== mo - 1 || local.getUTCDate() !== j || h > 23 || mi > 59) return undefined;
  // Paris's offset at that wall time (twice: the first guess may sit on the other side of a DST change).
  let instant = utc - decalageParis(new Date(utc));
  instant = utc - decalageParis(new Date(instant));
  return new Date(instant);
}

function decalageParis(d: Date): number {
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(d);
  const v = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? "0");
  return Date.UTC(v("year"), v("month") - 1, v("day"), v("hour"), v("minute")) - Math.floor(d.getTime() / 60000) * 60000;
}

/** Fields: action; rdv_le (accepter); issue, reorientee_vers_lieu_id, reorientee_vers (cloturer); motif (refuser). */
export function validerDemande(champs: Record<string, string | string[]>): { ok: true; demande: Demande } | { ok: false; erreurs: Record<string, string> } {
  const action = un(champs.action);
  switch (action) {
    case "voir":
    case "prendre_en_charge":
    case "annuler":
      return { ok: true, demande: { action } };
    case "accepter": {
      const rdvLe = lireDateRdv(un(champs.rdv_le));
      if (rdvLe === undefined) return { ok: false, erreurs: { rdv_le: "Saisissez la date et l'heure du rendez-vous, par exemple 2026-12-01 14:30, ou laissez vide." } };
      return { ok: true, demande: { action, rdvLe } };
    }
    case "refuser": {
      const motif = un(champs.motif);
      if (!appartient(MOTIFS_REFUS, motif)) return { ok: false, erreurs: { motif: "Choisissez le motif du refus dans la liste." } };
      return { ok: true, demande: { action, motif } };
    }
    case "cloturer": {
      const issue = un(champs.issue);
      if (!appartient(ISSUES, issue)) return { ok: false, erreurs: { issue: "Choisissez l'issue de l'orientation dans la liste." } };
      if (issue !== "reorientee") return { ok: true, demande: { action, issue, reorienteeVersLieuId: null, reorienteeVers: null } };
      const lieuId = un(champs.reorientee_vers_lieu_id).toLowerCase();
      const vers = un(champs.reorientee_vers);
      const erreurs: Record<string, string> = {};
      if (lieuId !== "" && !estUuid(lieuId)) erreurs.reorientee_vers_lieu_id = "Choisissez le lieu dans la liste, ou écrivez son nom.";
      if (vers.length > REORIENTEE_VERS_MAX) erreurs.reorientee_vers = `${REORIENTEE_VERS_MAX} caractères au plus.`;
      if (lieuId === "" && vers === "") erreurs.reorientee_vers = "Indiquez vers quel lieu ou quelle structure la personne a été réorientée.";
      if (Object.keys(erreurs).length > 0) return { ok: false, erreurs };
      return { ok: true, demande: { action, issue, reorienteeVersLieuId: lieuId === "" ? null : lieuId, reorienteeVers: vers === "" ? null : vers } };
    }
    default:
      return { ok: false, erreurs: { action: "Action inconnue." } };
  }
}

export type LigneOrientation = typeof orientations.$inferSelect;

/** The referral and the actor's sides, or `introuvable` for anyone outside the two structures (existence is not revealed). */
export async function chargerPourActeur(db: BaseDeDonnees, acteur: Acteur, id: string): Promise<{ o: LigneOrientation; statut: Statut; cotes: Cote[]; utilisateurId: string | null }> {
  const introuvable = new ErreurPasserelle("introuvable", "Cette orientation n'existe pas, ou vous n'y avez pas accès.");
  if (!estUuid(id) || (acteur.type === "lien" && acteur.orientationId !== id)) throw introuvable;
  const [o] = await db.select().from(orientations).where(eq(orientations.id, id));
  if (!o || !appartient(STATUTS, o.statut)) throw introuvable;
  const cotes: Cote[] = [];
  if (acteur.type === "lien") cotes.push("destinataire");
  else {
    if (o.structure_emettrice_id && roleDans(acteur.droits, o.structure_emettrice_id) !== null) cotes.push("emetteur");
    if (o.structure_destinataire_id && roleDans(acteur.droits, o.structure_destinataire_id) !== null) cotes.push("destinataire");
  }
  if (cotes.length === 0) throw introuvable;
  return { o, statut: o.statut, cotes, utilisateurId: acteur.type === "compte" ? acteur.droits.utilisateurId : null };
}

export async function traiterOrientation(s: ServicesOrientations, acteur: Acteur, id: string, demande: Demande): Promise<{ statut: Statut }> {
  const { o, statut, cotes, utilisateurId } = await chargerPourActeur(s.db, acteur, id);
  const cote = REGLES[demande.action].auteur;
  if (cote === "passerelle" || !cotes.includes(cote)) throw new ErreurPasserelle("interdit", cote === "emetteur" ? "Seule la structure qui a orienté peut annuler." : "Seule la structure qui reçoit l'orientation peut y répondre.");
  const vers = statutApres(statut, demande.action, cote);
  const maintenant = new Date();
  const maj: Partial<LigneOrientation> = { statut: vers, modifie_le: maintenant };
  if (cote === "destinataire" && o.repondue_le === null) maj.repondue_le = maintenant;
  if (STATUTS_FINAUX.includes(vers)) maj.terminee_le = maintenant;
  if (demande.action === "accepter") maj.rdv_le = demande.rdvLe;
  if (demande.action === "refuser") maj.motif_refus = demande.motif;
  if (demande.action === "cloturer") {
    if (demande.issue === "reorientee" && demande.reorienteeVersLieuId === null && (demande.reorienteeVers ?? "").trim() === "") {
      throw new ErreurPasserelle("entree_invalide", "Indiquez vers où la personne a été réorientée.", [{ champ: "reorientee_vers", message: "Indiquez vers quel lieu ou quelle structure la personne a été réorientée." }]);
    }
    if (demande.reorienteeVersLieuId !== null) {
      const [l] = estUuid(demande.reorienteeVersLieuId) ? await s.db.select({ id: lieux.id }).from(lieux).where(eq(lieux.id, demande.reorienteeVersLieuId)) : [];
      if (!l) throw new ErreurPasserelle("entree_invalide", "Lieu de réorientation introuvable.", [{ champ: "reorientee_vers_lieu_id", message: "Ce lieu n'existe pas dans l'annuaire." }]);
    }
    maj.issue = demande.issue;
    maj.reorientee_vers_lieu_id = demande.issue === "reorientee" ? demande.reorienteeVersLieuId : null;
    maj.reorientee_vers = demande.issue === "reorientee" ? (demande.reorienteeVers?.trim().slice(0, REORIENTEE_VERS_MAX) ?? null) : null;
  }
  await s.db.transaction(async (tx) => {
    // Conditional on the status read: two people acting at once cannot both move it.
    const faite = await tx
      .update(orientations)
      .set(maj)
      .where(and(eq(orientations.id, id), eq(orientations.statut, statut)))
      .returning({ id: orientations.id });
    if (faite.length === 0) throw new ErreurPasserelle("conflit", "Quelqu'un vient de changer cette orientation : rechargez la page.");
    await tx.insert(evenements_orientations).values({ orientation_id: id, evenement: vers, utilisateur_id: utilisateurId, par_lien: acteur.type === "lien", le: maintenant });
    await journaliser(tx, {
      action: `orientation.${demande.action}`,
      utilisateurId,
      objetType: "orientation",
      objetId: id,
      details: { de: statut, vers, par_lien: acteur.type === "lien", ...(demande.action === "refuser" ? { motif: demande.motif } : {}), ...(demande.action === "cloturer" ? { issue: demande.issue } : {}) },
    });
  });
  await prevenirAutreCote(s, id, cote, vers, {
    motifRefus: demande.action === "refuser" ? demande.motif : null,
    issue: demande.action === "cloturer" ? demande.issue : null,
    rdvLe: demande.action === "accepter" ? demande.rdvLe : null,
  });
  return { statut: vers };
}

/** The receiver's notes (never shown to the sender); refused once the personal data are erased (a note may hold some). */
export async function enregistrerNote(s: ServicesOrientations, acteur: Acteur, id: string, note: string): Promise<void> {
  const { o, cotes, utilisateurId } = await chargerPourActeur(s.db, acteur, id);
  if (!cotes.includes("destinataire")) throw new ErreurPasserelle("interdit", "Seule la structure qui reçoit l'orientation tient des notes.");
  const texte = note.replace(/\r\n/g, "\n").trim();
  if (texte.length > NOTE_MAX) throw new ErreurPasserelle("entree_invalide", "Note trop longue.", [{ champ: "note", message: `La note compte ${texte.length} caractères : ${NOTE_MAX} au plus.` }]);
  if (o.donnees_effacees_le !== null) throw new ErreurPasserelle("conflit", "Les données de cette orientation ont été effacées : elle ne prend plus de notes.");
  await s.db.transaction(async (tx) => {
    await tx.update(orientations).set({ note_destinataire: texte, modifie_le: sql`now()` }).where(eq(orientations.id, id));
    await journaliser(tx, { action: "orientation.note", utilisateurId, objetType: "orientation", objetId: id, details: { par_lien: acteur.type === "lien", vide: texte === "" } });
  });
}
