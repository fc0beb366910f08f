import { explicationService } from "~/lieux/presentation/services";
import { afficherCodeOrientation } from "~/orientation/suivi/codes";
import { lireConditions } from "~/orientation/suivi/conditions.server";
import type { VueOrientation } from "~/orientation/suivi/lecture.server";
import type { ServicesOrientations } from "~/orientation/suivi/services.server";
import { enregistrerNote, traiterOrientation, validerDemande, type Acteur } from "~/orientation/suivi/traiter.server";
import { LIBELLES_DEMARCHES, LIBELLES_ISSUES, LIBELLES_MODES_CONSENTEMENT, LIBELLES_MOTIFS_REFUS, LIBELLES_STATUTS, LIBELLES_URGENCES, type Action, type Statut } from "~/orientation/suivi/vocabulaire";
import { dateHeureEnFrancais } from "~/platform/courriel/gabarit";
import { ErreurPasserelle, type DetailErreur } from "~/platform/erreurs";
import type { BaseDeDonnees } from "~/platform/db/connexion.server";
import { rechercherLieux } from "~/structures/lieux-structures.server";
import { champsDe, detailsDe } from "./formulaires";
import { conditionsAffichees } from "./lieu.server";
import type { ConditionsAffichees } from "./Conditions";
import { LIBELLES_EVENEMENTS } from "./libelles";
import { formaterTelephone } from "~/ui/textes";

/** A referral as its page shows it: labels in French, dates written out, nothing the reader may not see. */
export interface VueAffichee {
  id: string;
  code: string;
  statut: Statut;
  libelleStatut: string;
  actions: Action[];
  destinataire: boolean;
  emetteur: boolean;
  lieu: { id: string; nom: string; commune: string; adresse: string };
  structureEmettrice: string;
  structureDestinataire: string | null;
  emetteurNom: string | null;
  services: string[];
  demarches: string[];
  urgence: string;
  message: string;
  envoyeeLe: string;
  rdvLe: string | null;
  issue: string | null;
  reorienteeVers: { lieuId: string | null; nom: string } | null;
  motifRefus: string | null;
  noteDestinataire: string | null;
  personne: { prenom: string | null; telephone: string | null; courriel: string | null; consentement: string } | null;
  donneesEffaceesLe: string | null;
  evenements: { libelle: string; le: string; par: string }[];
  conditions: ConditionsAffichees;
  fiche: string;
}

export async function vueAffichee(db: BaseDeDonnees, v: VueOrientation): Promise<VueAffichee> {
  const conditions = await lireConditions(db, v.lieu.id);
  const c = v.personne?.consentement;
  return {
    id: v.id,
    code: afficherCodeOrientation(v.code),
    statut: v.statut,
    libelleStatut: LIBELLES_STATUTS[v.statut],
    actions: v.actions,
    destinataire: v.cotes.includes("destinataire"),
    emetteur: v.cotes.includes("emetteur"),
    lieu: v.lieu,
    structureEmettrice: v.structureEmettrice.nom,
    structureDestinataire: v.structureDestinataire?.nom ?? null,
    emetteurNom: v.emetteur?.nom ?? null,
    services: v.services.map((s) => explicationService(s)?.libelle ?? s),
    demarches: v.demarches.map((d) => LIBELLES_DEMARCHES[d]),
    urgence: LIBELLES_URGENCES[v.urgence],
    message: v.message,
    envoyeeLe: dateHeureEnFrancais(v.envoyeeLe),
    rdvLe: v.rdvLe ? dateHeureEnFrancais(v.rdvLe) : null,
    issue: v.issue ? LIBELLES_ISSUES[v.issue] : null,
    reorienteeVers: v.reorienteeVers,
    motifRefus: v.motifRefus ? LIBELLES_MOTIFS_REFUS[v.motifRefus] : null,
    noteDestinataire: v.noteDestinataire,
    personne:
      v.personne && c
        ? {
            prenom: v.personne.prenom,
            telephone: v.personne.telephone ? formaterTelephone(v.personne.telephone) : null,
            courriel: v.personne.courriel,
            consentement: `Consentement recueilli${c.par ? ` par ${c.par}` : ""} le ${dateHeureEnFrancais(c.le)} (${LIBELLES_MODES_CONSENTEMENT[c.mode].toLowerCase()}).`,
          }
        : null,
    donneesEffaceesLe: v.donneesEffaceesLe ? dateHeureEnFrancais(v.donneesEffaceesLe) : null,
    evenements: v.evenements.map((e) => ({ libelle: LIBELLES_EVENEMENTS[e.evenement], le: dateHeureEnFrancais(e.le), par: e.par })),
    conditions: conditionsAffichees(conditions, true),
    fiche: `/orientation/fiche?lieux=${v.lieu.id}&orientation=${v.code}`,
  };
}

export type ResultatFormulaire = { type: "fait"; fait: string } | { type: "erreurs"; action: string; erreurs: DetailErreur[]; message: string };

/** One POST of the referral page (an action, or the receiver's note), for an account or a signed link. */
export async function traiterFormulaire(s: ServicesOrientations, acteur: Acteur, id: string, form: FormData): Promise<ResultatFormulaire> {
  const champs = champsDe(form);
  const action = typeof champs.action === "string" ? champs.action : "";
  try {
    if (champs.intention === "note") {
      await enregistrerNote(s, acteur, id, typeof champs.note === "string" ? champs.note : "");
      return { type: "fait", fait: "note" };
    }
    const rdv = rendezVous(champs);
    if ("erreurs" in rdv) return { type: "erreurs", action, erreurs: detailsDe(rdv.erreurs), message: "Rien n'a changé : corrigez le champ indiqué." };
    const v = validerDemande({ ...champs, rdv_le: rdv.rdvLe });
    // The appointment is typed in two fields (date, time): its error goes to the date field.
    const erreurs = v.ok ? {} : Object.fromEntries(Object.entries(v.erreurs).map(([c, m]) => [c === "rdv_le" ? "rdv_date" : c, m]));
    if (!v.ok) return { type: "erreurs", action, erreurs: detailsDe(erreurs), message: "Rien n'a changé : corrigez le champ indiqué." };
    await traiterOrientation(s, acteur, id, v.demande);
    return { type: "fait", fait: v.demande.action };
  } catch (e) {
    // A forbidden transition (someone acted meanwhile) or a refused note: said on the page, not a crash.
    if (e instanceof ErreurPasserelle && (e.code === "conflit" || e.code === "entree_invalide")) {
      return { type: "erreurs", action: champs.intention === "note" ? "note" : action, erreurs: [...e.details], message: e.message };
    }
    throw e;
  }
}

/** The date and time fields of the appointment, as the "2026-12-01T14:30" validerDemande reads (Paris time). */
function rendezVous(champs: Record<string, string | string[]>): { rdvLe: string } | { erreurs: Record<string, string> } {
  const date = typeof champs.rdv_date === "string" ? champs.rdv_date.trim() : "";
  const heure = typeof champs.rdv_heure === "string" ? champs.rdv_heure.trim() : "";
  if (date === "" && heure === "") return { rdvLe: "" };
  if (date === "") return { erreurs: { rdv_date: "Indiquez aussi la date du rendez-vous, ou effacez l'heure." } };
  if (heure === "") return { erreurs: { rdv_heure: "Indiquez aussi l'heure du rendez-vous, par exemple 14:30." } };
  return { rdvLe: `${date}T${heure}` };
}

/** Places for « réorientée vers », searched by name or commune (the closing form's GET search). */
export async function lieuxPourReorienter(db: BaseDeDonnees, url: URL): Promise<{ recherche: string; lieux: { id: string; nom: string; commune: string }[] } | null> {
  const recherche = (url.searchParams.get("lieu_q") ?? "").trim();
  if (recherche === "") return null;
  const lieux = await rechercherLieux(db, recherche);
  return { recherche, lieux: lieux.map((l) => ({ id: l.id, nom: l.nom, commune: l.commune })) };
}
