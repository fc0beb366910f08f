import { JOURS, lireCriteres, schemaCriteres, versParametres, type Criteres } from "~/lieux/recherche/criteres";

/**
 * The orientation questionnaire lives entirely in the URL (no session, nothing stored): the search
 * criteria of `/lieux`, plus `etape` (which screen) and `quand` (the answer of step 4, turned into
 * criteria). Each step is a GET form, so the whole flow works without JavaScript.
 */

export type NumeroEtape = 1 | 2 | 3 | 4;
export type Vue = NumeroEtape | "resultats";

export const NOMBRE_ETAPES = 4;
export const RAYON_PAR_DEFAUT = 30;
export const RAYONS_KM = [5, 10, 20, 30, 50, 100] as const;

export const QUANDS = ["", "maintenant", "jour", "soir", "week_end"] as const;
export type Quand = (typeof QUANDS)[number];

export const TITRES_ETAPES: Record<NumeroEtape, string> = {
  1: "De quoi avez-vous besoin\u00a0?",
  2: "Où cherchez-vous\u00a0?",
  3: "Avez-vous besoin d'un accueil particulier\u00a0?",
  4: "Quand pouvez-vous y aller\u00a0?",
};

/** Which URL parameters each step asks for: the other steps' answers travel as hidden fields. */
export const CLES_ETAPES: Record<NumeroEtape, readonly string[]> = {
  1: ["services"],
  2: ["ou", "commune", "lat", "lon", "rayon_km"],
  3: ["publics", "prise_en_charge", "frais", "rendez_vous"],
  4: ["ouvert_maintenant", "jour", "heure", "soir", "week_end"],
};

export interface ErreurChamp {
  /** id of the field in error (the error summary links to it). */
  champ: string;
  message: string;
}

export interface Parcours {
  vue: Vue;
  criteres: Criteres;
  quand: Quand;
  /** Errors of the step shown (the flow goes back to the first step with a problem). */
  erreurs: ErreurChamp[];
}

const ERREURS_CRITERES: Record<string, { etape: NumeroEtape; champ: string; message: string }> = {
  ou: { etape: 2, champ: "ou", message: "Le nom de la commune est trop long." },
  commune: { etape: 2, champ: "ou", message: "Cette commune n'est pas reconnue. Tapez son nom ou son code postal." },
  lat: { etape: 2, champ: "ou", message: "Votre position n'a pas pu être lue. Tapez le nom de votre commune." },
  lon: { etape: 2, champ: "ou", message: "Votre position n'a pas pu être lue. Tapez le nom de votre commune." },
  rayon_km: { etape: 2, champ: "rayon_km", message: "Choisissez une distance dans la liste." },
  jour: { etape: 4, champ: "jour", message: "Choisissez un jour dans la liste." },
  heure: { etape: 4, champ: "heure", message: "Écrivez l'heure sous la forme 14:30, ou laissez vide." },
};

function lireVue(brut: string | null): Vue {
  if (brut === "resultats") return "resultats";
  const n = Number(brut);
  return n === 2 || n === 3 || n === 4 ? n : 1;
}

function rang(v: Vue): number {
  return v === "resultats" ? NOMBRE_ETAPES + 1 : v;
}

/** Step 4's single choice becomes the matching criteria; the other time criteria are dropped. */
function appliquerQuand(p: URLSearchParams): Quand {
  const brut = p.get("quand");
  const quand = QUANDS.find((q) => q === brut);
  if (quand === undefined) return quandDepuis(p);
  for (const cle of CLES_ETAPES[4]) if (!(quand === "jour" && (cle === "jour" || cle === "heure"))) p.delete(cle);
  p.delete("quand");
  if (quand === "maintenant") p.set("ouvert_maintenant", "1");
  if (quand === "soir") p.set("soir", "1");
  if (quand === "week_end") p.set("week_end", "1");
  return quand;
}

function quandDepuis(p: URLSearchParams): Quand {
  if (p.has("ouvert_maintenant")) return "maintenant";
  if (p.has("jour")) return "jour";
  if (p.has("soir")) return "soir";
  if (p.has("week_end")) return "week_end";
  return "";
}

/** Reads the questionnaire from the URL. Invalid values are dropped and reported on their step. */
export function lireParcours(params: URLSearchParams): Parcours {
  const p = new URLSearchParams(params);
  const demandee = lireVue(p.get("etape"));
  p.delete("etape");
  const quand = appliquerQuand(p);
  // "Autour de moi" and a typed commune exclude each other: the last one chosen wins.
  if (p.get("ou")?.trim()) {
    p.delete("lat");
    p.delete("lon");
  }
  const problemes: { etape: NumeroEtape; champ: string; message: string }[] = [];
  let lu = lireCriteres(p);
  while (!lu.success) {
    const cles = new Set(lu.error.issues.map((i) => String(i.path[0] ?? "")));
    for (const cle of cles) {
      problemes.push(ERREURS_CRITERES[cle] ?? { etape: 1, champ: "services", message: "Un choix n'a pas été compris ; vérifiez vos réponses." });
      p.delete(cle);
      if (cle === "lat" || cle === "lon") ["lat", "lon"].forEach((c) => p.delete(c));
    }
    lu = cles.size > 0 ? lireCriteres(p) : schemaCriteres.safeParse({});
  }
  const criteres: Criteres = { ...lu.data, rayon_km: lu.data.rayon_km ?? RAYON_PAR_DEFAUT, page: 1 };

  // What must be answered before going further.
  if (rang(demandee) > 1 && criteres.services.length === 0) {
    problemes.push({ etape: 1, champ: "services", message: "Choisissez au moins un besoin." });
  }
  if (rang(demandee) > 2 && criteres.ou === undefined && criteres.commune === undefined && criteres.lat === undefined) {
    problemes.push({ etape: 2, champ: "ou", message: "Tapez le nom de votre commune ou son code postal." });
  }
  if (rang(demandee) > 4 && quand === "jour" && criteres.jour === undefined) {
    problemes.push({ etape: 4, champ: "jour", message: "Choisissez un jour." });
  }
  const premiere = problemes.reduce<number>((min, e) => Math.min(min, e.etape), rang(demandee));
  const vue = premiere > NOMBRE_ETAPES ? "resultats" : lireVue(String(premiere));
  const erreurs = problemes.filter((e) => e.etape === vue).map(({ champ, message }) => ({ champ, message }));
  return { vue, criteres, quand: quandDepuis(versParametres(criteres)) || (quand === "jour" ? "jour" : ""), erreurs };
}

/** The URL query of the answers (without the screen), as `/lieux` and the API understand it. */
export function parametresReponses(criteres: Criteres, sauf: readonly string[] = []): URLSearchParams {
  const p = versParametres({ ...criteres, page: 1 });
  p.delete("par_page");
  for (const cle of sauf) p.delete(cle);
  return p;
}

/** Link to a screen of the questionnaire, keeping every answer. */
export function lienVue(criteres: Criteres, vue: Vue): string {
  const p = parametresReponses(criteres);
  if (vue !== 1) p.set("etape", String(vue));
  const q = p.toString();
  return q ? `/orientation?${q}` : "/orientation";
}

/** Hidden fields carrying the answers of the other steps through a step's form. */
export function champsCaches(criteres: Criteres, etape: NumeroEtape): [string, string][] {
  return [...parametresReponses(criteres, CLES_ETAPES[etape]).entries()];
}

export function estJour(v: string): v is (typeof JOURS)[number] {
  return JOURS.some((j) => j === v);
}
