import type { DetailErreur } from "~/platform/erreurs";
import { appartient } from "~/platform/listes";
import { DESCRIPTION_MAX, OPERATEURS, REPONSE_MAX, STATUTS_REMONTEES, THEMES, type Operateur, type StatutRemontee, type Theme } from "./vocabulaire";

/**
 * Reading a field feedback (form or JSON) and an answer: every problem on its field, in plain French.
 * The texts are about an operator's procedure, never about a person: obvious personal data (an
 * address, a phone or file number) is refused, since the form's banner alone does not stop a paste.
 */

/** The territory, relative to the author's structure: its commune, its EPCI or its département. */
export const PORTEES = ["commune", "epci", "departement"] as const;
export type Portee = (typeof PORTEES)[number];

export const DEMARCHE_MAX = 200;
export const PERSONNES_MAX = 100_000;

export interface SaisieRemontee {
  /** The author's structure; null lets the use case take the person's only one. */
  structureId: string | null;
  operateur: Operateur;
  demarche: string;
  theme: Theme;
  description: string;
  personnes: number;
  portee: Portee;
}

/** The raw texts, as typed (shown again next to the errors). */
export interface TexteRemontee {
  structure: string;
  operateur: string;
  demarche: string;
  theme: string;
  description: string;
  personnes: string;
  territoire: string;
}

export type Lecture<T> = { ok: true; valeur: T } | { ok: false; erreurs: DetailErreur[] };

export function texteRemontee(form: FormData): TexteRemontee {
  const t = (cle: string) => {
    const v = form.get(cle);
    return typeof v === "string" ? v : "";
  };
  return { structure: t("structure"), operateur: t("operateur"), demarche: t("demarche"), theme: t("theme"), description: t("description"), personnes: t("personnes"), territoire: t("territoire") || "commune" };
}

/** The JSON body of `POST /api/v1/remontees`, with the API's field names; numbers may come as numbers. */
export function texteRemonteeJson(corps: unknown): TexteRemontee | null {
  if (typeof corps !== "object" || corps === null || Array.isArray(corps)) return null;
  const t = (cle: string): string => {
    const v: unknown = Reflect.get(corps, cle);
    return typeof v === "string" ? v : typeof v === "number" ? String(v) : "";
  };
  return {
    structure: t("structure_id"),
    operateur: t("operateur"),
    demarche: t("demarche"),
    theme: t("theme"),
    description: t("description"),
    personnes: t("personnes_concernees") || "1",
    territoire: t("territoire") || "commune",
  };
}

const COURRIEL = /[^\s@]+@[^\s@]+\.[^\s@]+/;
/** Seven digits or more, possibly grouped by spaces or dots: phone, social security, CAF or tax file numbers. */
const NUMERO = /\d(?:[ .]?\d){6,}/;

/** The message when a text looks like it holds personal data, or null. */
export function donneePersonnelle(texte: string): string | null {
  if (COURRIEL.test(texte)) return "Retirez l'adresse électronique : pas de données personnelles dans une remontée.";
  if (NUMERO.test(texte)) return "Retirez le numéro (téléphone, numéro de dossier ou d'allocataire…) : pas de données personnelles dans une remontée.";
  return null;
}

function texteLibre(brut: string, champ: string, nom: string, max: number, erreurs: DetailErreur[]): string {
  const texte = brut.trim();
  if (texte === "") erreurs.push({ champ, message: `Indiquez ${nom}.` });
  else if (texte.length > max) erreurs.push({ champ, message: `Ce texte ne doit pas dépasser ${max} caractères (il en compte ${texte.length}).` });
  else {
    const perso = donneePersonnelle(texte);
    if (perso) erreurs.push({ champ, message: perso });
  }
  return texte;
}

export function lireRemontee(t: TexteRemontee): Lecture<SaisieRemontee> {
  const erreurs: DetailErreur[] = [];
  const operateur = t.operateur;
  if (!appartient(OPERATEURS, operateur)) erreurs.push({ champ: "operateur", message: "Choisissez l'opérateur dans la liste." });
  const demarche = texteLibre(t.demarche.replace(/\s+/g, " "), "demarche", "la démarche en ligne concernée", DEMARCHE_MAX, erreurs);
  const theme = t.theme;
  if (!appartient(THEMES, theme)) erreurs.push({ champ: "theme", message: "Choisissez le thème dans la liste." });
  const description = texteLibre(t.description, "description", "ce qui se passe", DESCRIPTION_MAX, erreurs);
  const brut = t.personnes.trim().replace(/\s/g, "");
  const personnes = /^\d{1,6}$/.test(brut) ? Number(brut) : Number.NaN;
  if (!(personnes >= 1 && personnes <= PERSONNES_MAX)) erreurs.push({ champ: "personnes", message: "Indiquez un nombre de personnes entre 1 et 100 000." });
  const portee = t.territoire;
  if (!appartient(PORTEES, portee)) erreurs.push({ champ: "territoire", message: "Choisissez le territoire : la commune, l'EPCI ou le département de votre structure." });
  if (erreurs.length > 0 || !appartient(OPERATEURS, operateur) || !appartient(THEMES, theme) || !appartient(PORTEES, portee)) return { ok: false, erreurs };
  const structureId = t.structure.trim() === "" ? null : t.structure.trim();
  return { ok: true, valeur: { structureId, operateur, demarche, theme, description, personnes, portee } };
}

/** An answer or a detail of the thread; `champ` names the form's field. */
export function lireReponse(brut: string, champ = "reponse"): Lecture<string> {
  const erreurs: DetailErreur[] = [];
  const texte = texteLibre(brut, champ, "votre réponse", REPONSE_MAX, erreurs);
  return erreurs.length > 0 ? { ok: false, erreurs } : { ok: true, valeur: texte };
}

export interface FiltresLus {
  operateur: Operateur | null;
  theme: Theme | null;
  statut: StatutRemontee | null;
}

/** The list's filters from a query string; `erreurs` names each unknown value (the API answers 400, pages ignore it). */
export function lireFiltres(q: URLSearchParams): { filtres: FiltresLus; erreurs: DetailErreur[] } {
  const erreurs: DetailErreur[] = [];
  const un = <T extends string>(cle: string, liste: readonly T[]): T | null => {
    const v = q.get(cle) ?? "";
    if (v === "") return null;
    if (appartient(liste, v)) return v;
    erreurs.push({ champ: cle, message: `Valeur inconnue ; valeurs possibles : ${liste.join(", ")}.` });
    return null;
  };
  return { filtres: { operateur: un("operateur", OPERATEURS), theme: un("theme", THEMES), statut: un("statut", STATUTS_REMONTEES) }, erreurs };
}
