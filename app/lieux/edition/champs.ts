import { appartient } from "~/platform/listes";
import { CHAMPS, CHAMPS_LISTES, type Champ } from "../standard/champs";
import type { LieuStandard } from "../standard/lieu";

/**
 * The standard fields a person may edit. `id` is Passerelle's, `source` names the original data
 * producer and `date_maj` is set by every edit (the freshness loop), so none of them is typed in.
 */
export const CHAMPS_MODIFIABLES = CHAMPS.filter((c) => c !== "id" && c !== "source" && c !== "date_maj");
export type ChampModifiable = Exclude<Champ, "id" | "source" | "date_maj">;

export function estChampModifiable(nom: string): nom is ChampModifiable {
  return appartient(CHAMPS_MODIFIABLES, nom);
}

/** A field's value as edits carry it: the standard JSON's shapes, `null` (or "" / []) to empty it. */
export type ValeurChamp = string | number | readonly string[] | null;
export type Modifications = Partial<Record<ChampModifiable, ValeurChamp>>;

/** The value as the standard's flat record writes it (what the validator reads). */
export function versTexte(v: ValeurChamp | undefined): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return String(v);
  if (typeof v === "string") return v;
  return v.join("|");
}

/** A validated place's value of one field, in the history's JSON shape (absent → null). */
export function valeurDe(lieu: LieuStandard, champ: Champ): ValeurChamp {
  const v = lieu[champ];
  if (v === undefined) return null;
  if (Array.isArray(v)) return [...v];
  return typeof v === "number" || typeof v === "string" ? v : null;
}

export function memeValeur(a: ValeurChamp, b: ValeurChamp): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function estChampListe(champ: Champ): boolean {
  return appartient(CHAMPS_LISTES, champ);
}

/** Reads an untrusted JSON object (API body, history entry) into modifications, or the fields that are wrong. */
export function lireModifications(corps: unknown): { ok: true; modifications: Modifications } | { ok: false; erreurs: { champ: string; message: string }[] } {
  if (typeof corps !== "object" || corps === null || Array.isArray(corps)) return { ok: false, erreurs: [{ champ: "*", message: "Le corps doit être un objet JSON de champs du standard." }] };
  const modifications: Modifications = {};
  const erreurs: { champ: string; message: string }[] = [];
  for (const [champ, v] of Object.entries(corps)) {
    if (!estChampModifiable(champ)) {
      erreurs.push({ champ, message: `« ${champ} » n'est pas un champ modifiable du standard.` });
      continue;
    }
    const liste = estChampListe(champ);
    if (v === null || (liste && Array.isArray(v) && v.every((x) => typeof x === "string")) || (!liste && (typeof v === "string" || typeof v === "number")) || (liste && typeof v === "string")) {
      modifications[champ] = Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : v;
    } else erreurs.push({ champ, message: liste ? `« ${champ} » attend une liste de textes.` : `« ${champ} » attend un texte ou un nombre.` });
  }
  return erreurs.length > 0 ? { ok: false, erreurs } : { ok: true, modifications };
}
