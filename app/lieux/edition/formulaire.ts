import { CHAMPS } from "../standard/champs";
import type { LieuStandard } from "../standard/lieu";
import { estChampListe, estChampModifiable, valeurDe, versTexte, type ChampModifiable, type Modifications } from "./champs";
import { depuisHoraires, enMots, grilleDuFormulaire, versHoraires } from "./horaires-grille";
import { horaires as validerHoraires } from "../standard/valeurs/horaires";

/**
 * The edit form's state: every editable field as text (lists joined with "|"), as the form shows it.
 * The page keeps the values it started from (`origine`) so that only the fields the person changed
 * are sent: a concurrent edit of another field is never overwritten, even when keeping one's values.
 */
export type TexteLieu = Record<ChampModifiable, string>;

export const CHAMPS_FORMULAIRE = CHAMPS.filter(estChampModifiable);
/** Free lists typed one value per line. */
export const LISTES_LIBRES = ["courriels", "site_web", "autres_formations_labels"] as const;

export function texteDuLieu(lieu: LieuStandard): TexteLieu {
  const t = texteVide();
  for (const c of CHAMPS_FORMULAIRE) t[c] = versTexte(valeurDe(lieu, c));
  return t;
}

/** Every field empty (a literal: the type then proves no field is forgotten). */
export function texteVide(): TexteLieu {
  return {
    pivot: "",
    nom: "",
    commune: "",
    code_postal: "",
    code_insee: "",
    adresse: "",
    complement_adresse: "",
    latitude: "",
    longitude: "",
    typologie: "",
    telephone: "",
    courriels: "",
    site_web: "",
    horaires: "",
    presentation_resume: "",
    presentation_detail: "",
    itinerance: "",
    structure_parente: "",
    services: "",
    publics_specifiquement_adresses: "",
    prise_en_charge_specifique: "",
    frais_a_charge: "",
    dispositif_programmes_nationaux: "",
    formations_labels: "",
    autres_formations_labels: "",
    modalites_acces: "",
    modalites_accompagnement: "",
    fiche_acces_libre: "",
    prise_rdv: "",
  };
}

export interface FormulaireLu {
  texte: TexteLieu;
  origine: TexteLieu;
  version: number;
  /** "grille" or "expert": which of the two hours inputs is authoritative. */
  modeHoraires: "grille" | "expert";
  erreursHoraires: string[];
  /** The fields changed from `origine`, as modifications. */
  modifications: Modifications;
}

/** Reads a posted edit form; `lire` / `lireTous` are FormData's get / getAll as strings. */
export function lireFormulaire(lire: (nom: string) => string, lireTous: (nom: string) => string[]): FormulaireLu {
  const texte = texteVide();
  for (const c of CHAMPS_FORMULAIRE) {
    if (c === "horaires") continue;
    if (LISTES_LIBRES.some((l) => l === c)) texte[c] = lire(c).split(/\r?\n/).map((v) => v.trim()).filter((v) => v !== "").join("|");
    else if (estChampListe(c)) texte[c] = lireTous(c).join("|");
    else texte[c] = lire(c).trim();
  }
  const modeHoraires = lire("horaires_mode") === "expert" ? "expert" : "grille";
  const { grille, erreurs } = grilleDuFormulaire(lire);
  texte.horaires = modeHoraires === "expert" ? lire("horaires").trim() : versHoraires(grille);
  let origine = texteVide();
  try {
    const brut: unknown = JSON.parse(lire("origine"));
    if (typeof brut === "object" && brut !== null) for (const c of CHAMPS_FORMULAIRE) origine[c] = String(Reflect.get(brut, c) ?? "");
  } catch {
    origine = { ...texte };
  }
  const modifications: Modifications = {};
  for (const c of CHAMPS_FORMULAIRE) if (texte[c] !== origine[c]) modifications[c] = texte[c];
  const version = Number.parseInt(lire("version"), 10);
  return { texte, origine, version: Number.isFinite(version) ? version : 0, modeHoraires, erreursHoraires: modeHoraires === "grille" ? erreurs : [], modifications };
}

/** The hours in words for the preview, or the French message of the library for an unreadable string. */
export function apercuHoraires(horaires: string): { ok: boolean; texte: string } {
  if (horaires.trim() === "") return { ok: true, texte: "Aucun horaire d'ouverture indiqué." };
  const r = validerHoraires(horaires);
  if (!r.ok) return { ok: false, texte: r.message };
  const g = depuisHoraires(horaires);
  return { ok: true, texte: g ? enMots(g) : `Horaires au format OpenStreetMap : ${horaires}` };
}
