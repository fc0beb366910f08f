import { cite, echec, succes, type Resultat } from "./resultat";

const SIREN_LA_POSTE = "356000000";
const SIRET_INCONNU = "00000000000000";

/** Luhn checksum, as INSEE uses for SIREN and SIRET. */
function luhnValide(chiffres: string): boolean {
  let somme = 0;
  for (let i = 0; i < chiffres.length; i++) {
    let n = Number(chiffres[chiffres.length - 1 - i]);
    if (i % 2 === 1) n = n * 2 > 9 ? n * 2 - 9 : n * 2;
    somme += n;
  }
  return somme % 10 === 0;
}

/** La Poste's establishments do not follow Luhn: INSEE checks that the sum of the 14 digits is a multiple of 5. */
function exceptionLaPoste(siret: string): boolean {
  if (!siret.startsWith(SIREN_LA_POSTE)) return false;
  const somme = Array.from(siret).reduce((total, c) => total + Number(c), 0);
  return somme % 5 === 0;
}

/**
 * The `pivot` field: a SIRET (14 digits), else an RNA number (W + 9 characters), else anything
 * the standard's pattern `^[a-zA-Z0-9]{9,14}$` admits (RIDET…), with a warning.
 * A SIRET failing its checksum, and the `00000000000000` placeholder, are kept with a warning:
 * the field is required, and rejecting the place would lose more than a doubtful identifier.
 */
export function pivot(brut: string): Resultat<string> {
  // Spreadsheets show SIRETs as "130 026 032 00016" or export them as floats "13002603200016.0".
  // Spaces are removed only inside a number: "SIRET inconnu" must not become the valid-looking "SIRETinconnu".
  const colle = brut.replace(/\s/g, "").replace(/^(\d{9,14})\.0+$/, "$1");
  const propre = /^(\d+|W[0-9A-Z]{9})$/i.test(colle) ? colle : brut.trim();
  if (propre === "") return echec("Pivot manquant : attendu un SIRET à 14 chiffres (ou un numéro RNA W + 9 caractères).");

  if (/^\d{14}$/.test(propre)) {
    if (propre === SIRET_INCONNU) {
      return succes(
        propre,
        "Pivot « 00000000000000 » : valeur de remplissage qui n'identifie aucun établissement ; renseignez le vrai SIRET si possible.",
      );
    }
    if (luhnValide(propre) || exceptionLaPoste(propre)) return succes(propre);
    return succes(
      propre,
      `SIRET ${propre} : la clé de contrôle (Luhn) est fausse, le numéro contient probablement une faute de frappe. Valeur conservée, à vérifier sur annuaire-entreprises.data.gouv.fr.`,
    );
  }
  if (/^W[0-9A-Z]{9}$/i.test(propre)) return succes(propre.toUpperCase());
  if (/^\d{9}$/.test(propre)) {
    return succes(propre, `${propre} est un SIREN (9 chiffres) : le standard attend le SIRET (14 chiffres) de l'établissement.`);
  }
  if (/^[a-zA-Z0-9]{9,14}$/.test(propre)) {
    return succes(propre, `Pivot ${cite(propre)} : ni un SIRET (14 chiffres) ni un RNA (W + 9 caractères) ; conservé tel quel (RIDET ?).`);
  }
  return echec(
    `Pivot ${cite(brut)} invalide : attendu un SIRET à 14 chiffres (ex. 43493312300029) ou un numéro RNA (ex. W751234567), lettres et chiffres seulement, 9 à 14 caractères.`,
  );
}
