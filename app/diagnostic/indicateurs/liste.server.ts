import { count } from "drizzle-orm";
import type { BaseDeDonnees } from "~/platform/db/connexion.server";
import { valeursIndicateurs } from "./indicateurs.schema";
import { CLES_INDICATEURS, estCleIndicateur, INDICATEURS, NIVEAUX } from "./vocabulaire";

/** One group of stored values: an indicator at one level for one year and source. */
export interface JeuIndicateur {
  indicateur: string;
  libelle: string;
  niveau: string;
  annee: number;
  source: string;
  valeurs: number;
}

function rang<T>(liste: readonly T[], valeur: T): number {
  const i = liste.indexOf(valeur);
  return i === -1 ? liste.length : i;
}

/** What is loaded (`npx passerelle indicateurs liste`), in the vocabulary's order, newest year first. */
export async function listerIndicateurs(db: BaseDeDonnees): Promise<JeuIndicateur[]> {
  const v = valeursIndicateurs;
  const groupes = await db
    .select({ indicateur: v.indicateur, niveau: v.niveau, annee: v.annee, source: v.source, valeurs: count() })
    .from(v)
    .groupBy(v.indicateur, v.niveau, v.annee, v.source);
  return groupes
    .map((g) => ({ ...g, libelle: estCleIndicateur(g.indicateur) ? INDICATEURS[g.indicateur].libelle : g.indicateur }))
    .sort(
      (a, b) =>
        rang<string>(CLES_INDICATEURS, a.indicateur) - rang<string>(CLES_INDICATEURS, b.indicateur) ||
        rang<string>(NIVEAUX, a.niveau) - rang<string>(NIVEAUX, b.niveau) ||
        b.annee - a.annee ||
        a.source.localeCompare(b.source, "fr"),
    );
}
