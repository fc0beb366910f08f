import type { Comptes } from "~/comptes/auth.server";
import type { Config } from "./config.server";
import type { Messagerie } from "./courriel/messagerie.server";
import type { BaseDeDonnees, Moteur } from "./db/connexion.server";
import type { Geocodeur } from "~/lieux/recherche/geocodeur.server";
import type { Referentiel } from "~/territoire/types";

/** What the server gives every loader and action: created once per process in server/main.ts. */
export interface ContexteApp {
  db: BaseDeDonnees;
  moteur: Moteur;
  referentiel: Referentiel;
  config: Config;
  /** The address geocoder when PASSERELLE_GEOCODEUR_URL is set (otherwise communes and postal codes only). */
  geocodeur?: Geocodeur | undefined;
  /** Sign-in and sessions (app/comptes); absent in tests that build a context without them. */
  comptes?: Comptes | undefined;
  /** Outgoing mail: SMTP, or the outbox. */
  messagerie?: Messagerie | undefined;
  /** This request's Content-Security-Policy nonce (server/securite.ts), for React Router's inline scripts. */
  nonce?: string | undefined;
}

declare module "react-router" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends ContexteApp {}
}
