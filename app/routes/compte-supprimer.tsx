import { data, Form, redirect } from "react-router";
import { journaliserSuppressionCompte } from "~/comptes/compte.server";
import { supprimerCompte } from "~/comptes/connexion.server";
import { comptesDe, exigerSession } from "~/comptes/session.server";
import "~/comptes/comptes.css";
import type { Route } from "./+types/compte-supprimer";

/** The confirmation step of "Supprimer mon compte": nothing is deleted until this form is sent. */
export function meta() {
  return [{ title: "Supprimer mon compte — Passerelle" }];
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const s = await exigerSession(request, context);
  return { courriel: s.utilisateur.courriel };
}

export async function action({ request, context }: Route.ActionArgs) {
  const s = await exigerSession(request, context);
  const r = await supprimerCompte(comptesDe(context), request);
  if (r.type === "supprime") {
    await journaliserSuppressionCompte(context.db, s.utilisateur.id);
    return redirect("/connexion?compte=supprime", { headers: r.cookies });
  }
  return data(r, { status: 403 });
}

export default function SupprimerCompte({ loaderData: d, actionData: r }: Route.ComponentProps) {
  return (
    <div className="comptes">
      <h1>Supprimer mon compte</h1>
      {r?.type === "reconnexion" ? (
        <div className="message-erreur" role="alert">
          <p>
            Pour votre sécurité, la suppression demande une connexion de moins de 24 heures.{" "}
            <a href="/connexion?retour=%2Fcompte%2Fsupprimer">Reconnectez-vous</a>, puis revenez sur cette page.
          </p>
        </div>
      ) : null}
      <p>
        Le compte <strong>{d.courriel}</strong> sera supprimé définitivement, avec toutes ses sessions et les courriels qui lui ont été envoyés. Cette action ne peut pas
        être annulée.
      </p>
      <div className="actions">
        <Form method="post">
          <button type="submit" className="bouton-danger">
            Oui, supprimer définitivement mon compte
          </button>
        </Form>
        <a href="/compte">Non, garder mon compte</a>
      </div>
    </div>
  );
}
