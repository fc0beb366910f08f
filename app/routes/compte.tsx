import { journaliser } from "~/platform/audit/journal.server";
import { Form, redirect } from "react-router";
import { sessionsActives } from "~/comptes/compte.server";
import { deconnecterPartout } from "~/comptes/connexion.server";
import { comptesDe, exigerSession } from "~/comptes/session.server";
import { dateHeureEnFrancais } from "~/platform/courriel/gabarit";
import { droitsDe } from "~/structures/droits.server";
import "~/comptes/comptes.css";
import type { Route } from "./+types/compte";

export function meta() {
  return [{ title: "Mon compte — Passerelle" }];
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const s = await exigerSession(request, context);
  const liste = await sessionsActives(context.db, s.utilisateur.id, s.session.id);
  const droits = await droitsDe(context.db, s.utilisateur, context.referentiel);
  return {
    utilisateur: s.utilisateur,
    revoitDoublons: droits !== null && (droits.administrateur || droits.coordinations.length > 0),
    sessions: liste.map((x) => ({ id: x.id, appareil: x.appareil, ouverteLe: dateHeureEnFrancais(x.ouverteLe), expireLe: dateHeureEnFrancais(x.expireLe), courante: x.courante })),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const s = await exigerSession(request, context);
  const form = await request.formData();
  if (form.get("intention") !== "deconnexion-partout") return redirect("/compte", 303);
  const cookies = await deconnecterPartout(comptesDe(context), request);
  await journaliser(context.db, { action: "session.fermer_toutes", utilisateurId: s.utilisateur.id, objetType: "utilisateur", objetId: s.utilisateur.id });
  return redirect("/connexion?deconnexion=partout", { headers: cookies });
}

export default function Compte({ loaderData: { utilisateur: u, sessions, revoitDoublons } }: Route.ComponentProps) {
  return (
    <div className="comptes">
      <h1>Mon compte</h1>
      <dl>
        <dt>Nom</dt>
        <dd>{u.nom === "" ? "non renseigné" : u.nom}</dd>
        <dt>Adresse électronique</dt>
        <dd>{u.courriel}</dd>
        {u.role === "administrateur" ? (
          <>
            <dt>Rôle</dt>
            <dd>Administrateur du hub</dd>
          </>
        ) : null}
      </dl>
      <p>
        <a href="/structures">Mes structures</a> · <a href="/orientations">Orientations</a> · <a href="/signalements">Signalements à traiter</a>
        {revoitDoublons ? (
          <>
            {" "}
            · <a href="/doublons">Doublons à revoir</a> · <a href="/fraicheur">Fraîcheur des lieux de mon territoire</a>
          </>
        ) : null}
      </p>
      {u.role === "administrateur" ? (
        <nav aria-label="Administration du hub">
          <ul>
            <li>
              <a href="/admin/courriels">Courriels envoyés par Passerelle</a>
            </li>
            <li>
              <a href="/admin/journal">Journal d'audit</a>
            </li>
            <li>
              <a href="/admin/coordinations">Coordinations territoriales</a>
            </li>
          </ul>
        </nav>
      ) : null}
      <div className="actions">
        <Form method="post" action="/deconnexion">
          <button type="submit">Se déconnecter</button>
        </Form>
      </div>

      <section aria-labelledby="titre-sessions">
        <h2 id="titre-sessions">Mes sessions ouvertes</h2>
        <p>Chaque appareil ou navigateur où vous vous êtes connecté·e. Une session dure 30 jours.</p>
        <table aria-labelledby="titre-sessions">
          <thead>
            <tr>
              <th scope="col">Appareil</th>
              <th scope="col">Ouverte le</th>
              <th scope="col">Expire le</th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((x) => (
              <tr key={x.id}>
                <td>
                  {x.appareil}
                  {x.courante ? <strong> (cet appareil)</strong> : null}
                </td>
                <td>{x.ouverteLe}</td>
                <td>{x.expireLe}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <Form method="post">
          <button type="submit" name="intention" value="deconnexion-partout" className="bouton-secondaire">
            Se déconnecter de tous les appareils
          </button>
        </Form>
      </section>

      <section aria-labelledby="titre-suppression">
        <h2 id="titre-suppression">Supprimer mon compte</h2>
        <p>Votre compte, vos sessions et les courriels qui vous ont été envoyés seront effacés.</p>
        <p>
          <a className="bouton bouton-danger" href="/compte/supprimer">
            Supprimer mon compte
          </a>
        </p>
      </section>
    </div>
  );
}
