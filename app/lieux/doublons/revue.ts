import { CHAMPS_MODIFIABLES, memeValeur, valeurDe, versTexte, type ChampModifiable, type ValeurChamp } from "../edition/champs";
import { fusionnerRecords } from "../fusion";
import type { LieuStandard } from "../standard/lieu";

/**
 * What a person compares on the review page: pure code, shared by the use cases and the pages.
 * A pair's id is its two place ids (the table's primary key) joined by "_".
 */

export type Cote = "a" | "b";

export function idPaire(a: string, b: string): string {
  return `${a}_${b}`;
}

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const FORME_ID = new RegExp(`^(${UUID})_(${UUID})$`, "i");

export function lireIdPaire(id: string): { a: string; b: string } | null {
  const m = FORME_ID.exec(id);
  const [, a, b] = m ?? [];
  return a && b ? { a: a.toLowerCase(), b: b.toLowerCase() } : null;
}

/** Fields that travel with another one: the INSEE code with the commune, the longitude with the latitude. */
const LIENS: readonly (readonly [ChampModifiable, ChampModifiable])[] = [
  ["code_insee", "commune"],
  ["longitude", "latitude"],
];

/** The field and those that follow it. */
export function avecLies(champ: ChampModifiable): ChampModifiable[] {
  return [champ, ...LIENS.filter(([, chef]) => chef === champ).map(([lie]) => lie)];
}

const estLie = (champ: ChampModifiable) => LIENS.some(([lie]) => lie === champ);

export const LIBELLES_CHAMPS: Record<ChampModifiable, string> = {
  pivot: "SIRET",
  nom: "Nom",
  commune: "Commune",
  code_postal: "Code postal",
  code_insee: "Code INSEE",
  adresse: "Adresse",
  complement_adresse: "Complément d'adresse",
  latitude: "Position (latitude, longitude)",
  longitude: "Longitude",
  typologie: "Typologie",
  telephone: "Téléphone",
  courriels: "Courriels",
  site_web: "Site web",
  horaires: "Horaires",
  presentation_resume: "Présentation courte",
  presentation_detail: "Présentation détaillée",
  itinerance: "Itinérance",
  structure_parente: "Structure parente",
  services: "Services",
  publics_specifiquement_adresses: "Publics",
  prise_en_charge_specifique: "Prise en charge spécifique",
  frais_a_charge: "Frais",
  dispositif_programmes_nationaux: "Dispositifs nationaux",
  formations_labels: "Labels",
  autres_formations_labels: "Autres labels",
  modalites_acces: "Modalités d'accès",
  modalites_accompagnement: "Modalités d'accompagnement",
  fiche_acces_libre: "Fiche d'accessibilité",
  prise_rdv: "Prise de rendez-vous",
};

export interface ChampCompare {
  champ: ChampModifiable;
  libelle: string;
  a: string;
  b: string;
  /** The side the import's survivorship rule would keep. */
  parDefaut: Cote;
}

function valeurAffichee(lieu: LieuStandard, champ: ChampModifiable): ValeurChamp {
  if (champ === "latitude") return lieu.latitude === undefined ? null : `${lieu.latitude}, ${lieu.longitude ?? ""}`;
  return valeurDe(lieu, champ);
}

/**
 * The fields where the two places differ (the others need no choice). The default follows the
 * import's rule (freshest source wins) applied to the two places as they stand.
 */
export function champsDifferents(a: LieuStandard, b: LieuStandard): ChampCompare[] {
  const fusion = fusionnerRecords([
    { source: "a", lieu: a, positionApprochee: false },
    { source: "b", lieu: b, positionApprochee: false },
  ]);
  return CHAMPS_MODIFIABLES.filter((c) => !estLie(c)).flatMap((champ) => {
    const va = valeurAffichee(a, champ);
    const vb = valeurAffichee(b, champ);
    if (memeValeur(va, vb)) return [];
    const retenu = valeurAffichee({ ...fusion.lieu, id: "" }, champ);
    // A unioned list matches neither side: the side it mostly came from.
    const parDefaut: Cote = memeValeur(retenu, va) ? "a" : memeValeur(retenu, vb) || fusion.provenance[champ]?.source === "b" ? "b" : "a";
    return [{ champ, libelle: LIBELLES_CHAMPS[champ], a: versTexte(va).replaceAll("|", ", "), b: versTexte(vb).replaceAll("|", ", "), parDefaut }];
  });
}

export interface SignalExplique {
  libelle: string;
  valeur: string;
}

const pourcent = (v: unknown) => (typeof v === "number" ? `${Math.round(v * 100)} %` : "inconnue");
const ouiNon = (v: unknown) => (v === true ? "oui" : "non");

/** The matcher's signals in plain French, in the order they weigh in the score. */
export function expliquerSignaux(s: Record<string, number | boolean | null>): SignalExplique[] {
  const distance = s.distance_m;
  return [
    { libelle: "Ressemblance des noms", valeur: pourcent(s.nom) },
    { libelle: "Ressemblance des adresses", valeur: pourcent(s.adresse) },
    { libelle: "Distance entre les deux points", valeur: typeof distance === "number" ? `${distance} m` : "inconnue (position approchée ou absente)" },
    { libelle: "Même commune", valeur: ouiNon(s.meme_commune) },
    { libelle: "Même SIRET", valeur: ouiNon(s.siret) },
    { libelle: "Même téléphone", valeur: ouiNon(s.telephone) },
    { libelle: "Un courriel en commun", valeur: ouiNon(s.courriel) },
    { libelle: "Même site web", valeur: ouiNon(s.domaine) },
    { libelle: "Deux France services dans la même commune", valeur: ouiNon(s.france_services) },
  ];
}

/** How the score is read, for the page. */
export const EXPLICATION_SCORE =
  "Le score va de 0 à 100 %. Le nom compte pour 60 % et l'adresse pour 40 % ; une distance précise confirme ou contredit ; un SIRET, un téléphone, un courriel ou un site en commun ajoutent des points. À partir de 80 %, l'import fusionne seul ; entre 55 et 80 %, il demande l'avis d'une personne.";
