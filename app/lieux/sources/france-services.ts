import type { ProblemeImport } from "../standard/lieu";
import { avertissement, ligneBrute, texte, type Adaptateur } from "./adaptateur";

/** ANCT list of labelled France services (`liste-fs-AAAAMMJJ.csv`, one row per place). */

/** The rows carry no update date: the list's publication date stands for all of them. */
export const DATE_LISTE_FRANCE_SERVICES = "2024-08-01";

/** The file has no SIRET: the standard's conventional "unknown" pivot (the validator warns about it). */
const PIVOT_INCONNU = "00000000000000";

export const JOURS_FRANCE_SERVICES = [
  ["h_lundi", "Mo", "lundi"],
  ["h_mardi", "Tu", "mardi"],
  ["h_mercredi", "We", "mercredi"],
  ["h_jeudi", "Th", "jeudi"],
  ["h_vendredi", "Fr", "vendredi"],
  ["h_samedi", "Sa", "samedi"],
] as const;

export interface HorairesConvertis {
  /** OSM `opening_hours`, "" when no day has hours or one cell cannot be read. */
  horaires: string;
  /** Cells that could not be read, by French day name. */
  illisibles: { jour: string; valeur: string }[];
  /** Days whose ranges overlapped and were merged (likely a typing slip upstream). */
  chevauchements: { jour: string; valeur: string }[];
}

const PLAGE = /^(\d{1,2})\s*[:hH]\s*(\d{2})?\s*[-–]\s*(\d{1,2})\s*[:hH]\s*(\d{2})?$/;

/** "08:00 - 12:00 / 13:00 - 16:00" → minutes [[480,720],[780,960]], or null when unreadable. */
function lirePlages(cellule: string): { plages: [number, number][]; chevauche: boolean } | null {
  const plages: [number, number][] = [];
  for (const morceau of cellule.split("/")) {
    const m = PLAGE.exec(morceau.trim());
    if (!m) return null;
    const debut = Number(m[1]) * 60 + Number(m[2] ?? 0);
    const fin = Number(m[3]) * 60 + Number(m[4] ?? 0);
    if (Number(m[2] ?? 0) > 59 || Number(m[4] ?? 0) > 59 || fin > 24 * 60 || debut >= fin) return null;
    plages.push([debut, fin]);
  }
  plages.sort((a, b) => a[0] - b[0]);
  const fusion: [number, number][] = [];
  let chevauche = false;
  for (const p of plages) {
    const derniere = fusion.at(-1);
    if (derniere && p[0] < derniere[1]) {
      // Identical duplicates ("08:30 - 17:00 / 08:30 - 17:00") are harmless; other overlaps are suspicious.
      if (p[0] !== derniere[0] || p[1] !== derniere[1]) chevauche = true;
      derniere[1] = Math.max(derniere[1], p[1]);
    } else fusion.push([p[0], p[1]]);
  }
  return { plages: fusion, chevauche };
}

const hhmm = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

/** Converts the h_lundi…h_samedi cells to OSM opening_hours, merging identical consecutive days ("Mo-Fr"). */
export function horairesFranceServices(cellules: Record<string, unknown>): HorairesConvertis {
  const illisibles: HorairesConvertis["illisibles"] = [];
  const chevauchements: HorairesConvertis["chevauchements"] = [];
  const jours: { code: string; plages: string }[] = [];
  for (const [colonne, code, jour] of JOURS_FRANCE_SERVICES) {
    const valeur = texte(cellules[colonne]);
    if (valeur === "") {
      jours.push({ code, plages: "" });
      continue;
    }
    const lu = lirePlages(valeur);
    if (!lu) {
      illisibles.push({ jour, valeur });
      continue;
    }
    if (lu.chevauche) chevauchements.push({ jour, valeur });
    jours.push({ code, plages: lu.plages.map(([d, f]) => `${hhmm(d)}-${hhmm(f)}`).join(",") });
  }
  if (illisibles.length > 0) return { horaires: "", illisibles, chevauchements };
  const regles: string[] = [];
  for (let i = 0; i < jours.length; ) {
    const premier = jours[i];
    let j = i;
    while (j + 1 < jours.length && jours[j + 1]?.plages === premier?.plages) j++;
    if (premier && premier.plages !== "") {
      const dernier = jours[j];
      regles.push(`${premier.code}${j > i && dernier ? `-${dernier.code}` : ""} ${premier.plages}`);
    }
    i = j + 1;
  }
  return { horaires: regles.join("; "), illisibles, chevauchements };
}

/** One cell of the file holds JavaScript escapes ("\x20", "\u2019") instead of characters. */
export function decoderEchappements(valeur: string): string {
  return valeur
    .replace(/\\x([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
    .replace(/\\u([0-9a-fA-F]{4})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

const RDV = String.raw`(?:rendez[- ]?vous|rdv)`;
const RDV_SEULEMENT = new RegExp(
  String.raw`(?:uniquement|seulement|exclusivement)\s+sur\s+${RDV}|${RDV}\s+uniquement|^\s*sur\s+${RDV}\s*\.?\s*$|^\s*accueil\s+sur\s+${RDV}`,
  "i",
);
/** "Uniquement sur RDV le lundi" or "sans RDV le matin" restrict only some slots: walk-ins remain possible. */
const RESTRICTION_PARTIELLE = new RegExp(
  String.raw`lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|matin|apr[eè]s[- ]?midi|sans\s+${RDV}`,
  "i",
);

/** True when the comment says the whole place works by appointment only. */
export function surRendezVousSeulement(commentaire: string): boolean {
  return RDV_SEULEMENT.test(commentaire) && !RESTRICTION_PARTIELLE.test(commentaire);
}

/**
 * `prise_rdv` is "Oui"/"Non", not a booking URL: "Oui" only says appointments can be made, by phone in practice.
 * France services take walk-ins by default, so "Se présenter" is kept unless the comment says appointment only.
 */
function modalitesAcces(priseRdv: string, commentaire: string, telephone: string, courriel: string): string[] {
  const seulementRdv = surRendezVousSeulement(commentaire);
  const m = seulementRdv ? [] : ["Se présenter"];
  if ((priseRdv.toLowerCase() === "oui" || seulementRdv) && telephone) m.push("Téléphoner");
  if (seulementRdv && !telephone && courriel) m.push("Contacter par mail");
  return m;
}

export const franceServices: Adaptateur = {
  format: "france-services",
  nomSource: "France services (ANCT, 2024-08-01)",
  fichier: "csv",
  colonnesRequises: ["id_fs", "lib_fs", "adresse", "code_postal", "lib_com"],
  convertir(e, ligne) {
    const problemes: ProblemeImport[] = [];
    const h = horairesFranceServices(e);
    for (const { jour, valeur } of h.illisibles) {
      problemes.push(avertissement(ligne, "horaires", valeur, `Horaires du ${jour} illisibles (« ${valeur} ») : horaires laissés vides.`));
    }
    for (const { jour, valeur } of h.chevauchements) {
      problemes.push(avertissement(ligne, "horaires", valeur, `Plages horaires du ${jour} qui se chevauchent (« ${valeur} ») : fusionnées.`));
    }
    const commentaire = decoderEchappements(texte(e.commentaire));
    const telephone = texte(e.telephone);
    const courriel = texte(e.mail);
    const format = texte(e.format_fs);
    const brut = ligneBrute({
      id: texte(e.id_fs),
      pivot: PIVOT_INCONNU,
      nom: texte(e.lib_fs),
      commune: texte(e.lib_com),
      code_postal: texte(e.code_postal),
      code_insee: texte(e.insee_com),
      adresse: texte(e.adresse),
      complement_adresse: texte(e.complement_adresse),
      latitude: texte(e.latitude),
      longitude: texte(e.longitude),
      typologie: ["RFS"],
      telephone,
      courriels: courriel,
      horaires: h.horaires,
      presentation_detail: commentaire,
      source: "France services (ANCT)",
      itinerance: [format === "Itinérante" || format === "Bus_équivalent" ? "Itinérant" : "Fixe"],
      structure_parente: texte(e.groupe_fs),
      date_maj: DATE_LISTE_FRANCE_SERVICES,
      // Helping with online administrative procedures is what the France services label is for.
      services: ["Aide aux démarches administratives"],
      // The label's charter: free of charge, one agent per person.
      frais_a_charge: ["Gratuit"],
      dispositif_programmes_nationaux: ["France Services"],
      modalites_acces: modalitesAcces(texte(e.prise_rdv), commentaire, telephone, courriel),
      modalites_accompagnement: ["Accompagnement individuel"],
    });
    return { brut, problemes };
  },
};
