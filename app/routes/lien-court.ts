import { redirect } from "react-router";
import { resoudreCodeCourt } from "~/orientation/code-court.server";
import type { Route } from "./+types/lien-court";

const PAGE_INCONNU = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Code inconnu — Passerelle</title></head><body style="font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5">
<main><h1>Ce code ne correspond à aucun lieu</h1>
<p>Vérifiez le code imprimé sur la fiche d'orientation : 8 caractères, par exemple <strong>3F2A-9C10</strong>.</p>
<p><a href="/lieux">Chercher un lieu</a> · <a href="/orientation">Être orienté</a></p></main></body></html>`;

/** `/l/ABCD-1234` (printed on the sheet) → the place page. Unknown or ambiguous codes: 404, never a wrong place. */
export async function loader({ params, context }: Route.LoaderArgs) {
  const r = await resoudreCodeCourt(context.db, params.code);
  if (r.statut === "trouve") return redirect(`/lieux/${r.id}`, 302);
  return new Response(PAGE_INCONNU, { status: 404, headers: { "Content-Type": "text/html; charset=utf-8" } });
}
