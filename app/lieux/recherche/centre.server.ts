import { ErreurPasserelle } from "~/platform/erreurs";
import { normaliserNom } from "~/territoire/normaliser";
import type { Commune, Referentiel } from "~/territoire/types";
import type { Criteres } from "./criteres";
import type { Geocodeur } from "./geocodeur.server";
import type { CentreRecherche } from "./resultat";

/**
 * The centre of a search. A point (`lat`/`lon`, "autour de moi") is the most precise and wins,
 * then `commune` (a code INSEE), then `ou` (free text). No centre: the whole directory.
 */
export async function trouverCentre(
  referentiel: Referentiel,
  criteres: Pick<Criteres, "lat" | "lon" | "commune" | "ou">,
  geocodeur?: Geocodeur,
): Promise<CentreRecherche | undefined> {
  if (criteres.lat !== undefined && criteres.lon !== undefined) {
    return { latitude: criteres.lat, longitude: criteres.lon, libelle: "Autour de ce point" };
  }
  if (criteres.commune !== undefined) {
    const commune = referentiel.commune(criteres.commune);
    if (!commune) throw inconnu("commune", `Commune inconnue : aucune commune de Bretagne n'a le code INSEE « ${criteres.commune} ».`);
    return centreCommune(commune, commune.nom);
  }
  if (criteres.ou === undefined || criteres.ou.trim() === "") return undefined;
  return centreTexte(referentiel, criteres.ou.trim(), geocodeur);
}

async function centreTexte(referentiel: Referentiel, texte: string, geocodeur?: Geocodeur): Promise<CentreRecherche> {
  if (/^\d{5}$/.test(texte)) {
    // Sorted by population: several communes share a postal code, the largest stands for them.
    const communes = referentiel.communesParCodePostal(texte);
    const [premiere] = communes;
    if (!premiere) throw inconnu("ou", `Code postal inconnu en Bretagne : « ${texte} ».`);
    const libelle = communes.length > 1 ? `${premiere.nom} (${texte}, la plus peuplée des ${communes.length} communes de ce code postal)` : `${premiere.nom} (${texte})`;
    return centreCommune(premiere, libelle);
  }
  const cle = normaliserNom(texte);
  const trouvees = referentiel.rechercherCommunes(texte, 50);
  const exactes = trouvees.filter((c) => normaliserNom(c.nom) === cle);
  const [exacte] = exactes;
  if (exacte) {
    const libelle = exactes.length > 1 ? `${exacte.nom} (${exacte.departement}, la plus peuplée des ${exactes.length} communes de ce nom)` : exacte.nom;
    return centreCommune(exacte, libelle);
  }
  // Not a commune name: an address, if a geocoder is configured.
  const point = geocodeur ? await geocodeur.geocoder(texte) : undefined;
  if (point) return { latitude: point.latitude, longitude: point.longitude, libelle: point.libelle };
  // Offline, a name's beginning or a commune déléguée still finds its commune ("Renn", "Lanrodec").
  const [approchee] = trouvees;
  if (approchee) return centreCommune(approchee, approchee.nom);
  throw inconnu("ou", `Lieu introuvable : « ${texte} ». Indiquez une commune ou un code postal de Bretagne${geocodeur ? ", ou une adresse" : ""}.`);
}

function centreCommune(commune: Commune, libelle: string): CentreRecherche {
  return { latitude: commune.latitude, longitude: commune.longitude, libelle, code_insee: commune.code };
}

function inconnu(parametre: string, message: string): ErreurPasserelle {
  return new ErreurPasserelle("entree_invalide", message, [{ champ: parametre, message }]);
}
