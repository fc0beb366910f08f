import type { Courriel } from "~/platform/courriel/messagerie.server";
import { dateHeureEnFrancais, miseEnPage, type Bloc } from "~/platform/courriel/gabarit";
import { LIBELLES_ROLES, type RoleMembre } from "./vocabulaire";

/** The mails of the structures module: French, a plain-text part mirroring the HTML one. */

function courriel(destinataire: string, sujet: string, blocs: Bloc[]): Courriel {
  const texte = `${blocs.map((b) => ("paragraphe" in b ? b.paragraphe : `${b.bouton} :\n${b.lien}`)).join("\n\n")}\n\n— Passerelle, la plateforme de l'écosystème de l'inclusion numérique. Ce message est envoyé automatiquement, ne répondez pas.\n`;
  return { destinataire, sujet, texte, html: miseEnPage(sujet, blocs) };
}

export function courrielInvitation(p: { destinataire: string; structure: string; role: RoleMembre; invitePar: string; lien: string; expireLe: Date }): Courriel {
  return courriel(p.destinataire, `Invitation à rejoindre ${p.structure} sur Passerelle`, [
    { paragraphe: `${p.invitePar} vous invite à rejoindre la structure « ${p.structure} » sur Passerelle, avec le rôle : ${LIBELLES_ROLES[p.role]}.` },
    { bouton: "Voir l'invitation", lien: p.lien },
    { paragraphe: `Cette invitation est valable jusqu'au ${dateHeureEnFrancais(p.expireLe)}. Vous pourrez l'accepter avec n'importe quel compte Passerelle ; si vous n'en avez pas, il sera créé à votre première connexion.` },
    { paragraphe: "Vous ne connaissez pas cette structure ? Ignorez ce message : rien ne se passera." },
  ]);
}

export function courrielDemandeAdhesion(p: { destinataire: string; structure: string; demandeur: string; message: string; lien: string }): Courriel {
  return courriel(p.destinataire, `Demande pour rejoindre ${p.structure}`, [
    { paragraphe: `${p.demandeur} demande à rejoindre la structure « ${p.structure} », dont vous êtes responsable sur Passerelle.` },
    ...(p.message === "" ? [] : [{ paragraphe: `Son message : « ${p.message} »` }]),
    { bouton: "Accepter ou refuser la demande", lien: p.lien },
  ]);
}

export function courrielDecision(p: { destinataire: string; structure: string; acceptee: boolean; role: RoleMembre; lien: string }): Courriel {
  return courriel(p.destinataire, p.acceptee ? `Vous avez rejoint ${p.structure}` : `Votre demande pour rejoindre ${p.structure}`, [
    {
      paragraphe: p.acceptee
        ? `Votre demande pour rejoindre « ${p.structure} » est acceptée. Votre rôle : ${LIBELLES_ROLES[p.role]}.`
        : `Votre demande pour rejoindre « ${p.structure} » n'a pas été acceptée par ses responsables.`,
    },
    { bouton: "Voir mes structures", lien: p.lien },
  ]);
}
