/** Confirmations shown after a POST (post/redirect/get: `?message=<clé>`). */
export const CONFIRMATIONS: Record<string, string> = {
  creee: "La structure est créée. Vous en êtes responsable : invitez les membres de votre équipe et rattachez vos lieux.",
  modifiee: "Les informations de la structure sont enregistrées.",
  invitation: "L'invitation est envoyée par courriel. Elle est valable 14 jours.",
  role: "Le rôle est modifié.",
  retire: "La personne ne fait plus partie de la structure.",
  acceptee: "La demande est acceptée : la personne fait maintenant partie de la structure.",
  refusee: "La demande est refusée. La personne en est informée par courriel.",
  lie: "Le lieu est rattaché à la structure.",
  delie: "Le lieu n'est plus rattaché à la structure.",
  demande: "Votre demande est envoyée aux responsables de la structure. Vous recevrez leur réponse par courriel.",
  bienvenue: "Vous faites maintenant partie de la structure.",
  "coordination-ajoutee": "La coordination est enregistrée.",
  "coordination-existante": "Cette personne coordonnait déjà ce territoire.",
  "coordination-retiree": "La coordination est retirée.",
};

export function confirmation(url: string): string | null {
  return CONFIRMATIONS[new URL(url).searchParams.get("message") ?? ""] ?? null;
}
