import { exigerSessionApi } from "~/comptes/session.server";
import { filtresBoiteDepuis, lireBoite, type LigneBoite } from "~/orientation/suivi/boite.server";
import { droitsDe } from "~/structures/droits.server";
import { probleme, repondre } from "./reponses";
import type { Route } from "./+types/orientations";

// POST on the same path (sending a referral, helper A's module): one route module per path for React Router; Express registers both directly.
export { action } from "./orientations-creer";

/** A row as the API gives it: snake_case like the rest of `/api/v1`, dates in ISO 8601. */
function ligneApi(l: LigneBoite) {
  return {
    id: l.id,
    code: l.code,
    statut: l.statut,
    urgence: l.urgence,
    envoyee_le: l.envoyeeLe.toISOString(),
    rdv_le: l.rdvLe?.toISOString() ?? null,
    issue: l.issue,
    lieu: l.lieu,
    structure_emettrice: l.structureEmettrice,
    structure_destinataire: l.structureDestinataire,
    services: l.services,
    demarches: l.demarches,
  };
}

/**
 * GET /api/v1/orientations?sens=recues|envoyees&structure=<id>&statut=…&demarche=…&page=: one inbox
 * page of a structure the person belongs to (no personal field). 401 without a session, 403 for
 * another structure, 400 naming each bad parameter. Never cached: it changes with every answer.
 */
export function loader({ request, context }: Pick<Route.LoaderArgs, "request" | "context">) {
  return repondre(async () => {
    const session = await exigerSessionApi(request, context);
    const droits = await droitsDe(context.db, session.utilisateur, context.referentiel);
    const filtres = filtresBoiteDepuis(new URL(request.url), droits?.membres.map((m) => m.structureId) ?? []);
    if ("erreurs" in filtres) {
      const erreurs = Object.entries(filtres.erreurs).map(([parametre, message]) => ({ parametre, message }));
      return probleme(400, `Paramètre${erreurs.length > 1 ? "s" : ""} invalide${erreurs.length > 1 ? "s" : ""} : ${erreurs.map((e) => e.parametre).join(", ")}.`, erreurs);
    }
    const b = await lireBoite(context.db, droits, filtres);
    const corps = { data: b.lignes.map(ligneApi), total: b.total, compteurs: b.compteurs, page: b.page, par_page: b.parPage };
    return new Response(JSON.stringify(corps), { status: 200, headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "private, no-store" } });
  });
}
