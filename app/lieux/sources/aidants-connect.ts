import type { ProblemeImport } from "../standard/lieu";
import { cle, erreur, ligneBrute, texte, type Adaptateur } from "./adaptateur";

/**
 * Aidants Connect habilitated structures (export of 2024-02-12). The activity counts
 * ("Question 1xx → …") and the number of aidants are not part of the standard and are dropped.
 */

/** The export has no per-row date: its extraction date stands for all rows. */
export const DATE_EXPORT_AIDANTS_CONNECT = "2024-02-12";

const vrai = (valeur: unknown): boolean => texte(valeur).toLowerCase() === "true";

/** The spreadsheet wrote SIRETs as floats ("13002603200016.0"). */
export function nettoyerSiret(valeur: string): string {
  return valeur.replace(/\.0+$/, "").replace(/\s+/g, "");
}

/**
 * Strips the postal code and city that the export often appends to the street
 * ("1 Rue X 35136 Saint-Jacques", "9 PL X, 35500, VITRE", "47 Rue Y -  Saint-Brieuc"), and joins lines.
 */
export function nettoyerAdresse(adresse: string, codePostal: string, commune: string): string {
  let a = adresse
    .split(/\r?\n/)
    .map((l) => l.replace(/\s+/g, " ").trim())
    .filter(Boolean)
    .join(", ");
  if (/^\d{5}$/.test(codePostal)) {
    // Something must precede the code, so that a street number is never taken for it.
    const i = a.search(new RegExp(String.raw`(?<=\S.*)[\s,–-]*\b${codePostal}\b`));
    if (i > 0) a = a.slice(0, i);
  }
  // A trailing "- Saint-Brieuc" or ", Rennes" naming the commune itself (hyphens inside names are not separators).
  let dernier: RegExpExecArray | undefined;
  for (const m of a.matchAll(/\s*,\s*|\s+[–-]\s*|\s*[–-]\s+/g)) dernier = m;
  if (dernier && cle(commune) !== "" && cle(a.slice(dernier.index + dernier[0].length)) === cle(commune)) {
    a = a.slice(0, dernier.index);
  }
  return a.replace(/[\s,–-]+$/, "").trim();
}

export const aidantsConnect: Adaptateur = {
  format: "aidants-connect",
  nomSource: "Aidants Connect (ANCT, 2024-02)",
  fichier: "csv",
  colonnesRequises: ["UUID", "Name", "Is Active", "Address", "Zip Code", "City"],
  convertir(e, ligne) {
    const problemes: ProblemeImport[] = [];
    if (!vrai(e["Is Active"])) {
      problemes.push(
        erreur(ligne, "*", texte(e["Is Active"]), "Structure inactive dans Aidants Connect : ce n'est plus un lieu d'accompagnement."),
      );
    }
    const codePostal = texte(e["Zip Code"]);
    const commune = texte(e.City);
    const brut = ligneBrute({
      id: texte(e.UUID),
      pivot: nettoyerSiret(texte(e.Siret)),
      nom: texte(e.Name),
      commune,
      code_postal: codePostal,
      code_insee: texte(e["City Insee Code"]),
      adresse: nettoyerAdresse(texte(e.Address), codePostal, commune),
      // No coordinates in the export: the importer places the point at the commune.
      source: "Aidants Connect (ANCT)",
      date_maj: DATE_EXPORT_AIDANTS_CONNECT,
      services: ["Aide aux démarches administratives"],
      // An Aidants Connect mandate is one aidant acting for one person, free of charge.
      modalites_accompagnement: ["Accompagnement individuel"],
      frais_a_charge: ["Gratuit"],
      dispositif_programmes_nationaux: ["Aidants Connect", ...(vrai(e["France Services Label"]) ? ["France Services"] : [])],
    });
    return { brut, problemes };
  },
};
