import "~/platform/zod-navigateur";
import { ModaliteAcces } from "@gouvfr-anct/lieux-de-mediation-numerique";
import { z } from "zod";
import type { JourHoraires } from "~/lieux/horaires";
import { SERVICES } from "~/lieux/standard/enumerations";
import { explicationService } from "~/lieux/presentation/services";
import type { ObjetAApporter } from "./a-apporter";
import { estUuid } from "./code-court";

/**
 * The orientation sheet: its URL parameters and the texts both renderers (A4 page and PDF) print,
 * so that the page and the PDF always say the same thing. The first name and the structure are
 * typed by the person or the prescriber and only printed: they are never stored nor logged.
 */

export const MAX_LIEUX_FICHE = 3;

const liste = (v: unknown) =>
  (v === undefined ? [] : Array.isArray(v) ? v : [v])
    .flatMap((x) => String(x).split("|"))
    .map((x) => x.trim())
    .filter((x) => x !== "");
const texteLibre = (max: number) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() !== "" ? v.trim().replace(/\s+/g, " ") : undefined), z.string().max(max, `${max} caractères au plus`).optional());

export const schemaParametresFiche = z.object({
  lieux: z.preprocess(
    (v) => [...new Set(liste(v))],
    z
      .array(z.string().refine(estUuid, "identifiant de lieu invalide"))
      .min(1, "choisissez au moins un lieu")
      .max(MAX_LIEUX_FICHE, `choisissez ${MAX_LIEUX_FICHE} lieux au plus`),
  ),
  besoin: z.preprocess((v) => liste(v).filter((s) => SERVICES.some((x) => x === s)), z.array(z.enum(SERVICES))),
  prenom: texteLibre(60),
  structure: texteLibre(120),
  /** A tracked referral's code (checked and shown `ABCD-EFGH` by fiche.server.ts): printed only, never looked up. */
  orientation: texteLibre(20),
});

export type ParametresFiche = z.infer<typeof schemaParametresFiche>;

export function lireParametresFiche(params: URLSearchParams): ReturnType<typeof schemaParametresFiche.safeParse> {
  const brut: Record<string, string | string[]> = {};
  for (const cle of new Set(params.keys())) {
    const valeurs = params.getAll(cle);
    brut[cle] = valeurs.length === 1 ? (valeurs[0] ?? "") : valeurs;
  }
  return schemaParametresFiche.safeParse(brut);
}

/** The sheet's query string (for the PDF link, the personalisation form). */
export function versParametresFiche(p: ParametresFiche): URLSearchParams {
  const q = new URLSearchParams();
  q.set("lieux", p.lieux.join("|"));
  for (const b of p.besoin) q.append("besoin", b);
  if (p.prenom) q.set("prenom", p.prenom);
  if (p.structure) q.set("structure", p.structure);
  if (p.orientation) q.set("orientation", p.orientation);
  return q;
}

export interface LieuFiche {
  id: string;
  code: string;
  nom: string;
  /** Street lines then "code postal commune". */
  adresse: string[];
  /** This week's days with opening times; empty when the place publishes no usable hours. */
  semaine: JourHoraires[];
  /** How to go there, in sentences. */
  acces: string[];
  telephone?: string;
  courriel?: string;
  priseRdv?: string;
  /** Absolute URL of the place page (the QR code's target). */
  lien: string;
  /** Absolute short link printed under the code. */
  lienCourt: string;
}

export interface Fiche {
  lieux: LieuFiche[];
  besoins: string[];
  aApporter: ObjetAApporter[];
  prenom?: string;
  structure?: string;
  /** A tracked referral's code as printed ("K7P3-Q9XM"): the place finds the referral with it. */
  codeOrientation?: string;
  /** "lundi 2 juin 2025", the day the sheet was made. */
  date: string;
}

/** "+33299000000" → "02 99 00 00 00"; other numbers unchanged. */
export function formaterTelephone(tel: string): string {
  const m = /^\+33(\d{9})$/.exec(tel.replace(/\s/g, ""));
  return m?.[1] ? `0${m[1]}`.replace(/(\d{2})(?=\d)/g, "$1 ") : tel;
}

/** "09:00" → "9 h", "14:30" → "14 h 30". */
export function formaterHoraire(h: string): string {
  const [heures = "", minutes = ""] = h.split(":");
  return `${Number(heures)} h${minutes === "00" ? "" : ` ${minutes}`}`;
}

/** One day's line: "9 h – 12 h, 14 h – 18 h", "Fermé", or the holiday. */
export function texteJour(j: JourHoraires): string {
  const plages = j.plages.map((p) => `${formaterHoraire(p.debut)} – ${formaterHoraire(p.fin)}`).join(", ");
  const base = plages || "Fermé";
  return j.ferie ? `${base} (${j.ferie}, jour férié)` : base;
}

export function majuscule(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** How to get in: walk-in or appointment first, then how to book. */
export function textesAcces(modalites: readonly string[], surRendezVous: boolean, priseRdv: string | undefined): string[] {
  const textes: string[] = [];
  if (modalites.includes(ModaliteAcces.PasDePublic)) textes.push("Attention : ce lieu indique ne pas accueillir de public. Téléphonez avant de vous déplacer.");
  if (modalites.includes(ModaliteAcces.SePresenter)) textes.push("Vous pouvez venir directement, sans rendez-vous, pendant les horaires d'ouverture.");
  else if (surRendezVous) textes.push("Sur rendez-vous : prenez contact avant de venir.");
  if (modalites.includes(ModaliteAcces.Telephoner)) textes.push("Vous pouvez téléphoner pour prendre rendez-vous ou poser une question.");
  if (modalites.includes(ModaliteAcces.ContacterParMail)) textes.push("Vous pouvez écrire un courriel avant de venir.");
  if (modalites.includes(ModaliteAcces.PrendreRdvEnLigne) || priseRdv) textes.push("Vous pouvez prendre rendez-vous sur internet.");
  if (modalites.includes(ModaliteAcces.PrescriptionParMail)) textes.push("Un professionnel (travailleur social, agent d'accueil…) peut vous y orienter en envoyant une fiche par courriel.");
  if (textes.length === 0) textes.push("Le lieu ne précise pas comment y accéder : téléphonez avant de venir.");
  return textes;
}

export function libellesBesoins(besoins: readonly string[]): string[] {
  return besoins.map((b) => explicationService(b)?.libelle ?? b);
}

export const TEXTE_CODE_ORIENTATION = "à présenter à l'accueil";

export const MENTION_DONNEES =
  "Le prénom et la structure ne sont enregistrés nulle part : ils sont seulement imprimés sur cette fiche.";
