import { data, redirect } from "react-router";
import { ErreurPasserelle, type DetailErreur } from "~/platform/erreurs";

/** How the structures' pages answer a failed POST: field errors on the form, or the right status page. */

export interface EchecFormulaire {
  intention: string;
  message: string;
  erreurs: DetailErreur[];
  valeurs: Record<string, string>;
}

export function echecFormulaire(intention: string, erreurs: DetailErreur[], valeurs: Record<string, string>, message = "Le formulaire contient des erreurs.") {
  return data<EchecFormulaire>({ intention, message, erreurs, valeurs }, { status: 400 });
}

/** Maps a use case's error; anything that is not an ErreurPasserelle is a bug and goes up. */
export function repondreErreur(e: unknown, request: Request, intention: string, valeurs: Record<string, string> = {}) {
  if (!(e instanceof ErreurPasserelle)) throw e;
  if (e.code === "non_authentifie") {
    const url = new URL(request.url);
    throw redirect(`/connexion?retour=${encodeURIComponent(url.pathname)}`, 303);
  }
  if (e.code === "interdit") throw data(e.message, { status: 403 });
  if (e.code === "introuvable" && e.details.length === 0) throw data(e.message, { status: 404 });
  const statut = e.code === "conflit" ? 409 : e.code === "indisponible" ? 503 : 400;
  return data<EchecFormulaire>({ intention, message: e.message, erreurs: [...e.details], valeurs }, { status: statut });
}

export function texte(form: FormData, cle: string): string {
  const v = form.get(cle);
  return typeof v === "string" ? v : "";
}
