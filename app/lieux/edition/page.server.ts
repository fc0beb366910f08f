import type { BaseDeDonnees } from "~/platform/db/connexion.server";
import type { Referentiel } from "~/territoire/types";
import type { LigneLieu } from "../lignes";
import { versLieuStandard } from "../lignes";
import type { ValeurChamp } from "./champs";
import { apercuHoraires, CHAMPS_FORMULAIRE, lireFormulaire, texteDuLieu, type TexteLieu } from "./formulaire";
import { depuisHoraires } from "./horaires-grille";
import { modifierLieu, restaurerVersion } from "./modifier.server";

/** What the edit page's form shows (the serialisable state of FormulaireLieu). */
export interface EtatEdition {
  texte: TexteLieu;
  origine: TexteLieu;
  version: number;
  modeHoraires: "grille" | "expert";
  apercu?: { ok: boolean; texte: string } | undefined;
  erreurs: Record<string, string[]>;
}

export type IssueEdition =
  | { type: "redirection"; vers: string }
  | { type: "apercu" | "invalide"; etat: EtatEdition }
  | { type: "conflit"; etat: EtatEdition; differences: { champ: string; vous: ValeurChamp; actuelle: ValeurChamp }[] };

export function etatDepuisLieu(ligne: LigneLieu): EtatEdition {
  const texte = texteDuLieu(versLieuStandard(ligne));
  return { texte, origine: texte, version: ligne.version, modeHoraires: depuisHoraires(texte.horaires) ? "grille" : "expert", apercu: apercuHoraires(texte.horaires), erreurs: {} };
}

const liste = (t: string): ValeurChamp => (t.includes("|") ? t.split("|") : t);

/** One POST of the edit page: preview the hours, save (errors, conflict), or restore a history entry. */
export async function traiterEdition(db: BaseDeDonnees, referentiel: Referentiel, lieuId: string, utilisateur: { id: string }, form: FormData): Promise<IssueEdition> {
  const lire = (n: string) => {
    const v = form.get(n);
    return typeof v === "string" ? v : "";
  };
  const retour = `/lieux/${lieuId}/modifier`;
  if (lire("intention") === "restaurer") {
    const r = await restaurerVersion(db, referentiel, { lieuId, versionAttendue: Number(lire("version")), historiqueId: lire("historique"), utilisateur });
    return { type: "redirection", vers: `${retour}?message=${r.type === "conflit" ? "restauration-conflit" : "restaure"}` };
  }
  const lu = lireFormulaire(lire, (n) => form.getAll(n).flatMap((v) => (typeof v === "string" ? [v] : [])));
  const etat: EtatEdition = { texte: lu.texte, origine: lu.origine, version: lu.version, modeHoraires: lu.modeHoraires, apercu: apercuHoraires(lu.texte.horaires), erreurs: {} };
  if (lu.erreursHoraires.length > 0) etat.erreurs.horaires = lu.erreursHoraires;
  if (lire("intention") === "previsualiser") {
    // Rights are checked like a save, with no change: a preview reveals nothing the form did not hold.
    await modifierLieu(db, referentiel, { lieuId, versionAttendue: lu.version, modifications: {}, utilisateur });
    return { type: "apercu", etat };
  }
  if (lu.erreursHoraires.length > 0) return { type: "invalide", etat };
  const r = await modifierLieu(db, referentiel, { lieuId, versionAttendue: lu.version, modifications: lu.modifications, utilisateur });
  if (r.type === "modifie" || r.type === "inchange") return { type: "redirection", vers: `/lieux/${lieuId}?modification=${r.type === "modifie" ? "enregistree" : "aucune"}` };
  if (r.type === "invalide") {
    for (const e of r.erreurs) (etat.erreurs[e.champ] ??= []).push(e.message);
    return { type: "invalide", etat };
  }
  // Conflict: the person's values stay in the form, now based on the stored version (saving again keeps them).
  const actuel = texteDuLieu(versLieuStandard(r.actuel));
  const differences = CHAMPS_FORMULAIRE.filter((c) => c in lu.modifications && actuel[c] !== lu.texte[c]).map((c) => ({ champ: c, vous: liste(lu.texte[c]), actuelle: liste(actuel[c]) }));
  // Fields the person did not touch take the stored values, so saving again only re-applies their own changes.
  const texte = { ...actuel };
  for (const c of CHAMPS_FORMULAIRE) if (c in lu.modifications) texte[c] = lu.texte[c];
  return { type: "conflit", etat: { ...etat, texte, origine: actuel, version: r.actuel.version, apercu: apercuHoraires(texte.horaires) }, differences };
}
