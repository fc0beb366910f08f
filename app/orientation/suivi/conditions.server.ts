import { and, count, eq } from "drizzle-orm";
import { z } from "zod";
import { lieux } from "~/lieux/lieux.schema";
import { telephone } from "~/lieux/standard/valeurs/telephone";
import { journaliser } from "~/platform/audit/journal.server";
import type { BaseDeDonnees } from "~/platform/db/connexion.server";
import { ErreurPasserelle } from "~/platform/erreurs";
import { appartient } from "~/platform/listes";
import { exiger, peutModifierLieu, type Droits } from "~/structures/droits.server";
import { structureDuLieu } from "~/structures/lieux-structures.server";
import { membres_structures, structures } from "~/structures/structures.schema";
import { conditions_orientation } from "./orientations.schema";
import { MODALITES, type Modalite } from "./vocabulaire";

/**
 * A receiving place's orientation conditions (issue 5, point 1): who it receives, how to refer, what
 * to bring, delays — shown before anyone sends a referral — and where a referral to it goes.
 */
export interface ConditionsOrientation {
  lieuId: string;
  publicAccueilli: string;
  modalites: Modalite[];
  courrielOrientation: string | null;
  telephoneOrientation: string | null;
  aApporter: string;
  delais: string;
  accepteOrientations: boolean;
  modifieLe: Date | null;
}

export type ValeurConditions = Omit<ConditionsOrientation, "lieuId" | "modifieLe">;

export const estUuid = (v: string): boolean => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);

export async function lireConditions(db: BaseDeDonnees, lieuId: string): Promise<ConditionsOrientation> {
  const [c] = estUuid(lieuId) ? await db.select().from(conditions_orientation).where(eq(conditions_orientation.lieu_id, lieuId)) : [];
  if (!c) return { lieuId, publicAccueilli: "", modalites: [], courrielOrientation: null, telephoneOrientation: null, aApporter: "", delais: "", accepteOrientations: true, modifieLe: null };
  return {
    lieuId,
    publicAccueilli: c.public_accueilli,
    modalites: c.modalites.filter((m) => appartient(MODALITES, m)),
    courrielOrientation: c.courriel_orientation,
    telephoneOrientation: c.telephone_orientation,
    aApporter: c.a_apporter,
    delais: c.delais,
    accepteOrientations: c.accepte_orientations,
    modifieLe: c.modifie_le,
  };
}

const un = (v: string | string[] | undefined): string => (Array.isArray(v) ? (v[0] ?? "") : (v ?? "")).trim();
const plusieurs = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]).map((x) => x.trim()).filter((x) => x !== "");
const schemaCourriel = z.email();
const OUI = ["oui", "on", "true", "1"];

/**
 * Form fields: public_accueilli, modalites (repeated), courriel_orientation, telephone_orientation,
 * a_apporter, delais, accepte_orientations ("oui" when checked; absent or "non": false).
 */
export function validerConditions(champs: Record<string, string | string[]>): { ok: true; valeur: ValeurConditions } | { ok: false; erreurs: Record<string, string> } {
  const erreurs: Record<string, string> = {};
  const texte = (cle: string, max: number, nom: string) => {
    const v = un(champs[cle]);
    if (v.length > max) erreurs[cle] = `${nom} : ${max} caractères au plus (actuellement ${v.length}).`;
    return v;
  };
  const publicAccueilli = texte("public_accueilli", 1000, "Public accueilli");
  const aApporter = texte("a_apporter", 1000, "Ce que la personne doit apporter");
  const delais = texte("delais", 300, "Délais");
  const modalites: Modalite[] = [];
  for (const m of plusieurs(champs.modalites)) {
    if (appartient(MODALITES, m)) {
      if (!modalites.includes(m)) modalites.push(m);
    } else erreurs.modalites = "Choisissez les façons d'orienter dans la liste proposée.";
  }
  const courrielBrut = un(champs.courriel_orientation).toLowerCase();
  let courrielOrientation: string | null = null;
  if (courrielBrut !== "") {
    if (schemaCourriel.safeParse(courrielBrut).success) courrielOrientation = courrielBrut;
    else erreurs.courriel_orientation = "Saisissez une adresse électronique complète, par exemple accueil@structure.fr.";
  }
  const telBrut = un(champs.telephone_orientation);
  let telephoneOrientation: string | null = null;
  if (telBrut !== "") {
    const t = telephone(telBrut);
    if (t.ok && !t.avertissement) telephoneOrientation = t.valeur;
    else erreurs.telephone_orientation = "Saisissez un seul numéro français à 10 chiffres, par exemple 02 99 00 00 00.";
  }
  const accepteOrientations = OUI.includes(un(champs.accepte_orientations).toLowerCase());
  if (modalites.includes("courriel") && courrielOrientation === null && !erreurs.courriel_orientation) erreurs.courriel_orientation = "Indiquez l'adresse à laquelle envoyer les orientations par courriel.";
  if (modalites.includes("telephone") && telephoneOrientation === null && !erreurs.telephone_orientation) erreurs.telephone_orientation = "Indiquez le numéro à appeler pour orienter une personne.";
  if (Object.keys(erreurs).length > 0) return { ok: false, erreurs };
  return { ok: true, valeur: { publicAccueilli, modalites, courrielOrientation, telephoneOrientation, aApporter, delais, accepteOrientations } };
}

/** Owners of the place (peutModifierLieu) write its conditions; audited with the field names only. */
export async function enregistrerConditions(db: BaseDeDonnees, droits: Droits | null, lieuId: string, valeur: ValeurConditions): Promise<void> {
  exiger(droits, true, "");
  const [lieu] = estUuid(lieuId) ? await db.select({ id: lieux.id, code_insee: lieux.code_insee }).from(lieux).where(eq(lieux.id, lieuId)) : [];
  if (!lieu) throw new ErreurPasserelle("introuvable", "Lieu introuvable.");
  exiger(droits, peutModifierLieu(droits, lieu, await structureDuLieu(db, lieuId)), "Seules les personnes qui tiennent ce lieu à jour peuvent modifier ses conditions d'orientation.");
  const ligne = {
    public_accueilli: valeur.publicAccueilli,
    modalites: valeur.modalites,
    courriel_orientation: valeur.courrielOrientation,
    telephone_orientation: valeur.telephoneOrientation,
    a_apporter: valeur.aApporter,
    delais: valeur.delais,
    accepte_orientations: valeur.accepteOrientations,
    modifie_par: droits.utilisateurId,
    modifie_le: new Date(),
  };
  await db.transaction(async (tx) => {
    await tx.insert(conditions_orientation).values({ lieu_id: lieuId, ...ligne }).onConflictDoUpdate({ target: conditions_orientation.lieu_id, set: ligne });
    await journaliser(tx, { action: "orientation.conditions", utilisateurId: droits.utilisateurId, objetType: "lieu", objetId: lieuId, details: { accepte_orientations: valeur.accepteOrientations, modalites: valeur.modalites } });
  });
}

export type Destination = { type: "structure"; structureId: string; nom: string } | { type: "lien"; courriel: string } | { type: "impossible"; raison: string };

/** Where a referral to this place goes: its structure's inbox (structure with ≥1 member), else a signed link to this address, else impossible (message says why). */
export async function destinationDe(db: BaseDeDonnees, lieuId: string): Promise<Destination> {
  const [lieu] = estUuid(lieuId) ? await db.select({ fusionne_dans: lieux.fusionne_dans }).from(lieux).where(eq(lieux.id, lieuId)) : [];
  if (!lieu || lieu.fusionne_dans !== null) return { type: "impossible", raison: "Ce lieu n'existe pas (ou plus) dans l'annuaire." };
  const conditions = await lireConditions(db, lieuId);
  if (!conditions.accepteOrientations) return { type: "impossible", raison: "Ce lieu ne reçoit pas d'orientations par Passerelle : utilisez les autres façons d'orienter qu'il indique." };
  const structureId = await structureDuLieu(db, lieuId);
  if (structureId) {
    const [s] = await db
      .select({ nom: structures.nom, membres: count(membres_structures.id) })
      .from(structures)
      .leftJoin(membres_structures, eq(membres_structures.structure_id, structures.id))
      .where(and(eq(structures.id, structureId)))
      .groupBy(structures.id, structures.nom);
    if (s && s.membres > 0) return { type: "structure", structureId, nom: s.nom };
  }
  if (conditions.courrielOrientation) return { type: "lien", courriel: conditions.courrielOrientation };
  return { type: "impossible", raison: "Aucune structure inscrite sur Passerelle ne tient ce lieu et il n'a pas indiqué d'adresse pour recevoir les orientations : contactez-le directement." };
}
