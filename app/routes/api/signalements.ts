import { ENTETE_IP } from "~/comptes/auth.server";
import { servicesSignalements } from "~/lieux/signalements/services.server";
import { lireSignalementJson } from "~/lieux/signalements/signalement";
import { LimiteAtteinte, lieuSignale, signaler } from "~/lieux/signalements/signaler.server";
import { probleme, repondre } from "./reponses";
import type { Route } from "./+types/signalements";

/** The 429 problem, with the seconds to wait in `Retry-After`. */
export function problemeLimite(e: LimiteAtteinte): Response {
  const corps = { type: "urn:passerelle:probleme:trop-de-signalements", title: "Trop de signalements", status: 429, detail: e.message };
  return new Response(JSON.stringify(corps), { status: 429, headers: { "Content-Type": "application/problem+json; charset=utf-8", "Cache-Control": "no-store", "Retry-After": String(e.reessayerDans) } });
}

/**
 * POST /api/v1/lieux/<id>/signalements: anyone (no account) reports an error on a place, with the
 * same rules as the place page's form; 201 with the ticket's id. A merged-away place answers 308 to
 * the surviving place's reports (GET answers 301 to the place), unknown ids 404.
 */
export function action({ request, context, params }: Pick<Route.ActionArgs, "request" | "context" | "params">) {
  return repondre(async () => {
    if (request.method !== "POST") return probleme(405, "Seule la méthode POST est acceptée.");
    const s = servicesSignalements(context);
    const lieu = await lieuSignale(s, params.id);
    if (!lieu) return probleme(404, `Aucun lieu n'a l'identifiant « ${params.id} ».`);
    if (lieu.fusionne_dans !== null) return new Response(null, { status: 308, headers: { Location: `/api/v1/lieux/${lieu.fusionne_dans}/signalements`, "Cache-Control": "no-store" } });
    const corps: unknown = await request.json().catch(() => undefined);
    if (corps === undefined) return probleme(400, "Le corps de la requête doit être du JSON : { \"categories\": [...], \"message\": \"...\", \"courriel\": \"...\" }.", [{ parametre: "corps", message: "JSON invalide ou absent." }]);
    const lu = lireSignalementJson(corps);
    if (!lu.ok) {
      const erreurs = Object.entries(lu.erreurs).map(([parametre, message]) => ({ parametre, message: String(message) }));
      return probleme(400, `Champ${erreurs.length > 1 ? "s" : ""} invalide${erreurs.length > 1 ? "s" : ""} : ${erreurs.map((e) => e.parametre).join(", ")}.`, erreurs);
    }
    try {
      const r = await signaler(s, params.id, lu.signalement, { origine: "api", client: request.headers.get(ENTETE_IP) });
      if (r.issue !== "enregistre") return probleme(500, "Le signalement n'a pas été enregistré.");
      const corpsReponse = { id: r.id, lieu_id: params.id, statut: "nouveau" };
      return new Response(JSON.stringify(corpsReponse), { status: 201, headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store", Location: `/signalements/${r.id}` } });
    } catch (e) {
      if (e instanceof LimiteAtteinte) return problemeLimite(e);
      throw e;
    }
  });
}
