import type { ChampListe } from "../champs";
import { ENUMERATIONS } from "../enumerations";
import { VARIANTES, type Variante } from "../variantes";
import { courriel } from "./courriel";
import { cite, succes, type Resultat } from "./resultat";
import { texte } from "./texte";
import { url } from "./url";

/** Something said about one item of the list (a conversion, or a value dropped). */
export interface Remarque {
  valeur: string;
  message: string;
}

export interface ListeNormalisee {
  valeurs: string[];
  remarques: Remarque[];
}

/**
 * Loose matching key: case, accents, apostrophe style, spaces and punctuation do not matter.
 * enumerations.test.ts checks that no two values of one vocabulary share a key, so it stays unambiguous.
 */
export function cleEnumeration(valeur: string): string {
  return valeur.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/[^a-z0-9]/g, "");
}

interface Index {
  valeurs: Map<string, string>;
  variantes: Map<string, Variante & { de: string }>;
}

const index = new Map<ChampListe, Index>();

function indexDe(champ: ChampListe, enumeration: readonly string[]): Index {
  const deja = index.get(champ);
  if (deja) return deja;
  const nouveau: Index = {
    valeurs: new Map(enumeration.map((v) => [cleEnumeration(v), v])),
    variantes: new Map(Object.entries(VARIANTES[champ] ?? {}).map(([de, v]) => [cleEnumeration(de), { ...v, de }])),
  };
  index.set(champ, nouveau);
  return nouveau;
}

type Element = { valeurs: readonly string[]; message?: string } | { message: string };

function joindre(valeurs: readonly string[]): string {
  return valeurs.map((v) => `« ${v} »`).join(", ");
}

function resoudre(item: string, idx: Index): { valeurs: readonly string[]; message?: string } | undefined {
  const exacte = idx.valeurs.get(cleEnumeration(item));
  if (exacte) return { valeurs: [exacte] };
  const variante = idx.variantes.get(cleEnumeration(item));
  if (variante) return { valeurs: variante.vers, message: `${cite(item)} (${variante.raison}) converti en ${joindre(variante.vers)}.` };
  return undefined;
}

function element(item: string, champ: ChampListe): Element {
  const enumeration = ENUMERATIONS[champ];
  if (enumeration) {
    const idx = indexDe(champ, enumeration);
    const trouve = resoudre(item, idx);
    if (trouve) return trouve;
    // Long labels of v0.1 and of the v1 descriptions: "Gratuit : Je peux accéder…", "Seul : j'ai accès…".
    const avantDeuxPoints = item.split(":")[0] ?? "";
    const court = avantDeuxPoints !== item ? resoudre(avantDeuxPoints, idx) : undefined;
    if (court) return { valeurs: court.valeurs, message: `Libellé long ${cite(item)} ramené à ${joindre(court.valeurs)}.` };
    const admises = enumeration.length <= 12 ? `Valeurs admises : ${enumeration.join(" | ")}.` : `Valeurs admises : codes de typologie data·inclusion (ex. ASSO, BIB, CCAS, EPN, MUNI, TIERS_LIEUX).`;
    return { message: `Valeur ${cite(item)} inconnue du standard pour « ${champ} », ignorée. ${admises}` };
  }
  const r = champ === "courriels" ? courriel(item) : champ === "site_web" ? url(item) : texte(item);
  if (!r.ok) return { message: `${r.message} Valeur ignorée.` };
  return r.avertissement === undefined ? { valeurs: [r.valeur] } : { valeurs: [r.valeur], message: r.avertissement };
}

/**
 * A multi-valued field. Split on `|` (or on `;` when there is no `|`: the separator of v0.1 files),
 * items trimmed, empties and duplicates dropped. Enumerated fields keep only standard values, matched
 * loosely and returned in their canonical spelling; known variants are converted; unknown values are
 * dropped. Every conversion or drop is a `Remarque` on that item; spacing, case, accents and
 * apostrophes are fixed silently.
 */
export function liste(brut: string, champ: ChampListe): Resultat<ListeNormalisee> {
  const remarques: Remarque[] = [];
  let morceaux = brut.split("|");
  if (morceaux.length === 1 && brut.includes(";")) {
    morceaux = brut.split(";");
    if (morceaux.filter((m) => m.trim() !== "").length > 1) {
      remarques.push({ valeur: brut, message: "Séparateur « ; » (version 0.1 du standard) remplacé par « | »." });
    }
  }
  const valeurs: string[] = [];
  for (const morceau of morceaux) {
    const item = morceau.replace(/\s+/g, " ").trim();
    if (item === "") continue;
    const resultat = element(item, champ);
    if (resultat.message !== undefined) remarques.push({ valeur: item, message: resultat.message });
    if ("valeurs" in resultat) valeurs.push(...resultat.valeurs.filter((v) => !valeurs.includes(v)));
  }
  return succes({ valeurs, remarques });
}
