import { enTexte, lireCsv, type EnregistrementLu } from "~/lieux/import/fichier";
import type { Referentiel } from "~/territoire/types";
import type { Niveau } from "../vocabulaire";
import type { LigneLue } from "./types";

/** Counts a character outside double quotes. */
function compter(ligne: string, caractere: string): number {
  let n = 0;
  let entreGuillemets = false;
  for (const c of ligne) {
    if (c === '"') entreGuillemets = !entreGuillemets;
    else if (c === caractere && !entreGuillemets) n++;
  }
  return n;
}

/**
 * Reads a `,`- or `;`-separated file (official files use `;`, a spreadsheet re-save often `,`):
 * the header decides. Encoding, BOM and broken rows are handled by the place import's reader.
 */
export function lireTableau(texte: string): { colonnes: string[]; enregistrements: EnregistrementLu[] } {
  const fin = texte.search(/\r?\n/);
  const entete = fin === -1 ? texte : texte.slice(0, fin);
  const separateur = compter(entete, ";") > compter(entete, ",") ? ";" : ",";
  return lireCsv(texte, { separateur, colonnesRequises: [] });
}

/** The file's column among accepted names, compared without case or surrounding spaces. */
export function trouverColonne(colonnes: readonly string[], candidats: readonly string[]): string | undefined {
  const voulus = candidats.map((c) => c.toLowerCase());
  for (const voulu of voulus) {
    const trouvee = colonnes.find((c) => c.trim().toLowerCase() === voulu);
    if (trouvee !== undefined) return trouvee;
  }
  return undefined;
}

export function cellule(lu: EnregistrementLu, colonne: string): string {
  return enTexte(lu.valeurs[colonne]).trim();
}

/** A number as official files and French spreadsheets write it: "1234.5", "1234,5", "1 234". */
export function lireNombre(texte: string): number | undefined {
  let t = texte.trim();
  if (/^-?\d{1,3}([ \u00a0\u202f]\d{3})+([.,]\d+)?$/.test(t)) t = t.replace(/[ \u00a0\u202f]/g, "");
  if (/^-?\d*,\d+$/.test(t)) t = t.replace(",", ".");
  if (!/^-?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(t)) return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}

/** Markers of an unpublished value (statistical secrecy, not available): skipped, not an error. */
export function estSecret(texte: string): boolean {
  return /^(n\.? ?d\.?|n\.? ?c\.?|secret|s|x|-|–|\.\.\.?|…|<\s*\d+([.,]\d+)?)$/i.test(texte.trim());
}

export const ANNEE_MIN = 1990;

export function lireAnnee(texte: string, maintenant = new Date()): number | undefined {
  const t = texte.trim();
  if (!/^\d{4}$/.test(t)) return undefined;
  const annee = Number(t);
  return annee >= ANNEE_MIN && annee <= maintenant.getFullYear() ? annee : undefined;
}

export type Localisation =
  | { statut: "ok"; niveau: Niveau; code: string; commune: string | null; rattachement?: { code: string; nom: string } }
  | { statut: "hors_region" }
  | { statut: "invalide"; message: string };

const MOTIF_COMMUNE = /^[0-9][0-9AB][0-9]{3}$/;
const MOTIF_IRIS = /^[0-9][0-9AB][0-9]{7}$/;
const MOTIF_SIREN = /^[0-9]{9}$/;

/** Upper case (2a004) and the leading zero a spreadsheet drops from 01001. */
function normaliserCode(brut: string): string {
  const c = brut.trim().toUpperCase();
  return /^\d{4}$/.test(c) || /^\d{8}$/.test(c) ? `0${c}` : c;
}

/** A commune code, current, former or délégué: the value belongs to the current commune. */
export function localiserCommune(referentiel: Referentiel, brut: string): Localisation {
  const code = normaliserCode(brut);
  if (!MOTIF_COMMUNE.test(code)) return { statut: "invalide", message: "Code de commune invalide : 5 caractères attendus (code INSEE)." };
  const commune = referentiel.commune(code);
  if (!commune) return { statut: "hors_region" };
  return { statut: "ok", niveau: "commune", code, commune: commune.code, ...(commune.code === code ? {} : { rattachement: { code: commune.code, nom: commune.nom } }) };
}

/** An IRIS code: its first 5 characters (or the file's commune column) name the commune. */
export function localiserIris(referentiel: Referentiel, brut: string, codeCommune?: string): Localisation {
  const code = normaliserCode(brut);
  if (!MOTIF_IRIS.test(code)) return { statut: "invalide", message: "Code IRIS invalide : 9 caractères attendus (code de commune puis 4 chiffres)." };
  const prefixe = code.slice(0, 5);
  if (codeCommune !== undefined && normaliserCode(codeCommune) !== prefixe) {
    return { statut: "invalide", message: `L'IRIS ${code} n'appartient pas à la commune ${codeCommune} indiquée sur la ligne.` };
  }
  const commune = referentiel.commune(prefixe);
  if (!commune) return { statut: "hors_region" };
  return { statut: "ok", niveau: "iris", code, commune: commune.code, ...(commune.code === prefixe ? {} : { rattachement: { code: commune.code, nom: commune.nom } }) };
}

export function localiserEpci(referentiel: Referentiel, brut: string): Localisation {
  const code = brut.trim();
  if (!MOTIF_SIREN.test(code)) return { statut: "invalide", message: "SIREN d'EPCI invalide : 9 chiffres attendus." };
  return referentiel.epci(code) ? { statut: "ok", niveau: "epci", code, commune: null } : { statut: "hors_region" };
}

/** A code of any level: 5 characters = commune; 9 = a Breton EPCI's SIREN, else an IRIS. */
export function localiserCode(referentiel: Referentiel, brut: string): Localisation {
  const code = normaliserCode(brut);
  if (MOTIF_COMMUNE.test(code)) return localiserCommune(referentiel, code);
  if (MOTIF_SIREN.test(code) && referentiel.epci(code)) return localiserEpci(referentiel, code);
  if (MOTIF_IRIS.test(code)) return localiserIris(referentiel, code);
  return { statut: "invalide", message: "Code inconnu : code INSEE de commune (5 caractères), code IRIS (9 caractères) ou SIREN d'EPCI (9 chiffres) attendu." };
}

/**
 * Applies a localisation to a row: an invalid code is an error, a code outside Bretagne marks the
 * row (counted, never listed), a former code is a warning naming the current commune.
 */
export function placer(ligne: LigneLue, champ: string, brut: string, localisation: Localisation): Extract<Localisation, { statut: "ok" }> | undefined {
  if (localisation.statut === "invalide") {
    ligne.problemes.push({ line: ligne.ligne, field: champ, severity: "error", value: brut, message: localisation.message });
    return undefined;
  }
  if (localisation.statut === "hors_region") {
    ligne.horsRegion = true;
    return undefined;
  }
  if (localisation.rattachement) {
    const { code, nom } = localisation.rattachement;
    ligne.problemes.push({
      line: ligne.ligne,
      field: champ,
      severity: "warning",
      value: brut,
      message: `Code d'une ancienne commune ou d'une commune déléguée : la valeur est rattachée à ${nom} (${code}).`,
    });
  }
  return localisation;
}

/**
 * One numeric cell of an official file: a number within [min, max] gives a value; a blank or a secrecy
 * marker is skipped with a warning (`absence` says why); anything else is an error.
 */
export function lireValeur(ligne: LigneLue, colonne: string, texte: string, bornes: { min: number; max?: number }, absence: string): number | undefined {
  const probleme = (severity: "error" | "warning", message: string) => {
    ligne.problemes.push({ line: ligne.ligne, field: colonne, severity, value: texte, message });
    return undefined;
  };
  if (texte === "" || estSecret(texte)) return probleme("warning", absence);
  const n = lireNombre(texte);
  if (n === undefined) return probleme("error", "Nombre attendu (par exemple 1234 ou 12,5).");
  if (bornes.max !== undefined && (n < bornes.min || n > bornes.max)) return probleme("error", `Score hors de l'échelle publiée (de ${bornes.min} à ${bornes.max}).`);
  if (n < bornes.min) return probleme("error", `Valeur négative : un nombre supérieur ou égal à ${bornes.min} est attendu.`);
  return n;
}

export function nouvelleLigne(lu: EnregistrementLu): LigneLue {
  const ligne: LigneLue = { ligne: lu.ligne, horsRegion: false, valeurs: [], problemes: [] };
  if (lu.erreurStructure) ligne.problemes.push({ line: lu.ligne, field: "*", severity: "error", value: "", message: lu.erreurStructure });
  return ligne;
}
