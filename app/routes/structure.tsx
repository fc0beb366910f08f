import { data, redirect } from "react-router";
import { exigerSession } from "~/comptes/session.server";
import { journaliser } from "~/platform/audit/journal.server";
import { dateHeureEnFrancais } from "~/platform/courriel/gabarit";
import { ErreurPasserelle } from "~/platform/erreurs";
import { demanderAdhesion, demandesDe, deciderDemande } from "~/structures/adhesions.server";
import { echecFormulaire, repondreErreur, texte } from "~/structures/actions.server";
import { servicesDe } from "~/structures/contexte.server";
import { droitsDe, peutGererStructure, roleDans } from "~/structures/droits.server";
import { invitationsEnAttente, inviter } from "~/structures/invitations.server";
import { delierLieu, lieuxDe, lierLieu, rechercherLieux } from "~/structures/lieux-structures.server";
import { changerRole, retirerMembre } from "~/structures/membres.server";
import { lireRole, lireStructure as lireSaisie, texteStructure } from "~/structures/saisie";
import { lireStructure, membresDe, modifierStructure } from "~/structures/structures.server";
import { confirmation } from "~/structures/ui/messages";
import { PageStructure } from "~/structures/ui/PageStructure";
import { LIBELLES_ROLES } from "~/structures/vocabulaire";
import "~/comptes/comptes.css";
import "~/structures/ui/structures.css";
import type { Route } from "./+types/structure";

export function meta({ data: d }: Route.MetaArgs) {
  return [{ title: d ? `${d.structure.nom} — Passerelle` : "Structure introuvable — Passerelle" }];
}

function introuvable(e: unknown): never {
  if (e instanceof ErreurPasserelle && e.code === "introuvable") throw data("Structure introuvable", { status: 404 });
  throw e;
}

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const s = await exigerSession(request, context);
  const structure = await lireStructure(context.db, context.referentiel, params.id).catch(introuvable);
  const droits = await droitsDe(context.db, s.utilisateur, context.referentiel);
  const gerer = peutGererStructure(droits, structure.id);
  const role = roleDans(droits, structure.id);
  const q = (new URL(request.url).searchParams.get("lieu") ?? "").slice(0, 100);
  const [lieux, membres, invitations, demandes, trouves, miennes] = await Promise.all([
    lieuxDe(context.db, structure.id),
    gerer ? membresDe(context.db, structure.id) : [],
    gerer ? invitationsEnAttente(context.db, { structureId: structure.id }) : [],
    gerer ? demandesDe(context.db, { structureId: structure.id }) : [],
    gerer ? rechercherLieux(context.db, q) : [],
    demandesDe(context.db, { utilisateurId: s.utilisateur.id }),
  ]);
  // Members', invitees' and applicants' addresses are personal data: each read is in the audit log.
  if (gerer) {
    const details = { membres: membres.length, invitations: invitations.length, demandes: demandes.length };
    await journaliser(context.db, { action: "membres.consulter", utilisateurId: s.utilisateur.id, objetType: "structure", objetId: structure.id, details });
  }
  return {
    confirmation: confirmation(request.url),
    structure,
    role,
    gerer,
    moi: s.utilisateur.id,
    demandeEnAttente: miennes.some((d) => d.structureId === structure.id && d.statut === "en_attente"),
    lieux,
    membres,
    invitations: invitations.map((i) => ({ id: i.id, courriel: i.courriel, role: LIBELLES_ROLES[i.role], expireLe: dateHeureEnFrancais(i.expireLe) })),
    demandes: demandes.map((x) => ({ id: x.id, nom: x.nom, courriel: x.courriel, message: x.message, creeLe: dateHeureEnFrancais(x.creeLe) })),
    q,
    trouves,
  };
}

export async function action({ params, request, context }: Route.ActionArgs) {
  const session = await exigerSession(request, context);
  const form = await request.formData();
  const intention = texte(form, "intention");
  const s = servicesDe(context);
  const a = session.utilisateur;
  const id = params.id;
  const ok = (message: string, ancre = "") => redirect(`/structures/${id}?message=${message}${ancre}`, 303);
  const valeurs: Record<string, string> = {};
  form.forEach((v, k) => {
    if (typeof v === "string") valeurs[k] = v;
  });
  try {
    switch (intention) {
      case "modifier": {
        const lu = lireSaisie(texteStructure(form), context.referentiel);
        if (!lu.ok) return echecFormulaire(intention, lu.erreurs, valeurs);
        await modifierStructure(s, a, id, lu.valeur);
        return ok("modifiee");
      }
      case "inviter": {
        const role = lireRole(form.get("role"));
        if (!role) return echecFormulaire(intention, [{ champ: "role", message: "Choisissez le rôle de la personne invitée." }], valeurs);
        await inviter(s, a, id, texte(form, "courriel"), role);
        return ok("invitation", "#membres");
      }
      case "role": {
        const role = lireRole(form.get("role"));
        if (!role) return echecFormulaire(intention, [{ champ: "role", message: "Choisissez un rôle dans la liste." }], valeurs);
        await changerRole(s, a, id, texte(form, "membre"), role);
        return ok("role", "#membres");
      }
      case "retirer":
        await retirerMembre(s, a, id, texte(form, "membre"));
        return ok("retire", "#membres");
      case "accepter":
      case "refuser":
        await deciderDemande(s, a, texte(form, "demande"), intention === "accepter" ? "acceptee" : "refusee", lireRole(form.get("role")) ?? "mediateur");
        return ok(intention === "accepter" ? "acceptee" : "refusee", "#demandes");
      case "lier":
        await lierLieu(s, a, id, texte(form, "lieu"));
        return ok("lie", "#lieux");
      case "delier":
        await delierLieu(s, a, id, texte(form, "lieu"));
        return ok("delie", "#lieux");
      case "demander":
        await demanderAdhesion(s, a, id, texte(form, "message"));
        return ok("demande");
      default:
        throw data("Action inconnue.", { status: 400 });
    }
  } catch (e) {
    return repondreErreur(e, request, intention, valeurs);
  }
}

export default function Structure({ loaderData, actionData }: Route.ComponentProps) {
  return <PageStructure d={loaderData} r={actionData} />;
}
