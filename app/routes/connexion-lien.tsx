import { data, Form, redirect } from "react-router";
import { verifierLien } from "~/comptes/connexion.server";
import { cheminDeRetour } from "~/comptes/retour";
import { comptesDe } from "~/comptes/session.server";
import "~/comptes/comptes.css";
import type { Route } from "./+types/connexion-lien";

/**
 * Where the mailed link leads. Opening it only shows a button: the token is used by the POST, so
 * the mail scanners that open every link (common in administrations) cannot use it up.
 */
export function meta() {
  return [{ title: "Se connecter — Passerelle" }, { name: "robots", content: "noindex" }];
}

export function loader({ request }: Route.LoaderArgs) {
  const url = new URL(request.url);
  return { jeton: url.searchParams.get("jeton") ?? "", retour: cheminDeRetour(url.searchParams.get("retour")), erreurLien: url.searchParams.has("error") };
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const retour = cheminDeRetour(form.get("retour"));
  const r = await verifierLien(comptesDe(context), request, String(form.get("jeton") ?? ""), retour);
  if (r.type === "connecte") return redirect(retour, { headers: r.cookies });
  return data(r, { status: r.type === "trop" ? 429 : 400 });
}

export default function ConnexionLien({ loaderData: d, actionData: r }: Route.ComponentProps) {
  if (r || d.jeton === "" || d.erreurLien) {
    return (
      <div className="comptes">
        <h1>Ce lien ne permet pas de se connecter</h1>
        <p className="message-erreur" role="alert">
          {r?.type === "trop"
            ? `Trop d'essais depuis votre connexion. Attendez ${r.minutes} minute${r.minutes > 1 ? "s" : ""} avant de réessayer.`
            : "Ce lien de connexion a déjà servi, a expiré ou est incomplet."}
        </p>
        <p>
          <a className="bouton" href="/connexion">
            Demander un nouveau lien
          </a>
        </p>
      </div>
    );
  }
  return (
    <div className="comptes">
      <h1>Se connecter à Passerelle</h1>
      <p>Vous avez demandé un lien de connexion. Confirmez pour ouvrir votre session sur cet appareil.</p>
      <Form method="post">
        <input type="hidden" name="jeton" value={d.jeton} />
        <input type="hidden" name="retour" value={d.retour} />
        <button type="submit">Me connecter</button>
      </Form>
      <p>Ce n'est pas vous qui avez demandé ce lien ? Fermez simplement cette page.</p>
    </div>
  );
}
