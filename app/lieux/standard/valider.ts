import type { Referentiel } from "~/territoire/types";
import type { Champ, ChampListe, LigneBrute, LigneStandard } from "./champs";
import type { LieuStandard, ProblemeImport } from "./lieu";
import { codeInsee } from "./valeurs/code-insee";
import { codePostal } from "./valeurs/code-postal";
import { coordonnee } from "./valeurs/coordonnees";
import { date } from "./valeurs/date";
import { horaires } from "./valeurs/horaires";
import { liste } from "./valeurs/liste";
import { pivot } from "./valeurs/pivot";
import { succes, type Resultat } from "./valeurs/resultat";
import { telephone } from "./valeurs/telephone";
import { texte } from "./valeurs/texte";
import { url } from "./valeurs/url";

/** The only look-ups the validator needs; any `Referentiel` fits. */
export type ReferentielCommunes = Pick<Referentiel, "commune" | "resoudreCommune" | "departement">;

export interface ContexteValidation {
  referentiel?: ReferentielCommunes;
}

export interface ResultatValidation {
  lieu: LieuStandard | null;
  problemes: ProblemeImport[];
}

const LONGUEUR_RESUME = 280;
const LONGUEUR_VALEUR = 200;

/** Identifiers are kept as written (only trimmed): re-imports must find the same id. */
const telQuel = (s: string): Resultat<string> => succes(s);
const ligneSimple = (s: string): Resultat<string> => texte(s);

/**
 * Checks one record against the standard v1.0.2 and normalises it. Every problem of the row is reported
 * (never only the first). A missing or invalid required field is an error and rejects the place;
 * anything else is a warning and only the bad value (or list item) is dropped.
 */
export function validerLieu(brut: LigneBrute, ligne: number, contexte: ContexteValidation = {}): ResultatValidation {
  const problemes: ProblemeImport[] = [];
  const signaler = (field: Champ, severity: ProblemeImport["severity"], value: string, message: string): void => {
    problemes.push({ line: ligne, field, severity, value: value.slice(0, LONGUEUR_VALEUR), message });
  };
  const brutDe = (champ: Champ): string => brut[champ] ?? "";
  const lire = (champ: Champ): string => brutDe(champ).trim();

  function requis(champ: Champ, construire: (s: string) => Resultat<string>): string | undefined {
    const valeur = lire(champ);
    const r = valeur === "" ? undefined : construire(valeur);
    if (!r || !r.ok) {
      const message = r ? `${r.message} Champ obligatoire : le lieu n'est pas importé.` : `Champ obligatoire « ${champ} » vide : le lieu n'est pas importé.`;
      signaler(champ, "error", brutDe(champ), message);
      return undefined;
    }
    if (r.avertissement !== undefined) signaler(champ, "warning", brutDe(champ), r.avertissement);
    return r.valeur;
  }

  function optionnel(champ: Champ, construire: (s: string) => Resultat<string>): string | undefined {
    const valeur = lire(champ);
    if (valeur === "") return undefined;
    const r = construire(valeur);
    if (!r.ok) {
      signaler(champ, "warning", brutDe(champ), `${r.message} Valeur ignorée (champ facultatif).`);
      return undefined;
    }
    if (r.avertissement !== undefined) signaler(champ, "warning", brutDe(champ), r.avertissement);
    return r.valeur;
  }

  function listeDe(champ: ChampListe): string[] {
    const valeur = lire(champ);
    if (valeur === "") return [];
    const r = liste(valeur, champ);
    if (!r.ok) {
      signaler(champ, "warning", brutDe(champ), r.message);
      return [];
    }
    for (const remarque of r.valeur.remarques) signaler(champ, "warning", remarque.valeur, remarque.message);
    return r.valeur.valeurs;
  }

  function coordonnees(): { latitude: number; longitude: number } | undefined {
    const [lat, lon] = [lire("latitude"), lire("longitude")];
    if (lat === "" && lon === "") return undefined;
    if (lat === "" || lon === "") {
      const present: Champ = lat === "" ? "longitude" : "latitude";
      const absent: Champ = lat === "" ? "latitude" : "longitude";
      signaler(present, "warning", brutDe(present), `${present} sans ${absent} : les coordonnées vont par paire, ${present} ignorée.`);
      return undefined;
    }
    const latitude = coordonnee(lat, "latitude");
    const longitude = coordonnee(lon, "longitude");
    const paire = " Latitude et longitude ignorées (elles vont par paire).";
    if (!latitude.ok) signaler("latitude", "warning", brutDe("latitude"), latitude.message + paire);
    if (!longitude.ok) signaler("longitude", "warning", brutDe("longitude"), longitude.message + paire);
    if (!latitude.ok || !longitude.ok) return undefined;
    if (latitude.valeur === 0 && longitude.valeur === 0) {
      signaler("latitude", "warning", `${lat}, ${lon}`, "Coordonnées 0, 0 (point au large de l'Afrique, trace d'un géocodage raté)." + paire);
      return undefined;
    }
    return { latitude: latitude.valeur, longitude: longitude.valeur };
  }

  /** Checks the INSEE code against the reference geography, or deduces it from postal code + commune. */
  function codeInseeDe(cp: string | undefined, nomCommune: string | undefined): string | undefined {
    const ref = contexte.referentiel;
    const resolue = ref && cp !== undefined && nomCommune !== undefined ? ref.resoudreCommune(cp, nomCommune) : undefined;
    const deduit = resolue ? ` Remplacé par ${resolue.code} (${resolue.nom}), déduit du code postal et de la commune.` : " Valeur ignorée.";
    const valeur = lire("code_insee");
    if (valeur === "") return resolue?.code;
    const brutInsee = brutDe("code_insee");
    const r = codeInsee(valeur);
    if (!r.ok) {
      signaler("code_insee", "warning", brutInsee, r.message + deduit);
      return resolue?.code;
    }
    if (r.avertissement !== undefined) signaler("code_insee", "warning", brutInsee, r.avertissement);
    if (!ref) return r.valeur;

    const commune = ref.commune(r.valeur);
    // Outside the region the reference geography covers, the code cannot be checked: keep it as given.
    if (!commune && !ref.departement(r.valeur.slice(0, 2))) return r.valeur;
    if (!commune) {
      signaler("code_insee", "warning", brutInsee, `Code INSEE ${r.valeur} inconnu du référentiel des communes.${deduit}`);
      return resolue?.code;
    }
    if (commune.code !== r.valeur) {
      signaler("code_insee", "warning", brutInsee, `Code INSEE ${r.valeur} d'une ancienne commune, aujourd'hui ${commune.nom} : remplacé par le code actuel ${commune.code}.`);
    }
    if (cp === undefined || commune.codesPostaux.includes(cp)) return commune.code;
    const codesPostaux = `codes postaux de ${commune.nom} : ${commune.codesPostaux.join(", ")}`;
    if (resolue?.code === commune.code) {
      // Name and INSEE code agree: the doubt is on the postal code, which is kept (it may be a CEDEX).
      signaler("code_postal", "warning", brutDe("code_postal"), `Code postal ${cp} absent des ${codesPostaux} : à vérifier.`);
      return commune.code;
    }
    signaler("code_insee", "warning", brutInsee, `Code INSEE ${commune.code} (${commune.nom}) incompatible avec le code postal ${cp} (${codesPostaux}).${deduit}`);
    return resolue?.code;
  }

  const id = requis("id", telQuel);
  const pivotLieu = requis("pivot", pivot);
  const nom = requis("nom", ligneSimple);
  const commune = requis("commune", ligneSimple);
  const cp = requis("code_postal", codePostal);
  const insee = codeInseeDe(cp, commune);
  const adresse = requis("adresse", ligneSimple);
  const complement = optionnel("complement_adresse", ligneSimple);
  const position = coordonnees();
  const typologie = listeDe("typologie");
  const telephoneLieu = optionnel("telephone", telephone);
  const courriels = listeDe("courriels");
  const siteWeb = listeDe("site_web");
  const horairesLieu = optionnel("horaires", horaires);
  const resume = optionnel("presentation_resume", (s) => texte(s, { longueurMax: LONGUEUR_RESUME }));
  const detail = optionnel("presentation_detail", (s) => texte(s, { multiligne: true }));
  const source = optionnel("source", ligneSimple);
  const itinerance = listeDe("itinerance");
  const structureParente = optionnel("structure_parente", ligneSimple);
  const dateMaj = requis("date_maj", date);
  const services = listeDe("services");
  const publics = listeDe("publics_specifiquement_adresses");
  const priseEnCharge = listeDe("prise_en_charge_specifique");
  const frais = listeDe("frais_a_charge");
  const dispositifs = listeDe("dispositif_programmes_nationaux");
  const formations = listeDe("formations_labels");
  const autresFormations = listeDe("autres_formations_labels");
  const modalitesAcces = listeDe("modalites_acces");
  const modalitesAccompagnement = listeDe("modalites_accompagnement");
  const ficheAccesLibre = optionnel("fiche_acces_libre", url);
  const priseRdv = optionnel("prise_rdv", url);

  if (id === undefined || pivotLieu === undefined || nom === undefined || commune === undefined) return { lieu: null, problemes };
  if (cp === undefined || adresse === undefined || dateMaj === undefined) return { lieu: null, problemes };

  const lieu: LieuStandard = {
    id,
    pivot: pivotLieu,
    nom,
    commune,
    code_postal: cp,
    adresse,
    typologie,
    courriels,
    site_web: siteWeb,
    itinerance,
    date_maj: dateMaj,
    services,
    publics_specifiquement_adresses: publics,
    prise_en_charge_specifique: priseEnCharge,
    frais_a_charge: frais,
    dispositif_programmes_nationaux: dispositifs,
    formations_labels: formations,
    autres_formations_labels: autresFormations,
    modalites_acces: modalitesAcces,
    modalites_accompagnement: modalitesAccompagnement,
  };
  // Optional fields stay absent rather than undefined (exactOptionalPropertyTypes).
  if (insee !== undefined) lieu.code_insee = insee;
  if (complement !== undefined) lieu.complement_adresse = complement;
  if (position !== undefined) Object.assign(lieu, position);
  if (telephoneLieu !== undefined) lieu.telephone = telephoneLieu;
  if (horairesLieu !== undefined) lieu.horaires = horairesLieu;
  if (resume !== undefined) lieu.presentation_resume = resume;
  if (detail !== undefined) lieu.presentation_detail = detail;
  if (source !== undefined) lieu.source = source;
  if (structureParente !== undefined) lieu.structure_parente = structureParente;
  if (ficheAccesLibre !== undefined) lieu.fiche_acces_libre = ficheAccesLibre;
  if (priseRdv !== undefined) lieu.prise_rdv = priseRdv;
  return { lieu, problemes };
}

/** A number as a plain decimal string (never "1e-7"), as the standard's `.` decimal separator wants. */
function nombre(n: number | undefined): string {
  if (n === undefined) return "";
  const simple = String(n);
  return simple.includes("e") ? n.toFixed(12).replace(/\.?0+$/, "") : simple;
}

/** A validated place back to a flat standard record: lists joined with `|`, absent values as "". */
export function versLigneStandard(lieu: LieuStandard): LigneStandard {
  return {
    id: lieu.id,
    pivot: lieu.pivot,
    nom: lieu.nom,
    commune: lieu.commune,
    code_postal: lieu.code_postal,
    code_insee: lieu.code_insee ?? "",
    adresse: lieu.adresse,
    complement_adresse: lieu.complement_adresse ?? "",
    latitude: nombre(lieu.latitude),
    longitude: nombre(lieu.longitude),
    typologie: lieu.typologie.join("|"),
    telephone: lieu.telephone ?? "",
    courriels: lieu.courriels.join("|"),
    site_web: lieu.site_web.join("|"),
    horaires: lieu.horaires ?? "",
    presentation_resume: lieu.presentation_resume ?? "",
    presentation_detail: lieu.presentation_detail ?? "",
    source: lieu.source ?? "",
    itinerance: lieu.itinerance.join("|"),
    structure_parente: lieu.structure_parente ?? "",
    date_maj: lieu.date_maj,
    services: lieu.services.join("|"),
    publics_specifiquement_adresses: lieu.publics_specifiquement_adresses.join("|"),
    prise_en_charge_specifique: lieu.prise_en_charge_specifique.join("|"),
    frais_a_charge: lieu.frais_a_charge.join("|"),
    dispositif_programmes_nationaux: lieu.dispositif_programmes_nationaux.join("|"),
    formations_labels: lieu.formations_labels.join("|"),
    autres_formations_labels: lieu.autres_formations_labels.join("|"),
    modalites_acces: lieu.modalites_acces.join("|"),
    modalites_accompagnement: lieu.modalites_accompagnement.join("|"),
    fiche_acces_libre: lieu.fiche_acces_libre ?? "",
    prise_rdv: lieu.prise_rdv ?? "",
  };
}
