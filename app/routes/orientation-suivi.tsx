import { data, redirect } from "react-router";
import { exigerSession } from "~/comptes/session.server";
import { lireOrientation } from "~/orientation/suivi/lecture.server";
import { servicesOrientations } from "~/orientation/suivi/services.server";
import type { Acteur } from "~/orientation/suivi/traiter.server";
import { droitsDe } from "~/structures/droits.server";
import { enPage } from "~/ui/orientations/formulaires";
import { confirmation } from "~/ui/orientations/libelles";
import { lieuxPourReorienter, traiterFormulaire, vueAffichee } from "~/ui/orientations/vue.server";
import { VueOrientation } from "~/ui/orientations/VueOrientation";
import "~/comptes/comptes.css";
import "~/structures/ui/structures.css";
import "~/ui/orientations/orientations.css";
import type { Route } from "./+types/orientation-suivi";

export function meta() {
  return [{ title: "Orientation — Passerelle" }, { name: "robots", content: "noindex" }];
}

/** It may hold a person's contact details: never kept by a cache. */
export function headers() {
  return { "Cache-Control": "no-store" };
}

async function acteurDe(request: Request, context: Route.LoaderArgs["context"]): Promise<Acteur> {
  const session = await exigerSession(request, context);
  const droits = await droitsDe(context.db, session.utilisateur, context.referentiel);
  // Cannot happen for a live session (droitsDe is null only for a deleted account): a 404 like any stranger.
  if (!droits) throw data("Page introuvable", { status: 404 });
  return { type: "compte", droits };
}

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const acteur = await acteurDe(request, context);
  const s = servicesOrientations(context);
  // Outside the two structures (administrators included): 404, the referral's existence is not revealed.
  const vue = await lireOrientation(s, acteur, params.id).catch(enPage);
  const url = new URL(request.url);
  return {
    v: await vueAffichee(context.db, vue),
    envoyee: url.searchParams.get("envoyee") === "1",
    confirmation: confirmation(url.searchParams.get("fait")),
    reorientation: vue.actions.includes("cloturer") ? await lieuxPourReorienter(context.db, url) : null,
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const acteur = await acteurDe(request, context);
  const r = await traiterFormulaire(servicesOrientations(context), acteur, params.id, await request.formData()).catch(enPage);
  if (r.type === "fait") return redirect(`/orientations/${params.id}?fait=${r.fait}`, 303);
  return data(r, { status: 400 });
}

export default function Orientation({ loaderData: l, actionData }: Route.ComponentProps) {
  return (
    <div className="comptes large orientations">
      <p>
        <a href="/orientations">← Toutes les orientations</a>
      </p>
      <VueOrientation v={l.v} envoyee={l.envoyee} confirmation={actionData ? null : l.confirmation} echec={actionData} reorientation={l.reorientation} chemin={`/orientations/${l.v.id}`} />
    </div>
  );
}
