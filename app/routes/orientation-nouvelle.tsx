import { data, redirect } from "react-router";
import { exigerSession } from "~/comptes/session.server";
import { lieuModifiable } from "~/lieux/edition/modifier.server";
import { destinationDe, estUuid, lireConditions } from "~/orientation/suivi/conditions.server";
import { envoyerOrientation } from "~/orientation/suivi/envoyer.server";
import { validerSaisieOrientation } from "~/orientation/suivi/saisie";
import { servicesOrientations } from "~/orientation/suivi/services.server";
import { ErreurPasserelle } from "~/platform/erreurs";
import { droitsDe } from "~/structures/droits.server";
import { mesStructures } from "~/structures/structures.server";
import { ConditionsOrientation } from "~/ui/orientations/Conditions";
import { FormulaireEnvoi, ORDRE_ENVOI } from "~/ui/orientations/FormulaireEnvoi";
import { champsDe, detailsDe, enPage } from "~/ui/orientations/formulaires";
import { conditionsAffichees } from "~/ui/orientations/lieu.server";
import "~/comptes/comptes.css";
import "~/structures/ui/structures.css";
import "~/ui/orientations/orientations.css";
import type { Route } from "./+types/orientation-nouvelle";

export function meta() {
  return [{ title: "Orienter une personne — Passerelle" }, { name: "robots", content: "noindex" }];
}

/** The place, its conditions and where a referral goes; the person's structures (they send in one's name). */
async function preparer(request: Request, context: Route.LoaderArgs["context"], lieuId: string) {
  const session = await exigerSession(request, context);
  if (!estUuid(lieuId)) throw data("Choisissez d'abord un lieu dans l'annuaire, puis « Orienter vers ce lieu ».", { status: 400 });
  const lieu = await lieuModifiable(context.db, lieuId).catch(enPage);
  const [conditions, destination, structures] = await Promise.all([lireConditions(context.db, lieu.id), destinationDe(context.db, lieu.id), mesStructures(context.db, context.referentiel, session.utilisateur.id)]);
  return { session, lieu, conditions, destination, structures };
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const lieuId = new URL(request.url).searchParams.get("lieu") ?? "";
  const { lieu, conditions, destination, structures } = await preparer(request, context, lieuId);
  return {
    lieu: { id: lieu.id, nom: lieu.nom, commune: lieu.commune },
    conditions: conditionsAffichees(conditions, true),
    impossible: destination.type === "impossible" ? destination.raison : null,
    parLien: destination.type === "lien",
    structures: structures.map((s) => ({ id: s.id, nom: s.nom })),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const champs = champsDe(form, ["services", "demarches"]);
  const { session } = await preparer(request, context, typeof champs.lieu === "string" ? champs.lieu : "");
  const v = validerSaisieOrientation(champs);
  if (!v.ok) return data({ erreurs: detailsDe(v.erreurs, ORDRE_ENVOI), champs, message: null }, { status: 400 });
  const droits = await droitsDe(context.db, session.utilisateur, context.referentiel);
  try {
    const { id } = await envoyerOrientation(servicesOrientations(context), droits, v.saisie);
    return redirect(`/orientations/${id}?envoyee=1`, 303);
  } catch (e) {
    // Refused by the rules (place closed to referrals, not a member…): said on the form, values kept.
    if (e instanceof ErreurPasserelle && (e.code === "entree_invalide" || e.code === "conflit" || e.code === "interdit")) {
      return data({ erreurs: [...e.details], champs, message: e.message }, { status: e.code === "interdit" ? 403 : e.code === "conflit" ? 409 : 400 });
    }
    return enPage(e);
  }
}

export default function NouvelleOrientation({ loaderData: l, actionData: r }: Route.ComponentProps) {
  return (
    <div className="comptes orientations">
      <p>
        <a href={`/lieux/${l.lieu.id}`}>← Retour à la fiche du lieu</a>
      </p>
      <h1>Orienter une personne vers « {l.lieu.nom} »</h1>
      <p>
        {l.lieu.nom}, {l.lieu.commune}.
      </p>
      <section aria-labelledby="titre-conditions" className="encadre">
        <h2 id="titre-conditions">Conditions d'orientation du lieu</h2>
        <ConditionsOrientation c={l.conditions} />
      </section>
      {l.impossible ? (
        <p className="message-info">{l.impossible}</p>
      ) : l.structures.length === 0 ? (
        <p className="message-info">
          Pour orienter une personne, vous devez faire partie d'une structure. Rejoignez ou créez la vôtre dans <a href="/structures">Mes structures</a>.
        </p>
      ) : (
        <section aria-labelledby="titre-envoi">
          <h2 id="titre-envoi">L'orientation</h2>
          <p>
            {l.parLien
              ? "Ce lieu n'a pas de compte sur Passerelle : il recevra l'orientation par courriel, avec un lien sécurisé pour répondre."
              : "Les membres de la structure du lieu recevront l'orientation dans Passerelle et par courriel."}{" "}
            Vous suivrez sa suite dans « Orientations ».
          </p>
          {r?.message ? (
            <p className="message-erreur" role="alert">
              {r.message}
            </p>
          ) : null}
          <FormulaireEnvoi lieuId={l.lieu.id} structures={l.structures} valeurs={r?.champs ?? {}} erreurs={r?.erreurs ?? []} />
        </section>
      )}
    </div>
  );
}
