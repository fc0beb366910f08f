import { data, redirect } from "react-router";
import { exigerSession } from "~/comptes/session.server";
import { confirmerLieu } from "~/lieux/fraicheur/confirmer.server";
import { ErreurPasserelle } from "~/platform/erreurs";
import type { Route } from "./+types/lieu-confirmer";

/** « Je confirme que tout est à jour » (POST only): back to the place page with a confirmation message. */
export async function action({ request, params, context }: Route.ActionArgs) {
  const session = await exigerSession(request, context);
  await confirmerLieu(context.db, context.referentiel, { lieuId: params.id, utilisateur: session.utilisateur }).catch((e: unknown) => {
    if (e instanceof ErreurPasserelle && e.code === "introuvable") throw data("Lieu introuvable", { status: 404 });
    if (e instanceof ErreurPasserelle && e.code === "interdit") throw data(e.message, { status: 403 });
    throw e;
  });
  return redirect(`/lieux/${params.id}?confirme=1#fraicheur`, 303);
}

export function loader({ params }: Route.LoaderArgs) {
  return redirect(`/lieux/${params.id}`);
}
