import type { AppLoadContext } from "react-router";
import type { Messagerie } from "~/platform/courriel/messagerie.server";
import type { BaseDeDonnees } from "~/platform/db/connexion.server";
import { ErreurPasserelle } from "~/platform/erreurs";
import type { Referentiel } from "~/territoire/types";
import type { ReglagesOrientation } from "./vocabulaire";

/** What the referral use cases need; built from the request context by the routes, by hand in tests and jobs. */
export interface ServicesOrientations {
  db: BaseDeDonnees;
  /** Every transition is mailed to the other side: no referrals without mail. */
  messagerie: Messagerie;
  /** Origin of the links put in mails (PASSERELLE_URL_PUBLIQUE). */
  urlPublique: string;
  reglages: ReglagesOrientation;
  referentiel: Referentiel;
}

export function servicesOrientations(context: AppLoadContext): ServicesOrientations {
  if (!context.messagerie) throw new ErreurPasserelle("indisponible", "La messagerie n'est pas disponible sur ce serveur.");
  return { db: context.db, messagerie: context.messagerie, urlPublique: context.config.urlPublique, reglages: context.config.orientation, referentiel: context.referentiel };
}
