import { data, Form, redirect } from "react-router";
import { lireOrientation } from "~/orientation/suivi/lecture.server";
import { lienValide, renouvelerLien } from "~/orientation/suivi/liens.server";
import { servicesOrientations } from "~/orientation/suivi/services.server";
import { ErreurPasserelle } from "~/platform/erreurs";
import { enPage } from "~/ui/orientations/formulaires";
import { confirmation } from "~/ui/orientations/libelles";
import { lieuxPourReorienter, traiterFormulaire, vueAffichee } from "~/ui/orientations/vue.server";
import { VueOrientation } from "~/ui/orientations/VueOrientation";
import "~/comptes/comptes.css";
import "~/structures/ui/structures.css";
import "~/ui/orientations/orientations.css";
import type { Route } from "./+types/orientation-lien";

/**
 * The signed link mailed to a receiving place without an account: the receiver's view and actions.
 * The token is in the path: no Referer may carry it to another site (`Referrer-Policy: same-origin`,
 * set for /o/ by server/securite.ts, and the meta below), and no cache may keep the page.
 */
export function headers() {
  return { "Cache-Control": "no-store" };
}

export function meta() {
  return [{ title: "Orientation reçue — Passerelle" }, { name: "robots", content: "noindex" }, { name: "referrer", content: "same-origin" }];
}

/** The referral of a valid link, "expire" for an expired one; an unknown token is a 404 page. */
async function lien(context: Route.LoaderArgs["context"], jeton: string) {
  const l = await lienValide(context.db, jeton);
  if (!l) throw data("Page introuvable", { status: 404 });
  return l;
}

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const l = await lien(context, params.jeton);
  const url = new URL(request.url);
  if ("expire" in l) return { expire: true as const, renouvele: url.searchParams.get("renouvele") };
  const vue = await lireOrientation(servicesOrientations(context), { type: "lien", orientationId: l.orientationId }, l.orientationId).catch(enPage);
  return {
    expire: false as const,
    v: await vueAffichee(context.db, vue),
    confirmation: confirmation(url.searchParams.get("fait")),
    reorientation: vue.actions.includes("cloturer") ? await lieuxPourReorienter(context.db, url) : null,
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const l = await lien(context, params.jeton);
  const form = await request.formData();
  const s = servicesOrientations(context);
  if ("expire" in l) {
    // A fresh link goes to the address the first one was mailed to, never to one typed here.
    if (form.get("intention") !== "renouveler") return redirect(`/o/${params.jeton}`, 303);
    try {
      await renouvelerLien(s, params.jeton);
    } catch (e) {
      // One fresh link a day at most: the button says so instead of mailing again.
      if (e instanceof ErreurPasserelle && e.code === "conflit") return redirect(`/o/${params.jeton}?renouvele=deja`, 303);
      return enPage(e);
    }
    return redirect(`/o/${params.jeton}?renouvele=1`, 303);
  }
  const r = await traiterFormulaire(s, { type: "lien", orientationId: l.orientationId }, l.orientationId, form).catch(enPage);
  if (r.type === "fait") return redirect(`/o/${params.jeton}?fait=${r.fait}`, 303);
  return data(r, { status: 400 });
}

export default function OrientationParLien({ loaderData: l, actionData, params }: Route.ComponentProps) {
  if (l.expire) {
    return (
      <div className="comptes orientations">
        <h1>Ce lien a expiré</h1>
        {l.renouvele === "1" || l.renouvele === "deja" ? (
          <p className="message-succes" role="status">
            {l.renouvele === "1"
              ? "Un nouveau lien a été envoyé à l'adresse de votre structure qui avait reçu cette orientation. Ouvrez le courriel le plus récent."
              : "Un nouveau lien a déjà été envoyé à l'adresse de votre structure il y a moins d'un jour : ouvrez le courriel le plus récent."}
          </p>
        ) : (
          <>
            <p>Pour votre sécurité, les liens de réponse aux orientations ne durent que quelques jours. Recevez-en un nouveau à la même adresse que le premier.</p>
            <Form method="post">
              <input type="hidden" name="intention" value="renouveler" />
              <button type="submit">Recevoir un nouveau lien</button>
            </Form>
          </>
        )}
      </div>
    );
  }
  return (
    <div className="comptes large orientations">
      <p className="message-info">Vous répondez par le lien sécurisé reçu par courriel, sans compte Passerelle. Ne transférez pas ce courriel : toute personne qui a le lien peut répondre.</p>
      <VueOrientation v={l.v} envoyee={false} confirmation={actionData ? null : l.confirmation} echec={actionData} reorientation={l.reorientation} chemin={`/o/${params.jeton}`} />
    </div>
  );
}
