import { exigerSessionApi } from "~/comptes/session.server";
import { servicesOrientations } from "~/orientation/suivi/services.server";
import { traiterOrientation, validerDemande } from "~/orientation/suivi/traiter.server";
import { ErreurPasserelle } from "~/platform/erreurs";
import { droitsDe } from "~/structures/droits.server";
import { champsDuCorps, problemeChamps, reponsePrivee } from "./orientations-json.server";
import { probleme, repondre } from "./reponses";
import type { Route } from "./+types/orientation-transitions";

/**
 * POST /api/v1/orientations/<id>/transitions with `{action, rdv_le?, motif?, issue?, reorientee_vers_lieu_id?, reorientee_vers?}`
 * → `{statut}`. 401 without a session, 404 outside the two structures, 403 for the wrong side, 409
 * when the status does not allow it (or someone else changed it first), 400 naming each field.
 */
export function action({ request, context, params }: Pick<Route.ActionArgs, "request" | "context" | "params">) {
  return repondre(async () => {
    if (request.method !== "POST") return probleme(405, "Seule la méthode POST change le statut d'une orientation.", undefined, { entetes: { Allow: "POST" } });
    const session = await exigerSessionApi(request, context);
    const lu = validerDemande(await champsDuCorps(request));
    if (!lu.ok) return problemeChamps(lu.erreurs);
    const s = servicesOrientations(context);
    const droits = await droitsDe(s.db, session.utilisateur, s.referentiel);
    if (!droits) throw new ErreurPasserelle("non_authentifie", "Connexion requise.");
    return reponsePrivee(await traiterOrientation(s, { type: "compte", droits }, params.id, lu.demande));
  });
}
