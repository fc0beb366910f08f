import type { Courriel } from "~/platform/courriel/messagerie.server";
import { miseEnPage, type Bloc } from "~/platform/courriel/gabarit";

/** The reminder: French, a plain-text part mirroring the HTML one, a link per place to check. */
export function courrielRelance(p: { destinataire: string; nom: string | null; mois: number; lieux: { nom: string; commune: string; lien: string }[] }): Courriel {
  const n = p.lieux.length;
  const sujet = n > 1 ? `${n} lieux à vérifier sur Passerelle` : `Un lieu à vérifier sur Passerelle : ${p.lieux[0]?.nom ?? ""}`;
  const blocs: Bloc[] = [
    { paragraphe: `Bonjour${p.nom ? ` ${p.nom}` : ""},` },
    {
      paragraphe: `Les informations ${n > 1 ? `de ${n} lieux que vous gérez` : "d'un lieu que vous gérez"} n'ont pas été confirmées depuis ${p.mois} mois ou plus. Les personnes qui cherchent de l'aide s'y fient : prenez une minute pour les relire. Si tout est juste, cliquez sur « Je confirme que tout est à jour » sur la fiche ; sinon, corrigez-la.`,
    },
    ...p.lieux.map((l) => ({ bouton: `Vérifier « ${l.nom} » (${l.commune})`, lien: l.lien })),
    { paragraphe: "Vous recevrez au plus un rappel par mois. Ce lieu ne dépend plus de vous ? Répondez-le à votre coordination territoriale." },
  ];
  const texte = `${blocs.map((b) => ("paragraphe" in b ? b.paragraphe : `${b.bouton} :\n${b.lien}`)).join("\n\n")}\n\n— Passerelle, la plateforme de l'écosystème de l'inclusion numérique. Ce message est envoyé automatiquement, ne répondez pas.\n`;
  return { destinataire: p.destinataire, sujet, texte, html: miseEnPage(sujet, blocs) };
}
