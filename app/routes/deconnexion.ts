import { redirect } from "react-router";
import { deconnecter } from "~/comptes/connexion.server";
import { comptesDe, sessionDe } from "~/comptes/session.server";
import { journaliser } from "~/platform/audit/journal.server";
import type { Route } from "./+types/deconnexion";

/** Signing out is a POST (from /compte); a GET here just leads to the account page. */
export function loader() {
  return redirect("/compte");
}

export async function action({ request, context }: Route.ActionArgs) {
  const s = await sessionDe(request, context);
  const { vers, cookies } = await deconnecter(comptesDe(context), request);
  if (s) await journaliser(context.db, { action: "session.fermer", utilisateurId: s.utilisateur.id, objetType: "session", objetId: s.session.id });
  return redirect(vers, { headers: cookies });
}
