import type { LigneDiagnostic } from "../types";
import { formaterNombre } from "./textes";

/** A row to compare, with the unrounded offer figures and where its need figures come from. */
export interface Pair {
  ligne: LigneDiagnostic;
  /** Places per 10,000 inhabitants and mean distance to the nearest place, unrounded. */
  densite: number | null;
  distance: number | null;
  sources: { fragilite: string | null; exposition: string | null; ifn: string | null };
}

type Critere = "fragilite" | "exposition" | "ifn";

const BESOINS: Record<Critere, { valeur: (l: LigneDiagnostic) => number | null; texte: string }> = {
  fragilite: {
    valeur: (l) => l.fragilite_taux,
    texte: "le taux de fragilité socio-numérique (personnes de 65 ans et plus et personnes de moins de 65 ans sans diplôme ou avec le seul CEP, rapportées à la population)",
  },
  exposition: {
    valeur: (l) => l.exposition_taux,
    texte: "le taux d'exposition aux exigences numériques (foyers allocataires du RSA, de la prime d'activité, de l'AAH et demandeurs d'emploi, rapportés à la population)",
  },
  ifn: { valeur: (l) => l.ifn_total, texte: "le score global publié de l'indice de fragilité numérique (IFN, de 0 à 10)" },
};

/**
 * Ranks normalised to [0, 1] (0 = smallest value), ties sharing their mean rank; a single value
 * sits in the middle (0.5).
 */
export function rangsNormalises(valeurs: readonly number[]): number[] {
  const n = valeurs.length;
  if (n === 1) return [0.5];
  const ordre = valeurs.map((v, i) => ({ v, i })).sort((a, b) => a.v - b.v);
  const rangs = new Array<number>(n).fill(0);
  for (let debut = 0; debut < n; ) {
    let fin = debut;
    while (fin + 1 < n && ordre[fin + 1]?.v === ordre[debut]?.v) fin++;
    for (let k = debut; k <= fin; k++) rangs[ordre[k]?.i ?? 0] = (debut + fin) / 2 / (n - 1);
    debut = fin + 1;
  }
  return rangs;
}

const arrondi3 = (x: number) => Math.round(x * 1000) / 1000;
const sources = (pairs: readonly Pair[], c: Critere) => [...new Set(pairs.flatMap((p) => p.sources[c]?.split(" ; ") ?? []))].sort().join(" ; ");

function critere(pairs: readonly Pair[]): Critere | null {
  const tous = (c: Critere) => pairs.every((p) => BESOINS[c].valeur(p.ligne) !== null);
  if (tous("fragilite")) return "fragilite";
  if (tous("exposition")) return "exposition";
  return pairs.some((p) => p.ligne.ifn_total !== null) ? "ifn" : null;
}

/** Applies `f` to the non-null values and puts the results back in place (null elsewhere). */
function surConnues(valeurs: readonly (number | null)[], f: (v: number[]) => number[]): (number | null)[] {
  const connues = valeurs.flatMap((v) => (v === null ? [] : [v]));
  const resultats = f(connues);
  let k = 0;
  return valeurs.map((v) => (v === null ? null : (resultats[k++] ?? null)));
}

/**
 * Need, offer and gap among peers. Need = the rank of the first measure known for every peer
 * (fragility, else exposure), else of the IFN score; offer = mean rank of the places per 10,000
 * and of the nearness (inverse mean distance). `rang` 1 = largest gap; peers without a need value
 * get no score and come last. `criteres` says exactly which inputs were used.
 */
export function comparer(pairs: readonly Pair[], description: string): { lignes: LigneDiagnostic[]; criteres: string[] } {
  const c = critere(pairs);
  const besoins = pairs.map((p) => (c === null ? null : BESOINS[c].valeur(p.ligne)));
  const comparables = pairs.filter((_, i) => besoins[i] !== null);
  const rangsBesoin = surConnues(besoins, rangsNormalises);
  const densite = surConnues(
    pairs.map((p, i) => (besoins[i] === null ? null : p.densite)),
    rangsNormalises,
  );
  // Nearer is better: ranking the negated distance ranks the inverse distance.
  const proximite = surConnues(
    pairs.map((p, i) => (besoins[i] === null || p.distance === null ? null : -p.distance)),
    rangsNormalises,
  );

  const lignes = pairs.map((p, i): LigneDiagnostic => {
    const besoin = rangsBesoin[i] ?? null;
    const parts = [densite[i] ?? null, proximite[i] ?? null].filter((x): x is number => x !== null);
    const offre = besoin === null || parts.length === 0 ? null : parts.reduce((s, x) => s + x, 0) / parts.length;
    const ecart = besoin === null || offre === null ? null : besoin - offre;
    return { ...p.ligne, score_besoin: besoin, score_offre: offre, ecart, rang: null };
  });
  const ordre = [...lignes].sort(
    (a, b) =>
      Number(a.ecart === null) - Number(b.ecart === null) ||
      (b.ecart ?? 0) - (a.ecart ?? 0) ||
      (b.score_besoin ?? 0) - (a.score_besoin ?? 0) ||
      a.nom.localeCompare(b.nom, "fr"),
  );
  const classees = ordre.map((l, k) => ({
    ...l,
    score_besoin: l.score_besoin === null ? null : arrondi3(l.score_besoin),
    score_offre: l.score_offre === null ? null : arrondi3(l.score_offre),
    ecart: l.ecart === null ? null : arrondi3(l.ecart),
    rang: l.ecart === null ? null : k + 1,
  }));
  return { lignes: classees, criteres: criteres(pairs, c, comparables.length, description) };
}


function criteres(pairs: readonly Pair[], c: Critere | null, comparables: number, description: string): string[] {
  const n = formaterNombre(pairs.length);
  const phrases = [`Territoires comparés : ${description}.`];
  const connus = (x: Critere) => pairs.filter((p) => BESOINS[x].valeur(p.ligne) !== null).length;
  const combien = (x: Critere) => (connus(x) === 0 ? `connue pour aucun des ${n}` : `connue pour ${formaterNombre(connus(x))} sur ${n}`);
  if (c === null) {
    phrases.push("Besoin : ni la fragilité socio-numérique, ni l'exposition aux exigences numériques, ni l'indice de fragilité numérique ne sont connus pour ces territoires ; aucun score n'est calculé.");
    return phrases;
  }
  const retenu = `${BESOINS[c].texte}, classé de 0 (le plus faible) à 1 (le plus fort) parmi les territoires comparés`;
  const pourquoi =
    c === "fragilite"
      ? ""
      : c === "exposition"
        ? `la fragilité socio-numérique n'est pas connue pour tous les territoires comparés (${combien("fragilite")}) ; `
        : `ni la fragilité socio-numérique (${combien("fragilite")}) ni l'exposition aux exigences numériques (${combien("exposition")}) ne sont connues pour tous les territoires comparés ; `;
  const source = sources(pairs, c);
  phrases.push(`Besoin : ${pourquoi}${pourquoi ? "le besoin retenu est donc " : ""}${retenu}.${source ? ` Source : ${source}.` : ""}`);
  if (comparables < pairs.length) {
    const sans = pairs.filter((p) => BESOINS[c].valeur(p.ligne) === null).map((p) => p.ligne.nom);
    phrases.push(`Sans valeur de besoin, ${sans.length > 1 ? "ces territoires n'ont" : "ce territoire n'a"} pas de score et ${sans.length > 1 ? "sont placés" : "est placé"} en fin de liste : ${sans.join(", ")}.`);
  }
  phrases.push(
    "Offre : moyenne de deux classements de 0 à 1 parmi les mêmes territoires : le nombre de lieux de médiation numérique pour 10 000 habitants, et la proximité (distance moyenne, pondérée par la population des communes, au lieu le plus proche tous services confondus : plus elle est courte, plus le classement est haut).",
    "Écart = besoin − offre : rang 1 = le territoire où le besoin dépasse le plus l'offre. Les ex æquo partagent leur rang moyen dans chaque classement.",
  );
  return phrases;
}
