import type { Config } from "./config.server";
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
}

declare module "react-router" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends ContexteApp {}
}
