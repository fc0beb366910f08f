import { data, redirect } from "react-router";
import { exigerSession } from "~/comptes/session.server";
import { etatDepuisLieu, traiterEdition } from "~/lieux/edition/page.server";
import { historiqueDe } from "~/lieux/edition/historique.server";
import { lieuModifiable, peutModifier } from "~/lieux/edition/modifier.server";
import { ErreurPasserelle } from "~/platform/erreurs";
import { FormulaireLieu } from "~/ui/edition/FormulaireLieu";
import { HistoriqueLieu, valeurLisible } from "~/ui/edition/Historique";
import { LIBELLES_CHAMPS } from "~/lieux/fiche/libelles-champs";
import "~/comptes/comptes.css";
import "~/ui/edition/edition.css";
import type { Route } from "./+types/lieu-modifier";

/** Unknown or merged places are a 404 page; a person without rights on the place gets a 403 page. */
function enPage(e: unknown): never {
  if (e instanceof ErreurPasserelle && e.code === "introuvable") throw data("Lieu introuvable", { status: 404 });
  if (e instanceof ErreurPasserelle && e.code === "interdit") throw data(e.message, { status: 403 });
  throw e;
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const session = await exigerSession(request, context);
  const ligne = await lieuModifiable(context.db, params.id).catch(enPage);
  if (!(await peutModifier(context.db, context.referentiel, session.utilisateur, ligne))) {
    throw data("Seuls les membres de la structure qui gère ce lieu, ses coordinateurs et les administrateurs peuvent le modifier.", { status: 403 });
  }
  const message = new URL(request.url).searchParams.get("message");
  return { id: ligne.id, nom: ligne.nom, etat: etatDepuisLieu(ligne), historique: await historiqueDe(context.db, ligne.id), message };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const session = await exigerSession(request, context);
  const form = await request.formData();
  const r = await traiterEdition(context.db, context.referentiel, params.id, session.utilisateur, form).catch(enPage);
  if (r.type === "redirection") return redirect(r.vers, 303);
  return data(r, { status: r.type === "conflit" ? 409 : r.type === "invalide" ? 400 : 200 });
}

export function meta({ data: d }: Route.MetaArgs) {
  return [{ title: d ? `Modifier « ${d.nom} » — Passerelle` : "Modifier un lieu — Passerelle" }];
}

const MESSAGES: Record<string, string> = {
  restaure: "La version choisie a été restaurée.",
  "restauration-conflit": "Le lieu a changé entre-temps : la restauration n'a pas été faite. Vérifiez l'historique ci-dessous et recommencez.",
};

export default function ModifierLieu({ loaderData: l, actionData: r }: Route.ComponentProps) {
  const etat = r?.etat ?? l.etat;
  const erreurs = Object.entries(etat.erreurs);
  return (
    <div className="comptes large">
      <p>
        <a href={`/lieux/${l.id}`}>← Retour à la fiche du lieu</a>
      </p>
      <h1>Modifier « {l.nom} »</h1>
      {l.message && MESSAGES[l.message] ? <p className="message-info">{MESSAGES[l.message]}</p> : null}
      {erreurs.length > 0 ? (
        <div className="message-erreur" role="alert">
          <p>Les modifications ne sont pas enregistrées : corrigez {erreurs.length > 1 ? `ces ${erreurs.length} champs` : "ce champ"}.</p>
          <ul>
            {erreurs.map(([champ, messages]) => (
              <li key={champ}>
                <a href={`#${champ}`}>{LIBELLES_CHAMPS[champ] ?? champ}</a> : {messages.join(" ")}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {r?.type === "conflit" ? (
        <div className="message-erreur conflit" role="alert">
          <p>
            <strong>Quelqu'un a modifié ce lieu pendant que vous le modifiiez.</strong> Vos valeurs sont conservées dans le formulaire ci-dessous. Comparez :
          </p>
          <table>
            <caption>Vos valeurs et celles enregistrées entre-temps</caption>
            <thead>
              <tr>
                <th scope="col">Champ</th>
                <th scope="col">Votre valeur</th>
                <th scope="col">Valeur actuelle</th>
              </tr>
            </thead>
            <tbody>
              {r.differences.map((d) => (
                <tr key={d.champ}>
                  <th scope="row">{LIBELLES_CHAMPS[d.champ] ?? d.champ}</th>
                  <td>{valeurLisible(d.vous)}</td>
                  <td>{valeurLisible(d.actuelle)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>Pour garder vos valeurs, cliquez sur « Enregistrer les modifications » en bas du formulaire. Pour reprendre la version actuelle, <a href={`/lieux/${l.id}/modifier`}>rechargez le formulaire avec la version actuelle</a>.</p>
        </div>
      ) : null}
      <FormulaireLieu key={`${etat.version}-${r?.type ?? ""}`} etat={etat} />
      <section aria-labelledby="titre-historique">
        <h2 id="titre-historique">Historique des modifications</h2>
        <HistoriqueLieu entrees={l.historique} version={l.etat.version} />
      </section>
    </div>
  );
}
