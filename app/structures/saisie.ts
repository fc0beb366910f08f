import { pivot } from "~/lieux/standard/valeurs/pivot";
import type { DetailErreur } from "~/platform/erreurs";
import { appartient } from "~/platform/listes";
import { OPERATEURS, type Operateur } from "~/remontees/vocabulaire";
import { normaliserNom } from "~/territoire/normaliser";
import type { Commune, Referentiel } from "~/territoire/types";
import { ROLES_MEMBRES, TYPES_STRUCTURES, type RoleMembre, type TypeStructure } from "./vocabulaire";

/** Reading the structure form: every problem is reported on its field, in plain French. */

export interface SaisieStructure {
  nom: string;
  type: TypeStructure;
  siret: string | null;
  adresse: string;
  code_insee: string;
  reseau: string;
  /** Which operator an `operateur_public` is (its prescripteurs answer field feedback); null for other types. */
  operateur: Operateur | null;
}

/** The raw texts of the form, as typed (to show them again next to the errors). */
export interface TexteStructure {
  nom: string;
  type: string;
  siret: string;
  adresse: string;
  commune: string;
  reseau: string;
  operateur: string;
}

export type Lecture<T> = { ok: true; valeur: T } | { ok: false; erreurs: DetailErreur[] };

export function texteStructure(form: FormData): TexteStructure {
  const t = (cle: string) => {
    const v = form.get(cle);
    return typeof v === "string" ? v : "";
  };
  return { nom: t("nom"), type: t("type"), siret: t("siret"), adresse: t("adresse"), commune: t("commune"), reseau: t("reseau"), operateur: t("operateur") };
}

/** A 14-digit SIRET passing INSEE's checksum (Luhn, or La Poste's rule), spaces removed; null when empty. */
export function lireSiret(brut: string): { ok: true; siret: string | null } | { ok: false; message: string } {
  const colle = brut.replace(/\s/g, "");
  if (colle === "") return { ok: true, siret: null };
  if (!/^\d{14}$/.test(colle)) return { ok: false, message: "Le SIRET doit compter 14 chiffres (par exemple 130 026 032 00016)." };
  const r = pivot(colle);
  if (!r.ok || r.avertissement !== undefined) return { ok: false, message: "Ce SIRET n'existe pas : un chiffre est probablement faux. Vérifiez-le sur annuaire-entreprises.data.gouv.fr." };
  return { ok: true, siret: colle };
}

/** A commune of the region from its name, its INSEE code or its postal code (when it has a single commune). */
export function trouverCommune(brut: string, referentiel: Referentiel): Commune | undefined {
  const texte = brut.trim();
  if (/^\d{5}$/.test(texte)) {
    const parCode = referentiel.commune(texte);
    if (parCode) return parCode;
    const parPostal = referentiel.communesParCodePostal(texte);
    return parPostal.length === 1 ? parPostal[0] : undefined;
  }
  // "Rennes (35238)" as the page shows it.
  const entre = texte.match(/\((\d{5})\)\s*$/)?.[1];
  if (entre) return referentiel.commune(entre);
  const cle = normaliserNom(texte);
  const exactes = referentiel.rechercherCommunes(texte, 5).filter((c) => normaliserNom(c.nom) === cle);
  return exactes.length === 1 ? exactes[0] : undefined;
}

export function lireStructure(t: TexteStructure, referentiel: Referentiel): Lecture<SaisieStructure> {
  const erreurs: DetailErreur[] = [];
  const nom = t.nom.trim().replace(/\s+/g, " ");
  if (nom.length < 2) erreurs.push({ champ: "nom", message: "Indiquez le nom de la structure." });
  else if (nom.length > 200) erreurs.push({ champ: "nom", message: "Le nom ne doit pas dépasser 200 caractères." });
  const type = t.type;
  if (!appartient(TYPES_STRUCTURES, type)) erreurs.push({ champ: "type", message: "Choisissez le type de structure dans la liste." });
  const siret = lireSiret(t.siret);
  if (!siret.ok) erreurs.push({ champ: "siret", message: siret.message });
  const adresse = t.adresse.trim();
  if (adresse.length > 300) erreurs.push({ champ: "adresse", message: "L'adresse ne doit pas dépasser 300 caractères." });
  const commune = t.commune.trim() === "" ? undefined : trouverCommune(t.commune, referentiel);
  if (t.commune.trim() === "") erreurs.push({ champ: "commune", message: "Indiquez la commune de la structure." });
  else if (!commune) erreurs.push({ champ: "commune", message: `Commune « ${t.commune.trim().slice(0, 80)} » introuvable en Bretagne : écrivez son nom complet ou son code INSEE.` });
  const reseau = t.reseau.trim();
  if (reseau.length > 200) erreurs.push({ champ: "reseau", message: "Le réseau ne doit pas dépasser 200 caractères." });
  // The select is always shown (no JavaScript needed): it counts only for an operator, and is then required.
  const operateur = type === "operateur_public" && appartient(OPERATEURS, t.operateur) ? t.operateur : null;
  if (type === "operateur_public" && !operateur) erreurs.push({ champ: "operateur", message: "Choisissez l'opérateur dans la liste : ses prescripteur·rices recevront les remontées de terrain qui le concernent." });
  if (erreurs.length > 0 || !appartient(TYPES_STRUCTURES, type) || !siret.ok || !commune) return { ok: false, erreurs };
  return { ok: true, valeur: { nom, type, siret: siret.siret, adresse, code_insee: commune.code, reseau, operateur } };
}

export function lireRole(brut: unknown): RoleMembre | null {
  return typeof brut === "string" && appartient(ROLES_MEMBRES, brut) ? brut : null;
}
