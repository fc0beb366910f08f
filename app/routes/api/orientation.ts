import { exigerSessionApi } from "~/comptes/session.server";
import { lireOrientation } from "~/orientation/suivi/lecture.server";
import { servicesOrientations } from "~/orientation/suivi/services.server";
import { ErreurPasserelle } from "~/platform/erreurs";
import { droitsDe } from "~/structures/droits.server";
import { reponsePrivee } from "./orientations-json.server";
import { repondre } from "./reponses";
import type { Route } from "./+types/orientation";

/**
 * GET /api/v1/orientations/<id>: one referral for members of its two structures (snake_case JSON;
 * `personne` only when consented, its read logged; `note_destinataire` null for the sender).
 * 401 without a session, 404 for anyone else — administrators and coordinators included.
 */
export function loader({ request, context, params }: Pick<Route.LoaderArgs, "request" | "context" | "params">) {
  return repondre(async () => {
    const session = await exigerSessionApi(request, context);
    const s = servicesOrientations(context);
    const droits = await droitsDe(s.db, session.utilisateur, s.referentiel);
    if (!droits) throw new ErreurPasserelle("non_authentifie", "Connexion requise.");
    return reponsePrivee(await lireOrientation(s, { type: "compte", droits }, params.id));
  });
}
