import { and, eq } from "drizzle-orm";
import { journaliser } from "~/platform/audit/journal.server";
import type { Courriel } from "~/platform/courriel/messagerie.server";
import { ErreurPasserelle } from "~/platform/erreurs";
import type { ServicesStructures } from "~/structures/contexte.server";
import { exiger } from "~/structures/droits.server";
import { estAuteur, estCorrespondant } from "./acces.server";
import { correspondantsDe, courrielNouvelleReponse, courrielStatutRemontee, envoyerTous, equipeAuteure, type Cote } from "./courriels.server";
import { lireReponse } from "./saisie";
import { chargerLisible, SUIVANTS, type LigneRemontee } from "./remontees.server";
import { reponses_remontees, remontees } from "./remontees.schema";
import type { StatutRemontee } from "./vocabulaire";

/**
 * The thread and the statuses: the operator's correspondents answer, take into account (ouverte →
 * en_cours) and close with a final answer (→ close, final); the author's médiateurs and responsables
 * add details while it is not closed. Each message mails the other side.
 */

const CLOSE = "Cette remontée est close : on ne peut plus y répondre.";

/** The checked text of a message (length, no personal data), or `entree_invalide` naming the field. */
function texteValide(brut: string): string {
  const lu = lireReponse(brut);
  if (!lu.ok) throw new ErreurPasserelle("entree_invalide", "Le formulaire contient des erreurs.", lu.erreurs);
  return lu.valeur;
}

function lien(s: ServicesStructures, id: string): string {
  return `${s.urlPublique}/remontees/${id}`;
}

async function prevenir(s: ServicesStructures, r: LigneRemontee, vers: Cote, acteurId: string, fabriquer: (destinataire: string) => Courriel): Promise<void> {
  const destinataires = vers === "operateur" ? await correspondantsDe(s.db, r.operateur, acteurId) : await equipeAuteure(s.db, r.structureId, acteurId);
  await envoyerTous(s.messagerie, destinataires.map(fabriquer));
}

/** Adds a message to the thread: as the operator when the person answers for it, else as the author's structure. */
export async function repondre(s: ServicesStructures, acteur: { id: string } | null, id: string, brut: string): Promise<Cote> {
  const { a, ligne } = await chargerLisible(s, acteur, id);
  const cible = { structure_id: ligne.structureId, operateur: ligne.operateur };
  const operateur = estCorrespondant(a, cible) ? a.operateurs.get(ligne.operateur) : undefined;
  exiger(a.droits, operateur !== undefined || estAuteur(a, cible), "Seul·es les correspondant·es de l'opérateur répondent, et les médiateur·rices et responsables de la structure qui a fait la remontée la précisent.");
  const cote: Cote = operateur !== undefined ? "operateur" : "auteur";
  const texte = texteValide(brut);
  await s.db.transaction(async (tx) => {
    // Locks the row and re-reads its status: an answer never lands after the closing one.
    const [r] = await tx.select({ statut: remontees.statut }).from(remontees).where(eq(remontees.id, id)).for("update");
    if (r?.statut === "close") throw new ErreurPasserelle("conflit", CLOSE);
    await tx.insert(reponses_remontees).values({ remontee_id: id, auteur_id: a.droits.utilisateurId, structure_id: operateur ?? ligne.structureId, texte });
    await tx.update(remontees).set({ modifie_le: new Date() }).where(eq(remontees.id, id));
    await journaliser(tx, { action: "remontee.repondre", utilisateurId: a.droits.utilisateurId, objetType: "remontee", objetId: id, details: { cote } });
  });
  const vers: Cote = cote === "operateur" ? "auteur" : "operateur";
  await prevenir(s, ligne, vers, a.droits.utilisateurId, (d) => courrielNouvelleReponse(d, { operateur: ligne.operateur, demarche: ligne.demarche, lien: lien(s, id), de: cote }));
  return cote;
}

/** A correspondent takes it into account, or closes it; closing needs the final answer (`reponse`), added to the thread. */
export async function changerStatut(s: ServicesStructures, acteur: { id: string } | null, id: string, vers: StatutRemontee, reponse: string): Promise<void> {
  const { a, ligne } = await chargerLisible(s, acteur, id);
  const structureOperateur = estCorrespondant(a, ligne) ? a.operateurs.get(ligne.operateur) : undefined;
  exiger(a.droits, structureOperateur !== undefined, "Seul·es les correspondant·es de l'opérateur changent le statut d'une remontée.");
  const de = ligne.statut;
  if (!SUIVANTS[de].includes(vers)) throw new ErreurPasserelle("conflit", de === "close" ? CLOSE : "Ce changement de statut n'est pas possible.", [{ champ: "statut", message: "Ce changement de statut n'est pas possible." }]);
  const texte = reponse.trim() === "" ? "" : texteValide(reponse);
  if (vers === "close" && texte === "") throw new ErreurPasserelle("entree_invalide", "Le formulaire contient des erreurs.", [{ champ: "reponse", message: "Écrivez la réponse finale : elle est envoyée à la structure qui a fait la remontée." }]);
  const maintenant = new Date();
  await s.db.transaction(async (tx) => {
    // Conditional on the status read: two correspondents acting at once cannot both move it.
    const maj = await tx
      .update(remontees)
      .set({ statut: vers, modifie_le: maintenant, ...(vers === "close" ? { close_le: maintenant, close_par: a.droits.utilisateurId } : {}) })
      .where(and(eq(remontees.id, id), eq(remontees.statut, de)))
      .returning({ id: remontees.id });
    if (maj.length === 0) throw new ErreurPasserelle("conflit", "Quelqu'un vient de changer cette remontée : rechargez la page.");
    if (texte !== "") await tx.insert(reponses_remontees).values({ remontee_id: id, auteur_id: a.droits.utilisateurId, structure_id: structureOperateur ?? ligne.structureId, texte });
    await journaliser(tx, { action: "remontee.statut", utilisateurId: a.droits.utilisateurId, objetType: "remontee", objetId: id, details: { de, vers, reponse: texte !== "" } });
  });
  await prevenir(s, ligne, "auteur", a.droits.utilisateurId, (d) => courrielStatutRemontee(d, { operateur: ligne.operateur, demarche: ligne.demarche, lien: lien(s, id), statut: vers }));
}
