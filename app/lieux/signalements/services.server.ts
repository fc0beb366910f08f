import type { AppLoadContext } from "react-router";
import { secretDe } from "~/comptes/secret.server";
import type { BaseDeDonnees } from "~/platform/db/connexion.server";
import type { Messagerie } from "~/platform/courriel/messagerie.server";
import type { Referentiel } from "~/territoire/types";

/** What the reports' use cases need; built from the request context by the routes, by hand in tests. */
export interface ServicesSignalements {
  db: BaseDeDonnees;
  /** Absent in contexts without mail (some tests): the ticket is stored, nobody is mailed. */
  messagerie: Messagerie | undefined;
  /** Origin of the links put in mails (PASSERELLE_URL_PUBLIQUE). */
  urlPublique: string;
  referentiel: Referentiel;
  /** Signs the form's timestamp and keys the rate limit. */
  secret: string;
}

const secrets = new Map<string, string>();

export function servicesSignalements(context: AppLoadContext): ServicesSignalements {
  const { config } = context;
  // secretDe may touch the disk (a generated secret): once per data folder and process.
  const secret = secrets.get(config.dossierDonnees) ?? secretDe(config);
  secrets.set(config.dossierDonnees, secret);
  return { db: context.db, messagerie: context.messagerie, urlPublique: config.urlPublique, referentiel: context.referentiel, secret };
}
