import { exigerSessionApi } from "~/comptes/session.server";
import { envoyerOrientation } from "~/orientation/suivi/envoyer.server";
import { validerSaisieOrientation } from "~/orientation/suivi/saisie";
import { servicesOrientations } from "~/orientation/suivi/services.server";
import { droitsDe } from "~/structures/droits.server";
import { champsDuCorps, problemeChamps, reponsePrivee } from "./orientations-json.server";
import { probleme, repondre } from "./reponses";
import type { AppLoadContext } from "react-router";

/**
 * POST /api/v1/orientations: sends a referral (JSON body with the form's fields: lieu, structure,
 * services, demarches, urgence, message, and only with consent partager_contact, prenom, telephone,
 * courriel, consentement). 401 without a session, 403 outside the sending structure, 400 naming each
 * field, 409 when the place takes no referrals; 201 `{id, code}`.
 */
export function action({ request, context }: { request: Request; context: AppLoadContext }) {
  return repondre(async () => {
    if (request.method !== "POST") return probleme(405, "Seule la méthode POST envoie une orientation.", undefined, { entetes: { Allow: "GET, POST" } });
    const session = await exigerSessionApi(request, context);
    const lu = validerSaisieOrientation(await champsDuCorps(request));
    if (!lu.ok) return problemeChamps(lu.erreurs);
    const s = servicesOrientations(context);
    const r = await envoyerOrientation(s, await droitsDe(s.db, session.utilisateur, s.referentiel), lu.saisie);
    return reponsePrivee(r, 201, { Location: `/api/v1/orientations/${r.id}` });
  });
}
