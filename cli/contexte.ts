import { lireConfig } from "~/platform/config.server";
import { optionsDepuisConfig, ouvrirConnexion, type Connexion } from "~/platform/db/connexion.server";

/** Opens the configured database (creating and migrating it if new), runs `travail`, then closes. */
export async function avecBase<T>(travail: (connexion: Connexion) => Promise<T>): Promise<T> {
  const connexion = await ouvrirConnexion(optionsDepuisConfig(lireConfig()));
  try {
    await connexion.migrer();
    return await travail(connexion);
  } finally {
    await connexion.fermer();
  }
}
