import { data, Form, redirect } from "react-router";
import { exigerSession } from "~/comptes/session.server";
import { servicesSignalements } from "~/lieux/signalements/services.server";
import { LIBELLES_STATUTS, STATUTS_SIGNALEMENT } from "~/lieux/signalements/statuts";
import { changerStatut, lireTicket, SUIVANTS } from "~/lieux/signalements/traitement.server";
import { dateHeureEnFrancais } from "~/platform/courriel/gabarit";
import { ErreurPasserelle, statutHttp } from "~/platform/erreurs";
import { appartient } from "~/platform/listes";
import { categoriesEnClair } from "~/ui/signalements/libelles";
import "~/comptes/comptes.css";
import type { Route } from "./+types/signalement";

export function meta() {
  return [{ title: "Signalement — Passerelle" }];
}

/** Forbidden, unknown: pages, not errors. */
function enPage(e: unknown): never {
  if (e instanceof ErreurPasserelle && (e.code === "interdit" || e.code === "introuvable")) throw data(e.message, { status: statutHttp(e) });
  throw e;
}

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const session = await exigerSession(request, context);
  const t = await lireTicket(servicesSignalements(context), session.utilisateur, params.id).catch(enPage);
  return {
    t: { ...t, creeLe: dateHeureEnFrancais(t.creeLe), modifieLe: dateHeureEnFrancais(t.modifieLe), categories: categoriesEnClair(t.categories) },
    suivants: SUIVANTS[t.statut],
    change: new URL(request.url).searchParams.get("message") === "statut",
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const session = await exigerSession(request, context);
  const form = await request.formData();
  const statut = String(form.get("statut") ?? "");
  if (!appartient(STATUTS_SIGNALEMENT, statut)) return data({ message: "Choisissez un statut." }, { status: 400 });
  try {
    await changerStatut(servicesSignalements(context), session.utilisateur, params.id, statut, String(form.get("reponse") ?? ""));
  } catch (e) {
    if (e instanceof ErreurPasserelle && e.code === "conflit") return data({ message: e.message }, { status: 409 });
    enPage(e);
  }
  return redirect(`/signalements/${params.id}?message=statut`, 303);
}

export default function Signalement({ loaderData: { t, suivants, change }, actionData }: Route.ComponentProps) {
  return (
    <div className="comptes">
      <p>
        <a href="/signalements">← Tous les signalements</a>
      </p>
      <h1>Signalement sur « {t.lieu} »</h1>
      {change ? (
        <p className="message-succes" role="status">
          Statut enregistré{t.reporterPrevenu ? " ; la personne qui a signalé l'erreur a été prévenue par courriel" : ""}.
        </p>
      ) : null}
      {actionData ? (
        <p className="message-erreur" role="alert">
          {actionData.message}
        </p>
      ) : null}
      <dl>
        <dt>Lieu</dt>
        <dd>
          <a href={`/lieux/${t.lieuId}`}>
            {t.lieu} ({t.commune})
          </a>
        </dd>
        <dt>Reçu le</dt>
        <dd>
          {t.creeLe} ({t.origine === "api" ? "par l'API" : "par la fiche du lieu"})
        </dd>
        <dt>Ce qui serait faux</dt>
        <dd>{t.categories}</dd>
        <dt>Message</dt>
        <dd>{t.message === "" ? "Pas de message." : t.message}</dd>
        <dt>Statut</dt>
        <dd>
          {LIBELLES_STATUTS[t.statut]} (depuis le {t.modifieLe})
        </dd>
        {t.reponse ? (
          <>
            <dt>Réponse</dt>
            <dd>{t.reponse}</dd>
          </>
        ) : null}
        <dt>Suivi</dt>
        <dd>{t.reporterPrevenu ? "La personne a laissé une adresse : elle est prévenue par courriel à chaque changement de statut." : "La personne n'a pas laissé d'adresse."}</dd>
      </dl>
      {suivants.length > 0 ? (
        <Form method="post">
          <fieldset>
            <legend>Changer le statut</legend>
            {suivants.map((s) => (
              <div className="case" key={s}>
                <input type="radio" id={`statut-${s}`} name="statut" value={s} required defaultChecked={s === suivants[0]} />
                <label htmlFor={`statut-${s}`}>{LIBELLES_STATUTS[s]}</label>
              </div>
            ))}
          </fieldset>
          <div className="champ">
            <label htmlFor="reponse">
              Réponse (facultative){" "}
              <span className="aide">{t.reporterPrevenu ? "Envoyée à la personne qui a signalé l'erreur." : "Gardée avec le signalement."}</span>
            </label>
            <textarea id="reponse" name="reponse" rows={4} maxLength={2000} />
          </div>
          <button type="submit">Enregistrer</button>
        </Form>
      ) : (
        <p>Ce signalement est clos.</p>
      )}
    </div>
  );
}
