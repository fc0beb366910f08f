import { normaliserNom } from "~/territoire/normaliser";

/** What the matcher needs to know of a place. */
export interface Empreinte {
  nom: string;
  adresse: string;
  code_insee: string | undefined;
  latitude: number | undefined;
  longitude: number | undefined;
  /** True when the point is only the commune's: then distance says nothing. */
  positionApprochee: boolean;
  pivot: string;
  telephone: string | undefined;
  courriels: readonly string[];
  site_web: readonly string[];
  dispositif_programmes_nationaux: readonly string[];
}

export interface Signaux {
  nom: number;
  adresse: number;
  /** Metres between the two points, null when one of them has no precise position. */
  distance_m: number | null;
  siret: boolean;
  telephone: boolean;
  courriel: boolean;
  domaine: boolean;
  meme_commune: boolean;
  /** Both are labelled France services in the same commune: there is rarely more than one per commune. */
  france_services: boolean;
}

const ABREVIATIONS: Record<string, string> = {
  av: "avenue",
  ave: "avenue",
  bd: "boulevard",
  bld: "boulevard",
  pl: "place",
  r: "rue",
  rte: "route",
  che: "chemin",
  ch: "chemin",
  all: "allee",
  imp: "impasse",
  sq: "square",
  qu: "quai",
  fg: "faubourg",
  lot: "lotissement",
  res: "residence",
  za: "zone activite",
  zi: "zone industrielle",
};

/** Words that say what kind of place it is, not which one: they inflate name similarity. */
const MOTS_GENERIQUES = new Set(["de", "du", "des", "la", "le", "les", "l", "d", "et", "a", "au", "aux", "en"]);

function mots(texte: string): string[] {
  return normaliserNom(texte)
    .split(" ")
    .map((m) => ABREVIATIONS[m] ?? m)
    .filter((m) => m !== "" && !MOTS_GENERIQUES.has(m));
}

function trigrammes(texte: string): Set<string> {
  const s = `  ${texte} `;
  const t = new Set<string>();
  for (let i = 0; i + 3 <= s.length; i++) t.add(s.slice(i, i + 3));
  return t;
}

function dice(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let commun = 0;
  for (const x of a) if (b.has(x)) commun++;
  return (2 * commun) / (a.size + b.size);
}

/** 0..1: the better of trigram similarity and word overlap (word order and abbreviations vary between sources). */
export function similariteTexte(a: string, b: string): number {
  const ma = mots(a);
  const mb = mots(b);
  if (ma.length === 0 || mb.length === 0) return 0;
  const trig = dice(trigrammes(ma.join(" ")), trigrammes(mb.join(" ")));
  const sa = new Set(ma);
  const sb = new Set(mb);
  let commun = 0;
  for (const m of sa) if (sb.has(m)) commun++;
  const recouvrement = commun / Math.min(sa.size, sb.size);
  return Math.max(trig, 0.9 * recouvrement);
}

/** Street numbers must agree when both addresses have one. */
function numero(adresse: string): string | undefined {
  return /^\s*(\d+)/.exec(adresse)?.[1];
}

export function similariteAdresse(a: string, b: string): number {
  const na = numero(a);
  const nb = numero(b);
  const s = similariteTexte(a, b);
  return na !== undefined && nb !== undefined && na !== nb ? s * 0.5 : s;
}

export function distanceMetres(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = 6_371_008.8;
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * r * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Shared hosting and social networks say nothing about identity. */
const DOMAINES_COMMUNS = new Set(["facebook.com", "fr-fr.facebook.com", "m.facebook.com", "instagram.com", "linkedin.com", "twitter.com", "x.com", "youtube.com", "wixsite.com", "sites.google.com", "google.com", "free.fr", "wordpress.com", "jimdo.com", "france-services.gouv.fr", "aidantsconnect.beta.gouv.fr"]);

export function domaine(url: string): string | undefined {
  try {
    const hote = new URL(url).hostname.toLowerCase().replace(/^www\./, "");
    return DOMAINES_COMMUNS.has(hote) ? undefined : hote;
  } catch {
    return undefined;
  }
}

const PIVOT_INCONNU = /^0+$/;

function intersecte(a: readonly string[], b: readonly string[]): boolean {
  const s = new Set(a.map((x) => x.toLowerCase()));
  return b.some((x) => s.has(x.toLowerCase()));
}

export function calculerSignaux(a: Empreinte, b: Empreinte): Signaux {
  const precis = !a.positionApprochee && !b.positionApprochee;
  const distance =
    precis && a.latitude !== undefined && a.longitude !== undefined && b.latitude !== undefined && b.longitude !== undefined
      ? Math.round(distanceMetres(a.latitude, a.longitude, b.latitude, b.longitude))
      : null;
  const domainesA = a.site_web.map(domaine).filter((d) => d !== undefined);
  const domainesB = b.site_web.map(domaine).filter((d) => d !== undefined);
  return {
    nom: Math.round(similariteTexte(a.nom, b.nom) * 100) / 100,
    adresse: Math.round(similariteAdresse(a.adresse, b.adresse) * 100) / 100,
    distance_m: distance,
    siret: a.pivot !== "" && a.pivot === b.pivot && !PIVOT_INCONNU.test(a.pivot),
    telephone: a.telephone !== undefined && a.telephone === b.telephone,
    courriel: intersecte(a.courriels, b.courriels),
    domaine: intersecte(domainesA, domainesB),
    meme_commune: a.code_insee !== undefined && a.code_insee === b.code_insee,
    france_services:
      a.code_insee !== undefined &&
      a.code_insee === b.code_insee &&
      a.dispositif_programmes_nationaux.includes("France Services") &&
      b.dispositif_programmes_nationaux.includes("France Services"),
  };
}

/**
 * 0..1. Name and address carry the base; a precise distance confirms or contradicts;
 * identifiers (SIRET, phone, e-mail, website) add evidence. A far distance caps the score,
 * so that strong identifiers shared by a whole network (a town hall's SIRET) cannot merge
 * two places kilometres apart. Missing data is unknown, never a match.
 */
export function score(s: Signaux): number {
  let base = 0.6 * s.nom + 0.4 * s.adresse;
  if (s.distance_m !== null) {
    const proximite = s.distance_m <= 50 ? 1 : s.distance_m >= 1000 ? 0 : 1 - (s.distance_m - 50) / 950;
    base = 0.75 * base + 0.25 * proximite;
  }
  const preuves =
    (s.siret ? 0.12 : 0) + (s.telephone ? 0.15 : 0) + (s.courriel ? 0.15 : 0) + (s.domaine ? 0.06 : 0) + (s.france_services ? 0.1 : 0) +
    // The same name in the same commune is rarely two different places.
    (s.meme_commune && s.nom >= 0.95 ? 0.1 : 0);
  let total = Math.min(1, base + preuves);
  if (s.distance_m !== null && s.distance_m > 2000) total = Math.min(total, 0.4);
  return Math.round(total * 1000) / 1000;
}

/** At or above: merged automatically. Between the two: kept apart and listed for review. */
export const SEUIL_CERTAIN = 0.8;
export const SEUIL_INCERTAIN = 0.55;
