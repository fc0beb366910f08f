/**
 * The hours editor's model: per weekday up to two time ranges, closed dates, closed on public holidays.
 * It converts to and from the OSM `opening_hours` subset it can show; any other string is left to the
 * "Expert" field (`depuisHoraires` answers null). Pure, so the browser island uses it too.
 */

export const JOURS_OSM = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"] as const;
export const NOMS_JOURS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"] as const;
const MOIS_OSM = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;
const MOIS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"] as const;

export interface PlageGrille {
  debut: string;
  fin: string;
}

export interface Grille {
  /** Index 0 = Monday; each day 0 to 2 ranges "HH:MM". */
  jours: PlageGrille[][];
  /** ISO dates (YYYY-MM-DD) when the place is closed. */
  fermetures: string[];
  /** "PH off": closed on public holidays. */
  fermeJoursFeries: boolean;
}

export const grilleVide = (): Grille => ({ jours: JOURS_OSM.map(() => []), fermetures: [], fermeJoursFeries: false });

const HEURE = /^([01]\d|2[0-4]):[0-5]\d$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function plagesTexte(plages: PlageGrille[]): string {
  return plages.map((p) => `${p.debut}-${p.fin}`).join(",");
}

/** "Mo-Fr 09:00-12:00,14:00-18:00; Sa 09:00-12:00; 2025 Dec 24 off; PH off" ("" when nothing is open). */
export function versHoraires(g: Grille): string {
  const regles: string[] = [];
  let i = 0;
  while (i < 7) {
    const plages = g.jours[i] ?? [];
    let j = i;
    while (j + 1 < 7 && plages.length > 0 && plagesTexte(g.jours[j + 1] ?? []) === plagesTexte(plages)) j++;
    if (plages.length > 0) {
      const jours = j === i ? JOURS_OSM[i] : j === i + 1 ? `${JOURS_OSM[i]},${JOURS_OSM[j]}` : `${JOURS_OSM[i]}-${JOURS_OSM[j]}`;
      regles.push(`${jours} ${plagesTexte(plages)}`);
    }
    i = j + 1;
  }
  if (regles.length === 0) return "";
  for (const d of [...g.fermetures].sort()) {
    const m = DATE.exec(d);
    if (m) regles.push(`${m[1]} ${MOIS_OSM[Number(m[2]) - 1] ?? ""} ${m[3]} off`);
  }
  if (g.fermeJoursFeries) regles.push("PH off");
  return regles.join("; ");
}

function lireJours(selection: string): number[] | null {
  const jours: number[] = [];
  for (const morceau of selection.split(",")) {
    const [de, a] = morceau.split("-");
    const i = JOURS_OSM.findIndex((j) => j === de);
    const k = a === undefined ? i : JOURS_OSM.findIndex((j) => j === a);
    if (i < 0 || k < i) return null;
    for (let n = i; n <= k; n++) jours.push(n);
  }
  return jours;
}

/** The grid of an hours string, or null when the string says more than the grid can show. */
export function depuisHoraires(horaires: string): Grille | null {
  const g = grilleVide();
  if (horaires.trim() === "") return g;
  for (const regle of horaires.split(";").map((r) => r.trim())) {
    if (regle === "") continue;
    if (regle === "PH off") {
      g.fermeJoursFeries = true;
      continue;
    }
    const date = /^(\d{4}) ([A-Z][a-z]{2}) (\d{2}) off$/.exec(regle);
    if (date) {
      const mois = MOIS_OSM.findIndex((m) => m === date[2]);
      if (mois < 0) return null;
      g.fermetures.push(`${date[1]}-${String(mois + 1).padStart(2, "0")}-${date[3]}`);
      continue;
    }
    const m = /^([A-Za-z,-]+) ([0-9:,-]+)$/.exec(regle);
    const jours = m?.[1] === undefined ? null : lireJours(m[1]);
    if (!m?.[2] || !jours) return null;
    const plages = m[2].split(",").map((p) => {
      const [debut = "", fin = ""] = p.split("-");
      return { debut, fin };
    });
    if (plages.length > 2 || plages.some((p) => !HEURE.test(p.debut) || !HEURE.test(p.fin))) return null;
    for (const j of jours) {
      // A day named twice would mean "the later rule wins": beyond what the grid shows.
      if ((g.jours[j] ?? []).length > 0) return null;
      g.jours[j] = plages.map((p) => ({ ...p }));
    }
  }
  return g;
}

const heure = (hhmm: string) => hhmm.replace(/^0(\d)/, "$1").replace(":", " h ").replace(/ h 00$/, " h");

function datePhrase(iso: string): string {
  const m = DATE.exec(iso);
  return m ? `${Number(m[3]) === 1 ? "1er" : Number(m[3])} ${MOIS[Number(m[2]) - 1] ?? ""} ${m[1]}` : iso;
}

/** The hours in words: "Du lundi au vendredi : 9 h – 12 h et 14 h – 18 h. Samedi : 9 h – 12 h. Fermé les jours fériés." */
export function enMots(g: Grille): string {
  const phrases: string[] = [];
  let i = 0;
  while (i < 7) {
    const plages = g.jours[i] ?? [];
    let j = i;
    while (j + 1 < 7 && plages.length > 0 && plagesTexte(g.jours[j + 1] ?? []) === plagesTexte(plages)) j++;
    if (plages.length > 0) {
      const nom = (n: number) => NOMS_JOURS[n] ?? "";
      const jours = j === i ? nom(i) : j === i + 1 ? `${nom(i)} et ${nom(j)}` : `du ${nom(i)} au ${nom(j)}`;
      phrases.push(`${jours.charAt(0).toUpperCase()}${jours.slice(1)} : ${plages.map((p) => `${heure(p.debut)} – ${heure(p.fin)}`).join(" et ")}.`);
    }
    i = j + 1;
  }
  if (phrases.length === 0) return "Aucun horaire d'ouverture indiqué.";
  if (g.fermetures.length > 0) phrases.push(`Fermé le${g.fermetures.length > 1 ? "s" : ""} ${[...g.fermetures].sort().map(datePhrase).join(", ")}.`);
  if (g.fermeJoursFeries) phrases.push("Fermé les jours fériés.");
  return phrases.join(" ");
}

/** The grid posted by the form (fields h_<day>_<n>_debut / _fin, h_fermetures, h_feries); errors name the day. */
export function grilleDuFormulaire(lire: (nom: string) => string): { grille: Grille; erreurs: string[] } {
  const g = grilleVide();
  const erreurs: string[] = [];
  JOURS_OSM.forEach((_, i) => {
    for (const n of [1, 2]) {
      const debut = lire(`h_${i}_${n}_debut`).trim();
      const fin = lire(`h_${i}_${n}_fin`).trim();
      if (debut === "" && fin === "") continue;
      if (!HEURE.test(debut) || !HEURE.test(fin) || debut >= fin) {
        erreurs.push(`${NOMS_JOURS[i] ?? ""}, plage ${n} : indiquez une heure de début et une heure de fin plus tardive (par exemple 09:00 et 12:00).`);
        continue;
      }
      g.jours[i]?.push({ debut, fin });
    }
  });
  for (const ligne of lire("h_fermetures").split(/[\s,;]+/)) {
    if (ligne === "") continue;
    if (DATE.test(ligne)) g.fermetures.push(ligne);
    else erreurs.push(`Date de fermeture « ${ligne} » : écrivez-la sous la forme AAAA-MM-JJ (par exemple 2025-12-24).`);
  }
  g.fermeJoursFeries = lire("h_feries") !== "";
  return { grille: g, erreurs };
}
