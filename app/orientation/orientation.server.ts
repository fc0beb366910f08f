import { rechercherLieux } from "~/lieux/recherche/rechercher.server";
import type { Criteres } from "~/lieux/recherche/criteres";
import type { CentreRecherche, LieuTrouve } from "~/lieux/recherche/resultat";
import type { BaseDeDonnees } from "~/platform/db/connexion.server";
import { ErreurPasserelle } from "~/platform/erreurs";
import type { Referentiel } from "~/territoire/types";
import { relachements } from "./choix";
import { lireParametresFiche, MAX_LIEUX_FICHE, versParametresFiche } from "./fiche";
import { lienVue, lireParcours, type Parcours } from "./parcours";

/** How many results the last screen lists: the nearest ones, enough to choose 1 to 3. */
export const LIEUX_PAR_PAGE_RESULTATS = 20;
const SUGGESTIONS_MAX = 3;

export interface Suggestion {
  libelle: string;
  lien: string;
  total: number;
}

export interface EtatOrientation {
  parcours: Parcours;
  /** Places matching every answer so far; undefined when the place typed is unknown. */
  total?: number;
  centre?: CentreRecherche;
  /** When nothing matches: answers to drop (or a longer distance) that do find places. */
  suggestions: Suggestion[];
  /** On the last screen: the nearest matching places. */
  lieux: LieuTrouve[];
  /** Places ticked on the last screen (kept when the choice must be corrected). */
  choisis: string[];
}

interface Options {
  maintenant: Date;
}

/** Either the screen to show, or where to go (the chosen places' sheet). */
export type IssueOrientation = { type: "ecran"; etat: EtatOrientation } | { type: "redirection"; vers: string };

async function compter(db: BaseDeDonnees, referentiel: Referentiel, c: Criteres, o: Options): Promise<number> {
  return (await rechercherLieux(db, referentiel, { ...c, page: 1, par_page: 1 }, o)).total;
}

/** The questionnaire's screen for a URL: answers read, count done, suggestions found when nothing matches. */
export async function preparerOrientation(db: BaseDeDonnees, referentiel: Referentiel, params: URLSearchParams, o: Options): Promise<IssueOrientation> {
  if (params.get("etape") === "fiche") return choisirLieux(db, referentiel, params, o);
  return { type: "ecran", etat: await ecran(db, referentiel, lireParcours(params), o) };
}

async function ecran(db: BaseDeDonnees, referentiel: Referentiel, parcours: Parcours, o: Options): Promise<EtatOrientation> {
  const resultats = parcours.vue === "resultats";
  const c = parcours.criteres;
  try {
    const r = await rechercherLieux(db, referentiel, { ...c, page: 1, par_page: resultats ? LIEUX_PAR_PAGE_RESULTATS : 1 }, o);
    const etat: EtatOrientation = { parcours, total: r.total, suggestions: [], lieux: resultats ? r.lieux : [], choisis: [] };
    if (r.centre) etat.centre = r.centre;
    if (r.total === 0) etat.suggestions = await suggestions(db, referentiel, parcours, o);
    return etat;
  } catch (e) {
    if (!(e instanceof ErreurPasserelle && e.code === "entree_invalide")) throw e;
    // The place typed is unknown: back to step 2 with the search's own message on the field.
    const erreur = { champ: "ou", message: e.details[0]?.message ?? e.message };
    const { ou: _ou, commune: _commune, ...sansLieu } = c;
    const vue = parcours.vue === 1 ? 1 : 2;
    const etat = await ecran(db, referentiel, { ...parcours, vue, criteres: sansLieu, erreurs: vue === 2 ? [erreur] : [] }, o);
    // The field keeps what was typed; on step 2 no count is shown for a place we could not find.
    const corrige: EtatOrientation = { parcours: { ...etat.parcours, criteres: c }, suggestions: etat.suggestions, lieux: etat.lieux, choisis: [] };
    if (vue === 1 && etat.total !== undefined) corrige.total = etat.total;
    return corrige;
  }
}

async function suggestions(db: BaseDeDonnees, referentiel: Referentiel, parcours: Parcours, o: Options): Promise<Suggestion[]> {
  const essais = await Promise.all(
    relachements(parcours.criteres).map(async (r) => ({ libelle: r.libelle, lien: lienVue(r.criteres, parcours.vue), total: await compter(db, referentiel, r.criteres, o) })),
  );
  return essais
    .filter((s) => s.total > 0)
    .sort((a, b) => b.total - a.total)
    .slice(0, SUGGESTIONS_MAX);
}

/** The results form: 1 to 3 places ticked go to the sheet; otherwise the list again, with the error. */
async function choisirLieux(db: BaseDeDonnees, referentiel: Referentiel, params: URLSearchParams, o: Options): Promise<IssueOrientation> {
  const choisis = params.getAll("lieux");
  const p = new URLSearchParams(params);
  p.delete("lieux");
  p.set("etape", "resultats");
  const parcours = lireParcours(p);
  const fiche = lireParametresFiche(new URLSearchParams([...choisis.map((id): [string, string] => ["lieux", id]), ...parcours.criteres.services.map((s): [string, string] => ["besoin", s])]));
  if (fiche.success && parcours.vue === "resultats") return { type: "redirection", vers: `/orientation/fiche?${versParametresFiche(fiche.data).toString()}` };
  const message =
    choisis.length === 0 ? "Cochez au moins un lieu pour préparer la fiche." : `Vous avez coché ${choisis.length} lieux : gardez-en ${MAX_LIEUX_FICHE} au plus.`;
  const etat = await ecran(db, referentiel, parcours, o);
  if (etat.parcours.vue === "resultats") etat.parcours = { ...etat.parcours, erreurs: [{ champ: "choix-lieux", message }] };
  return { type: "ecran", etat: { ...etat, choisis } };
}
