import { cite, echec, succes, type Resultat } from "./resultat";

/**
 * A web address (site, social network, acceslibre page, booking page). Only http and https are useful
 * to a visitor. A bare "www.…" gets "https://" in front, with a warning. The value is otherwise kept as written.
 */
export function url(brut: string): Resultat<string> {
  let propre = brut.trim();
  let avertissement: string | undefined;
  if (/\s/.test(propre)) return echec(`Adresse web ${cite(brut)} invalide : elle contient des espaces. Attendu une adresse comme https://www.exemple.fr.`);
  if (/^www\./i.test(propre)) {
    propre = `https://${propre}`;
    avertissement = `Adresse web ${cite(brut)} sans protocole : « https:// » ajouté devant.`;
  }
  let adresse: URL;
  try {
    adresse = new URL(propre);
  } catch {
    return echec(`Adresse web ${cite(brut)} invalide : attendu une adresse complète commençant par https:// (ex. https://www.exemple.fr).`);
  }
  if (adresse.protocol !== "http:" && adresse.protocol !== "https:") {
    return echec(`Adresse web ${cite(brut)} refusée : seuls les protocoles http et https sont admis.`);
  }
  if (!adresse.hostname.includes(".") || adresse.hostname.endsWith(".")) {
    return echec(`Adresse web ${cite(brut)} invalide : nom de domaine incomplet (ex. https://www.exemple.fr).`);
  }
  return succes(propre, avertissement);
}
