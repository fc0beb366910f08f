import { data, Form, redirect } from "react-router";
import { commencerOidc, demanderLien } from "~/comptes/connexion.server";
import { cheminDeRetour } from "~/comptes/retour";
import { comptesDe, sessionDe } from "~/comptes/session.server";
import { VALIDITE_LIEN_MINUTES } from "~/comptes/reglages";
import "~/comptes/comptes.css";
import type { Route } from "./+types/connexion";

export function meta() {
  return [{ title: "Se connecter — Passerelle" }];
}

const MESSAGES_PAGE: Record<string, string> = {
  oidc: "La connexion n'a pas abouti. Réessayez, ou recevez un lien de connexion par courriel.",
};

export async function loader({ request, context }: Route.LoaderArgs) {
  const comptes = comptesDe(context);
  const url = new URL(request.url);
  const session = await sessionDe(request, context);
  return {
    retour: cheminDeRetour(url.searchParams.get("retour")),
    oidc: comptes.oidc?.libelle,
    connecte: session?.utilisateur.courriel,
    erreur: MESSAGES_PAGE[url.searchParams.get("erreur") ?? ""],
    info: url.searchParams.get("compte") === "supprime" ? "Votre compte a été supprimé." : url.searchParams.get("deconnexion") === "partout" ? "Vous êtes déconnecté·e de tous vos appareils." : undefined,
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const comptes = comptesDe(context);
  const form = await request.formData();
  const retour = cheminDeRetour(form.get("retour"));
  if (form.get("intention") === "oidc" && comptes.oidc) {
    const depart = await commencerOidc(comptes, request, retour);
    if (!depart) return data({ type: "echec" as const, saisie: "" }, { status: 503 });
    return redirect(depart.url, { headers: depart.cookies });
  }
  const r = await demanderLien(comptes, request, String(form.get("courriel") ?? ""), retour);
  const statut = r.type === "invalide" ? 400 : r.type === "trop" ? 429 : r.type === "echec" ? 503 : 200;
  return data(r, { status: statut });
}

export default function Connexion({ loaderData: d, actionData: r }: Route.ComponentProps) {
  if (r?.type === "envoye") {
    return (
      <div className="comptes">
        <h1>Vérifiez votre messagerie</h1>
        <p className="message-succes" role="status">
          Si l'adresse <strong>{r.courriel}</strong> est correcte, un lien de connexion vient d'y être envoyé. Il est valable {VALIDITE_LIEN_MINUTES} minutes et ne sert
          qu'une fois.
        </p>
        <p>Ouvrez le courriel « Votre lien de connexion à Passerelle » et suivez le lien, sur cet appareil ou un autre. Rien reçu après quelques minutes ? Regardez dans les courriers indésirables.</p>
        <p>
          <a href={`/connexion${d.retour === "/compte" ? "" : `?retour=${encodeURIComponent(d.retour)}`}`}>Utiliser une autre adresse ou demander un nouveau lien</a>
        </p>
      </div>
    );
  }
  const invalide = r?.type === "invalide";
  return (
    <div className="comptes">
      <h1>Se connecter</h1>
      {d.info ? (
        <p className="message-succes" role="status">
          {d.info}
        </p>
      ) : null}
      {d.connecte ? (
        <p className="message-info">
          Vous êtes déjà connecté·e avec l'adresse {d.connecte}. <a href="/compte">Aller à mon compte</a>
        </p>
      ) : null}
      {d.erreur || (r && r.type !== "invalide") ? (
        <div className="message-erreur" role="alert">
          <p>
            {r?.type === "trop"
              ? `Trop de demandes de lien depuis votre connexion. Pour votre sécurité, attendez ${r.minutes} minute${r.minutes > 1 ? "s" : ""} avant de réessayer.`
              : r?.type === "echec"
                ? "Le service de connexion ne répond pas pour l'instant. Réessayez dans quelques minutes."
                : d.erreur}
          </p>
        </div>
      ) : null}
      <p>Recevez par courriel un lien qui vous connecte, sans mot de passe. Si vous n'avez pas encore de compte, il est créé à votre première connexion.</p>
      <Form method="post" noValidate>
        <input type="hidden" name="retour" value={d.retour} />
        <div className="champ">
          <label htmlFor="courriel">
            Adresse électronique <span className="aide">Format attendu : prenom.nom@exemple.fr</span>
          </label>
          <input
            type="email"
            id="courriel"
            name="courriel"
            autoComplete="email"
            required
            defaultValue={r?.saisie ?? ""}
            aria-invalid={invalide || undefined}
            aria-describedby={invalide ? "erreur-courriel" : undefined}
          />
          {invalide ? (
            <p id="erreur-courriel" className="message-erreur" role="alert">
              Saisissez une adresse électronique complète, par exemple prenom.nom@exemple.fr.
            </p>
          ) : null}
        </div>
        <button type="submit" name="intention" value="lien">
          Recevoir un lien de connexion
        </button>
      </Form>
      {d.oidc ? (
        <>
          <p className="ou">ou</p>
          <Form method="post" reloadDocument>
            <input type="hidden" name="retour" value={d.retour} />
            <button type="submit" name="intention" value="oidc" className="bouton-secondaire">
              {d.oidc}
            </button>
          </Form>
        </>
      ) : null}
    </div>
  );
}
