import { appartient } from "~/platform/listes";
import { ADAPTATEURS } from "../sources";
import { CHAMPS, CHAMPS_REQUIS, estChamp, type LigneBrute } from "../standard/champs";
import type { ProblemeImport } from "../standard/lieu";
import { decoderTexte, enTexte, lireCsv, lireJson, TAILLE_MAX_CELLULE, type EnregistrementLu } from "./fichier";

export const FORMATS_IMPORT = ["standard-csv", "standard-json", "cnfs-2022", "france-services", "aidants-connect"] as const;
export type FormatImport = (typeof FORMATS_IMPORT)[number];

export function estFormatImport(valeur: string): valeur is FormatImport {
  return appartient(FORMATS_IMPORT, valeur);
}

/** A record mapped to the standard's field names, not yet validated. */
export interface RecordALire {
  ligne: number;
  brut: LigneBrute;
  problemes: ProblemeImport[];
}

export interface Lecture {
  records: RecordALire[];
  /** Problems of the file as a whole (unknown columns…), reported on line 1. */
  problemesFichier: ProblemeImport[];
  /** The source name recorded when the command gives none. */
  sourceParDefaut: string | undefined;
}

function versBrut(lu: EnregistrementLu): RecordALire {
  const brut: LigneBrute = {};
  const problemes: ProblemeImport[] = [];
  if (lu.erreurStructure) {
    problemes.push({ line: lu.ligne, field: "*", severity: "error", value: "", message: lu.erreurStructure });
  }
  for (const [cle, valeur] of Object.entries(lu.valeurs)) {
    if (!estChamp(cle)) continue;
    const texte = enTexte(valeur);
    if (texte.length > TAILLE_MAX_CELLULE) {
      problemes.push({
        line: lu.ligne,
        field: cle,
        severity: "error",
        value: `${texte.slice(0, 200)}…`,
        message: `Cellule trop longue (${texte.length} caractères, maximum ${TAILLE_MAX_CELLULE}).`,
      });
      continue;
    }
    brut[cle] = texte;
  }
  return { ligne: lu.ligne, brut, problemes };
}

function colonnesInconnues(colonnes: Iterable<string>): ProblemeImport[] {
  const problemes: ProblemeImport[] = [];
  const vues = new Set(colonnes);
  for (const c of vues) {
    if (!estChamp(c)) {
      problemes.push({ line: 1, field: "*", severity: "warning", value: c, message: `Colonne « ${c} » inconnue du standard : ignorée.` });
    }
  }
  for (const c of CHAMPS) {
    if (!vues.has(c) && !appartient(CHAMPS_REQUIS, c)) {
      problemes.push({ line: 1, field: c, severity: "warning", value: "", message: `Colonne facultative « ${c} » absente : le champ restera vide.` });
    }
  }
  return problemes;
}

/** Decodes and parses a file of any supported format into standard-shaped records. */
export function lireFichier(octets: Uint8Array, format: FormatImport): Lecture {
  const texte = decoderTexte(octets);
  if (format === "standard-csv") {
    const { colonnes, enregistrements } = lireCsv(texte, { separateur: ",", colonnesRequises: CHAMPS_REQUIS });
    return { records: enregistrements.map(versBrut), problemesFichier: colonnesInconnues(colonnes), sourceParDefaut: undefined };
  }
  if (format === "standard-json") {
    const enregistrements = lireJson(texte, CHAMPS_REQUIS);
    const cles = enregistrements.flatMap((e) => Object.keys(e.valeurs));
    return { records: enregistrements.map(versBrut), problemesFichier: colonnesInconnues(cles), sourceParDefaut: undefined };
  }
  const adaptateur = ADAPTATEURS[format];
  const enregistrements =
    adaptateur.fichier === "json"
      ? lireJson(texte, adaptateur.colonnesRequises)
      : lireCsv(texte, { separateur: ",", colonnesRequises: adaptateur.colonnesRequises }).enregistrements;
  const records = enregistrements.map((lu): RecordALire => {
    if (lu.erreurStructure) {
      return { ligne: lu.ligne, brut: {}, problemes: [{ line: lu.ligne, field: "*", severity: "error", value: "", message: lu.erreurStructure }] };
    }
    const { brut, problemes } = adaptateur.convertir(lu.valeurs, lu.ligne);
    return { ligne: lu.ligne, brut, problemes };
  });
  return { records, problemesFichier: [], sourceParDefaut: adaptateur.format };
}
