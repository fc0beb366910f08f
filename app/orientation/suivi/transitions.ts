import { ErreurPasserelle } from "~/platform/erreurs";
import { LIBELLES_STATUTS, type Action, type Statut } from "./vocabulaire";

/**
 * The state machine of tracked referrals (DESIGN §4), pure. The receiver (destinataire) moves a
 * referral along envoyée → vue → acceptée → prise en charge → clôturée, or refuses it; the sender
 * (emetteur) may cancel it until it is taken in charge; only the scheduled job expires it.
 */
export type Cote = "emetteur" | "destinataire";
/** Who acts: one side, or Passerelle itself (the expiry job). */
export type Auteur = Cote | "passerelle";

interface Regle {
  auteur: Auteur;
  depuis: readonly Statut[];
  vers: Statut;
}

export const REGLES: Record<Action, Regle> = {
  voir: { auteur: "destinataire", depuis: ["envoyee"], vers: "vue" },
  accepter: { auteur: "destinataire", depuis: ["envoyee", "vue"], vers: "acceptee" },
  refuser: { auteur: "destinataire", depuis: ["envoyee", "vue"], vers: "refusee" },
  prendre_en_charge: { auteur: "destinataire", depuis: ["acceptee"], vers: "prise_en_charge" },
  cloturer: { auteur: "destinataire", depuis: ["acceptee", "prise_en_charge"], vers: "cloturee" },
  annuler: { auteur: "emetteur", depuis: ["envoyee", "vue", "acceptee"], vers: "annulee" },
  expirer: { auteur: "passerelle", depuis: ["envoyee", "vue"], vers: "expiree" },
};

/** Buttons to show: "voir" is automatic (first opening by the receiver) and "expirer" belongs to the job. */
const ACTIONS_BOUTONS: readonly Action[] = ["accepter", "prendre_en_charge", "cloturer", "refuser", "annuler"];

export function actionsPossibles(statut: Statut, cotes: readonly Cote[]): Action[] {
  return ACTIONS_BOUTONS.filter((a) => {
    const r = REGLES[a];
    return r.auteur !== "passerelle" && cotes.includes(r.auteur) && r.depuis.includes(statut);
  });
}

const QUI: Record<Auteur, string> = { emetteur: "la structure qui oriente", destinataire: "la structure qui reçoit", passerelle: "Passerelle" };

export function statutApres(statut: Statut, action: Action, cote: Auteur): Statut {
  const r = REGLES[action];
  if (r.auteur !== cote) throw new ErreurPasserelle("conflit", `Cette action revient à ${QUI[r.auteur]}.`);
  if (!r.depuis.includes(statut)) throw new ErreurPasserelle("conflit", `Une orientation « ${LIBELLES_STATUTS[statut].toLowerCase()} » ne peut plus changer ainsi : rechargez la page.`);
  return r.vers;
}
