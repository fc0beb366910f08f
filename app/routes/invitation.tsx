import { data, Form, redirect } from "react-router";
import { sessionDe } from "~/comptes/session.server";
import { dateHeureEnFrancais } from "~/platform/courriel/gabarit";
import { repondreErreur } from "~/structures/actions.server";
import { servicesDe } from "~/structures/contexte.server";
import { accepterInvitation, lireInvitation } from "~/structures/invitations.server";
import { ResumeErreurs } from "~/structures/ui/Champs";
import { LIBELLES_ROLES } from "~/structures/vocabulaire";
import "~/comptes/comptes.css";
import "~/structures/ui/structures.css";
import type { Route } from "./+types/invitation";

/** The mailed link: the token is used only on POST, so mail scanners opening links cannot use it up. */
export function meta() {
  // The token is in the address: never send it to another site as a Referer ("no-referrer" would also
  // blank the Origin of our own POST, which the origin check then refuses).
  return [{ title: "Invitation — Passerelle" }, { name: "referrer", content: "same-origin" }, { name: "robots", content: "noindex" }];
}

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const invitation = await lireInvitation(context.db, params.jeton);
  if (!invitation) throw data("Cette invitation n'existe pas.", { status: 404 });
  const session = await sessionDe(request, context);
  return {
    structure: invitation.structure,
    role: LIBELLES_ROLES[invitation.role],
    courriel: invitation.courriel,
    expireLe: dateHeureEnFrancais(invitation.expireLe),
    etat: invitation.etat,
    connecte: session?.utilisateur.courriel ?? null,
    retour: `/invitations/${params.jeton}`,
  };
}

export async function action({ params, request, context }: Route.ActionArgs) {
  const session = await sessionDe(request, context);
  try {
    const id = await accepterInvitation(servicesDe(context), session?.utilisateur ?? null, params.jeton);
    return redirect(`/structures/${id}?message=bienvenue`, 303);
  } catch (e) {
    return repondreErreur(e, request, "accepter");
  }
}

export default function Invitation({ loaderData: d, actionData: r }: Route.ComponentProps) {
  return (
    <div className="comptes">
      <h1>Invitation à rejoindre {d.structure}</h1>
      {r ? <ResumeErreurs message={r.message} erreurs={[]} ids={{}} /> : null}
      {d.etat === "acceptee" ? (
        <p className="message-info">Cette invitation a déjà été utilisée. Si vous ne faites pas encore partie de la structure, demandez une nouvelle invitation à ses responsables.</p>
      ) : d.etat === "expiree" ? (
        <p className="message-info">Cette invitation a expiré. Demandez-en une nouvelle à un·e responsable de la structure.</p>
      ) : (
        <>
          <p>
            Vous êtes invité·e à rejoindre la structure <strong>{d.structure}</strong> avec le rôle : {d.role}. Invitation envoyée à {d.courriel}, valable jusqu'au {d.expireLe}.
          </p>
          {d.connecte ? (
            <Form method="post">
              <p>Vous rejoindrez la structure avec votre compte {d.connecte}.</p>
              <button type="submit">Rejoindre {d.structure}</button>
            </Form>
          ) : (
            <>
              <p>Connectez-vous pour accepter l'invitation. Si vous n'avez pas encore de compte, il sera créé à votre première connexion.</p>
              <p>
                <a className="bouton" href={`/connexion?retour=${encodeURIComponent(d.retour)}`}>
                  Se connecter pour accepter
                </a>
              </p>
            </>
          )}
        </>
      )}
    </div>
  );
}
