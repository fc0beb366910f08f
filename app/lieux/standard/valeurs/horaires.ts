import opening_hours, { type nominatim_object, type optional_conf } from "opening_hours";
import { cite, echec, succes, type Resultat } from "./resultat";

/** Rennes area, so that `PH` means French public holidays and `SH` the school holidays of Bretagne's zone. */
const BRETAGNE: nominatim_object = { lat: 48.1, lon: -1.7, address: { country_code: "fr", state: "Bretagne" } };
const CONFIGURATION: optional_conf = {
  mode: undefined,
  tag_key: undefined,
  map_value: undefined,
  warnings_severity: undefined,
  locale: "fr",
};

/**
 * Warnings that mean the library silently rewrote the input ("lundi" → "Mo", "9h" → "09:00", "9.00" → "09:00").
 * The standard wants the OSM syntax itself and we store the value as given, so these are errors,
 * reported with the library's corrected form as a suggestion.
 */
const CORRECTIONS = new Set<string>([
  "word_error_correction",
  "hour_min_separator",
  "without_minutes",
  "omit_ko",
  "please_use_ok_for_ko",
  "rant_degree_sign_used_for_zero",
  "ambiguous_word",
  "ambiguous_single_digit_hour",
  "interpreted_as_year",
]);

const EXEMPLE = "« Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00; PH off »";

/**
 * Parsing costs about 0.3 ms per value in the library, and real files repeat the same few hour
 * patterns thousands of times: results are remembered (the function is pure), up to a bound.
 */
const DEJA_VUS = new Map<string, Resultat<string>>();
const TAILLE_MAX_MEMOIRE = 20_000;

/** Opening hours in OpenStreetMap `opening_hours` syntax, checked by the `opening_hours` library. */
export function horaires(brut: string): Resultat<string> {
  const connu = DEJA_VUS.get(brut);
  if (connu) return connu;
  const resultat = analyserHoraires(brut);
  if (DEJA_VUS.size >= TAILLE_MAX_MEMOIRE) DEJA_VUS.clear();
  DEJA_VUS.set(brut, resultat);
  return resultat;
}

function analyserHoraires(brut: string): Resultat<string> {
  const propre = brut.trim();
  let analyse: opening_hours;
  try {
    analyse = new opening_hours(propre, BRETAGNE, CONFIGURATION);
  } catch (erreur) {
    return echec(`Horaires ${cite(brut)} illisibles au format OpenStreetMap (${String(erreur).trim()}). Attendu par exemple ${EXEMPLE}.`);
  }
  const avertissements = analyse.getStructuredWarnings();
  const corrections = avertissements.filter((a) => CORRECTIONS.has(a.type));
  if (corrections.length > 0) {
    const raisons = [...new Set(corrections.map((c) => c.message))].join(" ");
    return echec(
      `Horaires ${cite(brut)} hors du format OpenStreetMap : ${raisons} Forme corrigée proposée : ${cite(analyse.prettifyValue({ locale: "en" }), 200)}.`,
    );
  }
  const autres = [...new Set(avertissements.map((a) => a.message))];
  return succes(propre, autres.length > 0 ? `Horaires ${cite(brut)} : ${autres.join(" ")}` : undefined);
}
