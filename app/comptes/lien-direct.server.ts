import type { Config } from "~/platform/config.server";
import { creerMessagerie } from "~/platform/courriel/messagerie.server";
import type { BaseDeDonnees } from "~/platform/db/connexion.server";
import { courrielNormalise } from "./administrateurs.server";
import { creerComptes } from "./auth.server";
import { cheminDeRetour } from "./retour";

/**
 * A sign-in link made by the command line and given to whoever runs it, not mailed: how the first
 * administrator signs in on a machine without SMTP, or support helps someone whose mail never comes.
 */
export async function creerLienConnexion(db: BaseDeDonnees, config: Config, courriel: string, retour?: string): Promise<string> {
  let lien: string | undefined;
  const comptes = creerComptes(db, config, creerMessagerie(db, config), {
    distribuerLien: async (d) => {
      lien = d.lien;
    },
  });
  await comptes.auth.api.signInMagicLink({ body: { email: courrielNormalise(courriel), callbackURL: cheminDeRetour(retour) }, headers: new Headers() });
  if (lien === undefined) throw new Error("better-auth n'a pas produit de lien.");
  return lien;
}
