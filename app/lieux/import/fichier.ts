import { parse } from "csv-parse/sync";
import { ErreurPasserelle } from "~/platform/erreurs";

/** A file that cannot be read at all (encoding, separator, missing columns…): exit code 1. */
export class FichierInutilisable extends ErreurPasserelle {
  constructor(message: string) {
    super("entree_invalide", message);
    this.name = "FichierInutilisable";
  }
}

/** One record of a file with its spreadsheet row number (header = 1, first record = 2). */
export interface EnregistrementLu {
  ligne: number;
  valeurs: Record<string, unknown>;
  /** Set when the row itself is broken (e.g. wrong number of cells). */
  erreurStructure?: string;
}

/** Longer cells are refused: they are never legitimate in a place record and bloat storage. */
export const TAILLE_MAX_CELLULE = 10_000;

/** UTF-8 with or without BOM; a Latin-1 file is refused with an explanation rather than garbled. */
export function decoderTexte(octets: Uint8Array): string {
  if (octets.length === 0) throw new FichierInutilisable("Le fichier est vide.");
  let texte: string;
  try {
    texte = new TextDecoder("utf-8", { fatal: true }).decode(octets);
  } catch {
    throw new FichierInutilisable(
      "Le fichier n'est pas encodé en UTF-8 : il semble être en Latin-1 (ISO-8859-1 ou Windows-1252). " +
        "Enregistrez-le en « CSV UTF-8 » depuis votre tableur puis recommencez.",
    );
  }
  if (texte.charCodeAt(0) === 0xfeff) texte = texte.slice(1);
  if (texte.trim() === "") throw new FichierInutilisable("Le fichier est vide.");
  return texte;
}

function premiereLigne(texte: string): string {
  const fin = texte.search(/\r?\n/);
  return fin === -1 ? texte : texte.slice(0, fin);
}

function compter(ligne: string, caractere: string): number {
  let n = 0;
  let entreGuillemets = false;
  for (const c of ligne) {
    if (c === '"') entreGuillemets = !entreGuillemets;
    else if (c === caractere && !entreGuillemets) n++;
  }
  return n;
}

export interface OptionsCsv {
  separateur: "," | ";";
  colonnesRequises: readonly string[];
}

/**
 * Reads a CSV file into records keyed by column name. Every broken row is kept and flagged
 * (so the report can name it) instead of stopping the whole file.
 */
export function lireCsv(texte: string, options: OptionsCsv): { colonnes: string[]; enregistrements: EnregistrementLu[] } {
  const entete = premiereLigne(texte);
  const attendu = compter(entete, options.separateur);
  const autres = ([",", ";", "\t"] as const).filter((s) => s !== options.separateur);
  for (const autre of autres) {
    if (attendu === 0 && compter(entete, autre) > 0) {
      const nom = autre === "\t" ? "tabulation" : `« ${autre} »`;
      throw new FichierInutilisable(
        `Séparateur de colonnes inattendu : ${nom} au lieu de « ${options.separateur} ». ` +
          `Enregistrez le fichier en CSV séparé par des « ${options.separateur} ».`,
      );
    }
  }
  let lignes: string[][];
  try {
    lignes = parse(texte, {
      delimiter: options.separateur,
      relax_column_count: true,
      skip_empty_lines: true,
      bom: true,
    });
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    throw new FichierInutilisable(`Le fichier CSV est mal formé (guillemets non refermés ?) : ${detail}`);
  }
  const [colonnesBrutes, ...corps] = lignes;
  if (!colonnesBrutes) throw new FichierInutilisable("Le fichier est vide.");
  const colonnes = colonnesBrutes.map((c) => c.trim());
  const manquantes = options.colonnesRequises.filter((c) => !colonnes.includes(c));
  if (manquantes.length > 0) {
    throw new FichierInutilisable(
      `Colonnes obligatoires absentes de l'en-tête : ${manquantes.join(", ")}. ` + `Colonnes trouvées : ${colonnes.join(", ")}.`,
    );
  }
  const enregistrements = corps.map((cellules, i): EnregistrementLu => {
    const valeurs: Record<string, string> = {};
    colonnes.forEach((c, j) => {
      valeurs[c] = cellules[j] ?? "";
    });
    const ligne = i + 2;
    if (cellules.length !== colonnes.length) {
      return {
        ligne,
        valeurs,
        erreurStructure: `La ligne a ${cellules.length} cellule(s) au lieu de ${colonnes.length} (une virgule ou un guillemet en trop ?).`,
      };
    }
    return { ligne, valeurs };
  });
  return { colonnes, enregistrements };
}

/** Reads a JSON array of objects; element i is reported as line i + 2, like a spreadsheet row. */
export function lireJson(texte: string, colonnesRequises: readonly string[]): EnregistrementLu[] {
  let donnees: unknown;
  try {
    donnees = JSON.parse(texte);
  } catch (e) {
    throw new FichierInutilisable(`Le fichier n'est pas un JSON valide : ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!Array.isArray(donnees)) throw new FichierInutilisable("Le fichier JSON doit contenir un tableau d'objets.");
  const objets = donnees.map((element, i): EnregistrementLu => {
    if (typeof element !== "object" || element === null || Array.isArray(element)) {
      return { ligne: i + 2, valeurs: {}, erreurStructure: "L'enregistrement n'est pas un objet JSON." };
    }
    return { ligne: i + 2, valeurs: Object.fromEntries(Object.entries(element)) };
  });
  if (objets.length > 0 && colonnesRequises.length > 0) {
    const presentes = new Set(objets.flatMap((o) => Object.keys(o.valeurs)));
    const manquantes = colonnesRequises.filter((c) => !presentes.has(c));
    if (manquantes.length > 0) throw new FichierInutilisable(`Champs obligatoires absents de tous les enregistrements : ${manquantes.join(", ")}.`);
  }
  return objets;
}

/** A JSON or CSV value as the validator's string: lists joined with `|`, numbers in plain decimal. */
export function enTexte(valeur: unknown): string {
  if (valeur === null || valeur === undefined) return "";
  if (typeof valeur === "string") return valeur;
  if (typeof valeur === "number" || typeof valeur === "boolean") return String(valeur);
  if (Array.isArray(valeur)) return valeur.map(enTexte).join("|");
  return JSON.stringify(valeur);
}
