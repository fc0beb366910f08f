import { and, desc, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import { journaliser } from "~/platform/audit/journal.server";
import { ErreurPasserelle } from "~/platform/erreurs";
import { droitsDe, exiger, peutModifierLieu, type Droits } from "~/structures/droits.server";
import { structureDuLieu } from "~/structures/lieux-structures.server";
import { lieux_structures } from "~/structures/structures.schema";
import { lieux, signalements } from "../lieux.schema";
import { courrielSuiviSignalement } from "./courriels";
import type { ServicesSignalements } from "./services.server";
import { estUuid } from "./signaler.server";
import { STATUTS_SIGNALEMENT, type StatutSignalement } from "./statuts";

/**
 * Handling tickets: whoever may edit the place (peutModifierLieu: médiateurs and responsables of its
 * structure, coordinators of its territory, administrators) lists them and moves them along
 * nouveau → en cours → corrigé | rejeté. The reporter, when they left an address, is told.
 */

export interface LigneSignalement {
  id: string;
  lieuId: string;
  lieu: string;
  commune: string;
  categories: string[];
  message: string;
  statut: StatutSignalement;
  creeLe: Date;
}

/** Whether the person handles tickets at all (the list page is a 403 otherwise). */
export function traiteDesSignalements(d: Droits | null): boolean {
  return d !== null && (d.administrateur || d.communesCoordonnees.size > 0 || d.membres.some((m) => m.role !== "prescripteur"));
}

function perimetre(d: Droits): SQL | undefined {
  if (d.administrateur) return undefined;
  const structures = d.membres.filter((m) => m.role !== "prescripteur").map((m) => m.structureId);
  const conditions: SQL[] = [];
  if (structures.length > 0) conditions.push(inArray(signalements.lieu_id, sql`(SELECT ${lieux_structures.lieu_id} FROM ${lieux_structures} WHERE ${inArray(lieux_structures.structure_id, structures)})`));
  if (d.communesCoordonnees.size > 0) conditions.push(inArray(lieux.code_insee, [...d.communesCoordonnees]));
  return conditions.length > 0 ? or(...conditions) : sql`false`;
}

export async function listerSignalements(s: ServicesSignalements, acteur: { id: string } | null, statut: StatutSignalement | null): Promise<LigneSignalement[]> {
  const d = await droitsDe(s.db, acteur, s.referentiel);
  exiger(d, traiteDesSignalements(d), "Cette page est réservée aux personnes qui tiennent des fiches à jour.");
  const lignes = await s.db
    .select({ id: signalements.id, lieuId: lieux.id, lieu: lieux.nom, commune: lieux.commune, categories: signalements.categories, message: signalements.message, statut: signalements.statut, creeLe: signalements.cree_le })
    .from(signalements)
    .innerJoin(lieux, eq(lieux.id, signalements.lieu_id))
    .where(and(perimetre(d), statut ? eq(signalements.statut, statut) : undefined))
    .orderBy(desc(signalements.cree_le), desc(signalements.id))
    .limit(500);
  return lignes;
}

export interface DetailSignalement extends LigneSignalement {
  origine: "formulaire" | "api";
  reponse: string | null;
  /** Whether the reporter left an address (never the address: the handlers do not need it). */
  reporterPrevenu: boolean;
  modifieLe: Date;
}

async function chargerAvecDroits(s: ServicesSignalements, acteur: { id: string } | null, id: string) {
  const d = await droitsDe(s.db, acteur, s.referentiel);
  exiger(d, true, "");
  const [t] = estUuid(id)
    ? await s.db
        .select({ t: signalements, lieu: lieux.nom, commune: lieux.commune, code_insee: lieux.code_insee })
        .from(signalements)
        .innerJoin(lieux, eq(lieux.id, signalements.lieu_id))
        .where(eq(signalements.id, id))
    : [];
  if (!t) throw new ErreurPasserelle("introuvable", "Ce signalement n'existe pas.");
  const structure = await structureDuLieu(s.db, t.t.lieu_id);
  exiger(d, peutModifierLieu(d, { id: t.t.lieu_id, code_insee: t.code_insee }, structure), "Seules les personnes qui peuvent modifier ce lieu traitent ses signalements.");
  return { droits: d, t };
}

export async function lireTicket(s: ServicesSignalements, acteur: { id: string } | null, id: string): Promise<DetailSignalement> {
  const { t } = await chargerAvecDroits(s, acteur, id);
  const x = t.t;
  return { id: x.id, lieuId: x.lieu_id, lieu: t.lieu, commune: t.commune, categories: x.categories, message: x.message, statut: x.statut, creeLe: x.cree_le, origine: x.origine, reponse: x.reponse, reporterPrevenu: x.courriel !== null, modifieLe: x.modifie_le };
}

/** The next statuses allowed from each one; corrigé and rejeté are final. */
export const SUIVANTS: Record<StatutSignalement, readonly StatutSignalement[]> = {
  nouveau: ["en_cours", "corrige", "rejete"],
  en_cours: ["corrige", "rejete"],
  corrige: [],
  rejete: [],
};

export async function changerStatut(s: ServicesSignalements, acteur: { id: string } | null, id: string, vers: StatutSignalement, reponse: string): Promise<void> {
  const { droits, t } = await chargerAvecDroits(s, acteur, id);
  const de = t.t.statut;
  if (!SUIVANTS[de].includes(vers)) throw new ErreurPasserelle("conflit", `Un signalement « ${de} » ne peut pas passer à « ${vers} ».`, [{ champ: "statut", message: "Ce changement de statut n'est pas possible." }]);
  const texte = reponse.trim().slice(0, 2000);
  await s.db.transaction(async (tx) => {
    // Conditional on the status read: two people acting at once cannot both move it.
    const maj = await tx
      .update(signalements)
      .set({ statut: vers, reponse: texte === "" ? t.t.reponse : texte, traite_par: droits.utilisateurId, modifie_le: new Date() })
      .where(and(eq(signalements.id, id), eq(signalements.statut, de)))
      .returning({ id: signalements.id });
    if (maj.length === 0) throw new ErreurPasserelle("conflit", "Quelqu'un vient de changer ce signalement : rechargez la page.");
    await journaliser(tx, { action: "signalement.statut", utilisateurId: droits.utilisateurId, objetType: "signalement", objetId: id, details: { lieu_id: t.t.lieu_id, de, vers, reponse: texte !== "" } });
  });
  if (t.t.courriel && s.messagerie && vers !== "nouveau") {
    const mail = courrielSuiviSignalement({ destinataire: t.t.courriel, lieu: t.lieu, statut: vers, reponse: texte, lienLieu: `${s.urlPublique}/lieux/${t.t.lieu_id}` });
    await s.messagerie.envoyer(mail).catch((e: unknown) => console.error("Courriel au signalant non envoyé :", e));
  }
}

export { STATUTS_SIGNALEMENT };
