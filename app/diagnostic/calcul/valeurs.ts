import type { Referentiel } from "~/territoire/types";
import { INDICATEURS, estCleIndicateur, type CleIndicateur } from "../indicateurs/vocabulaire";
import type { ValeurLue } from "./entrees";

/** The value of one indicator for one commune (or one EPCI), as the diagnostic uses it. */
export interface ValeurRetenue {
  valeur: number;
  annee: number;
  source: string;
  /** Summed from the commune's IRIS (no commune-level value published for that year). */
  depuisIris: boolean;
}

export type ValeursParCode = ReadonlyMap<string, ReadonlyMap<CleIndicateur, ValeurRetenue>>;

export interface ValeursIndexees {
  /** Counts and scores per current commune code. */
  communes: ValeursParCode;
  /** Scores published per EPCI (SIREN). */
  epcis: ValeursParCode;
  /** Indicators known for at least one commune of the region: tells "not imported" from "not published here". */
  presents: ReadonlyMap<CleIndicateur, Presence>;
}

/** Where an indicator is known in the region. */
export interface Presence {
  communes: number;
  sources: Set<string>;
  /** Every known value was summed from IRIS: the source publishes only the communes split into IRIS. */
  depuisIris: boolean;
}

/** code → indicator → year → what was published. */
type Index = Map<string, Map<CleIndicateur, Map<number, Annee>>>;

interface Somme {
  valeur: number;
  sources: Set<string>;
}

interface Annee {
  iris?: Somme;
  commune?: Somme;
  /** Scores: the value published under the commune's own current code is preferred. */
  scores: { code: string; valeur: number; source: string }[];
}

function ajouter(s: Somme | undefined, v: ValeurLue): Somme {
  const somme = s ?? { valeur: 0, sources: new Set<string>() };
  somme.valeur += v.valeur;
  somme.sources.add(v.source);
  return somme;
}

/**
 * Counts per current commune: IRIS values are summed to their commune, a commune-level value wins
 * over the IRIS ones of the same indicator and year (several former codes of one commune add up),
 * and the latest year is kept. Scores are never summed: a commune takes the score published under its
 * own code (or the only one published for it), an EPCI its own.
 */
export function indexerValeurs(valeurs: readonly ValeurLue[], referentiel: Referentiel): ValeursIndexees {
  const parCommune: Index = new Map();
  const parEpci: Index = new Map();
  const annee = (index: Index, code: string, indicateur: CleIndicateur, a: number): Annee => {
    let parIndicateur = index.get(code);
    if (!parIndicateur) index.set(code, (parIndicateur = new Map()));
    let annees = parIndicateur.get(indicateur);
    if (!annees) parIndicateur.set(indicateur, (annees = new Map()));
    let x = annees.get(a);
    if (!x) annees.set(a, (x = { scores: [] }));
    return x;
  };

  for (const v of valeurs) {
    if (!estCleIndicateur(v.indicateur) || !Number.isFinite(v.valeur)) continue;
    const score = INDICATEURS[v.indicateur].nature === "score";
    if (v.niveau === "epci") {
      if (score && referentiel.epci(v.code)) annee(parEpci, v.code, v.indicateur, v.annee).scores.push(v);
      continue;
    }
    const commune = v.commune === null ? undefined : referentiel.commune(v.commune)?.code;
    if (commune === undefined) continue;
    const x = annee(parCommune, commune, v.indicateur, v.annee);
    if (score) {
      if (v.niveau === "commune") x.scores.push(v);
    } else if (v.niveau === "commune") x.commune = ajouter(x.commune, v);
    else if (v.niveau === "iris") x.iris = ajouter(x.iris, v);
  }

  const presents = new Map<CleIndicateur, Presence>();
  const communes = retenir(parCommune, (i, v) => {
    const p = presents.get(i) ?? { communes: 0, sources: new Set<string>(), depuisIris: true };
    p.communes += 1;
    for (const s of v.source.split(" ; ")) p.sources.add(s);
    p.depuisIris &&= v.depuisIris;
    presents.set(i, p);
  });
  return { communes, epcis: retenir(parEpci, () => {}), presents };
}

/** The latest year that gives a value, per (code, indicator). */
function retenir(index: Index, vu: (i: CleIndicateur, v: ValeurRetenue) => void): ValeursParCode {
  const resultat = new Map<string, Map<CleIndicateur, ValeurRetenue>>();
  for (const [code, parIndicateur] of index) {
    const retenues = new Map<CleIndicateur, ValeurRetenue>();
    for (const [indicateur, annees] of parIndicateur) {
      for (const a of [...annees.keys()].sort((x, y) => y - x)) {
        const retenue = valeurDeLAnnee(code, a, annees.get(a));
        if (!retenue) continue;
        retenues.set(indicateur, retenue);
        vu(indicateur, retenue);
        break;
      }
    }
    if (retenues.size > 0) resultat.set(code, retenues);
  }
  return resultat;
}

function valeurDeLAnnee(code: string, annee: number, x: Annee | undefined): ValeurRetenue | undefined {
  if (!x) return undefined;
  const somme = x.commune ?? x.iris;
  if (somme) return { valeur: somme.valeur, annee, source: [...somme.sources].sort().join(" ; "), depuisIris: !x.commune };
  const score = x.scores.find((s) => s.code === code) ?? (x.scores.length === 1 ? x.scores[0] : undefined);
  return score ? { valeur: score.valeur, annee, source: score.source, depuisIris: false } : undefined;
}
