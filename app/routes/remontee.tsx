import { data, redirect } from "react-router";
import { exigerSession } from "~/comptes/session.server";
import { dateHeureEnFrancais } from "~/platform/courriel/gabarit";
import { ErreurPasserelle, statutHttp } from "~/platform/erreurs";
import { appartient } from "~/platform/listes";
import { detailRemontee } from "~/remontees/remontees.server";
import { changerStatut, repondre } from "~/remontees/suivi.server";
import { Actions, Fil } from "~/remontees/ui/Fil";
import { LIBELLES_OPERATEURS, LIBELLES_STATUTS_REMONTEES, LIBELLES_THEMES, STATUTS_REMONTEES } from "~/remontees/vocabulaire";
import { repondreErreur, texte } from "~/structures/actions.server";
import { servicesDe } from "~/structures/contexte.server";
import { Confirmation } from "~/structures/ui/Champs";
import "~/comptes/comptes.css";
import "~/structures/ui/structures.css";
import "~/remontees/ui/remontees.css";
import type { Route } from "./+types/remontee";

export function meta({ data: d }: Route.MetaArgs) {
  return [{ title: d ? `Remontée « ${d.r.demarche} » — Passerelle` : "Remontée — Passerelle" }];
}

const CONFIRMATIONS: Record<string, string> = {
  creee: "La remontée est envoyée : les correspondant·es de l'opérateur sont prévenu·es par courriel.",
  reponse: "Votre message est ajouté ; l'autre partie est prévenue par courriel.",
  en_cours: "La remontée est marquée « prise en compte » ; la structure qui l'a faite est prévenue.",
  close: "La remontée est close ; la structure qui l'a faite a reçu votre réponse finale.",
};

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const session = await exigerSession(request, context);
  const r = await detailRemontee(context, session.utilisateur, params.id).catch((e: unknown) => {
    if (e instanceof ErreurPasserelle && (e.code === "interdit" || e.code === "introuvable")) throw data(e.message, { status: statutHttp(e) });
    throw e;
  });
  return {
    r: {
      ...r,
      creeLe: dateHeureEnFrancais(r.creeLe),
      modifieLe: dateHeureEnFrancais(r.modifieLe),
      closeLe: r.closeLe ? dateHeureEnFrancais(r.closeLe) : null,
      fil: r.fil.map((m) => ({ ...m, creeLe: dateHeureEnFrancais(m.creeLe) })),
    },
    confirmation: CONFIRMATIONS[new URL(request.url).searchParams.get("message") ?? ""] ?? null,
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const session = await exigerSession(request, context);
  const form = await request.formData();
  const intention = texte(form, "intention");
  const valeurs = { reponse: texte(form, "reponse") };
  const s = servicesDe(context);
  try {
    if (intention === "repondre" || intention === "preciser") {
      await repondre(s, session.utilisateur, params.id, valeurs.reponse);
      return redirect(`/remontees/${params.id}?message=reponse#fil`, 303);
    }
    const statut = texte(form, "statut");
    if ((intention === "statut" || intention === "clore") && appartient(STATUTS_REMONTEES, statut)) {
      await changerStatut(s, session.utilisateur, params.id, statut, valeurs.reponse);
      return redirect(`/remontees/${params.id}?message=${statut}`, 303);
    }
    throw data("Action inconnue.", { status: 400 });
  } catch (e) {
    return repondreErreur(e, request, intention, valeurs);
  }
}

export default function Remontee({ loaderData: { r, confirmation }, actionData }: Route.ComponentProps) {
  return (
    <div className="comptes">
      <p>
        <a href="/remontees">← Remontées de terrain</a>
      </p>
      <h1>
        Remontée : {LIBELLES_OPERATEURS[r.operateur]}, « {r.demarche} »
      </h1>
      <Confirmation texte={confirmation} />
      <dl>
        <dt>Statut</dt>
        <dd>
          {LIBELLES_STATUTS_REMONTEES[r.statut]}
          {r.closeLe ? ` le ${r.closeLe}` : ""}
        </dd>
        <dt>Opérateur</dt>
        <dd>{LIBELLES_OPERATEURS[r.operateur]}</dd>
        <dt>Thème</dt>
        <dd>{LIBELLES_THEMES[r.theme]}</dd>
        <dt>Territoire</dt>
        <dd>{r.territoire.nom}</dd>
        <dt>Personnes concernées</dt>
        <dd>{r.personnes.toLocaleString("fr-FR")}</dd>
        <dt>Faite par</dt>
        <dd>
          {r.structure}, le {r.creeLe}
        </dd>
      </dl>
      <section aria-labelledby="titre-description">
        <h2 id="titre-description">Ce qui se passe</h2>
        <p className="description">{r.description}</p>
      </section>
      <section aria-labelledby="fil">
        <h2 id="fil" tabIndex={-1}>
          Échanges
        </h2>
        <Fil messages={r.fil} operateur={r.operateur} />
        {r.statut === "close" ? <p className="message-info">Cette remontée est close : on ne peut plus y répondre.</p> : null}
      </section>
      <Actions peutRepondre={r.peutRepondre} peutPreciser={r.peutPreciser} suivants={r.suivants} r={actionData} />
    </div>
  );
}
