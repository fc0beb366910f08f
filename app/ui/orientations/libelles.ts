import { LIBELLES_STATUTS, type Action, type Evenement } from "~/orientation/suivi/vocabulaire";

/** What the timeline says for each event row (statuses and the other events). */
export const LIBELLES_EVENEMENTS: Record<Evenement, string> = {
  ...LIBELLES_STATUTS,
  envoyee: "Envoyée",
  relance: "Relance envoyée au lieu",
  lien_envoye: "Lien de réponse envoyé au lieu",
  lien_renouvele: "Nouveau lien de réponse envoyé",
  donnees_lues: "Coordonnées de la personne consultées",
  donnees_effacees: "Coordonnées de la personne effacées",
};

/** The confirmation shown after each action's redirect (`?fait=`). */
export const CONFIRMATIONS: Partial<Record<Action | "note" | "renouvele", string>> = {
  accepter: "L'orientation est acceptée. La structure qui a orienté est prévenue par courriel.",
  prendre_en_charge: "La personne est prise en charge. La structure qui a orienté est prévenue par courriel.",
  cloturer: "L'orientation est clôturée. La structure qui a orienté voit son issue.",
  refuser: "L'orientation est refusée. La structure qui a orienté voit le motif ; la personne ne le voit jamais.",
  annuler: "L'orientation est annulée. Le lieu est prévenu par courriel.",
  note: "Votre note est enregistrée. Elle n'est visible que par le lieu qui reçoit.",
};

export function confirmation(fait: string | null): string | null {
  if (!fait) return null;
  const entree = Object.entries(CONFIRMATIONS).find(([cle]) => cle === fait);
  return entree?.[1] ?? null;
}
