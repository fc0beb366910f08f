import { and, eq } from "drizzle-orm";
import type { BaseDeDonnees } from "~/platform/db/connexion.server";
import { journaliser } from "~/platform/audit/journal.server";
import { ErreurPasserelle } from "~/platform/erreurs";
import { droitsDe, exiger, peutModifierLieu } from "~/structures/droits.server";
import { structureDuLieu } from "~/structures/lieux-structures.server";
import type { Referentiel } from "~/territoire/types";
import { historiqueLieux, lieux, type ProvenanceChamp } from "../lieux.schema";
import { versColonnes, versLieuStandard, type LigneLieu } from "../lignes";
import { CHAMPS } from "../standard/champs";
import { validerLieu, versLigneStandard } from "../standard/valider";
import { estChampModifiable, memeValeur, valeurDe, versTexte, type ChampModifiable, type Modifications, type ValeurChamp } from "./champs";

export interface ErreurChamp {
  champ: string;
  message: string;
}

export type ResultatModification =
  | { type: "modifie"; lieu: LigneLieu; champs: ChampModifiable[] }
  | { type: "inchange"; lieu: LigneLieu }
  | { type: "invalide"; erreurs: ErreurChamp[] }
  /** The place changed since the version the person started from: nothing written, here is the stored one. */
  | { type: "conflit"; actuel: LigneLieu };

export interface DemandeModification {
  lieuId: string;
  versionAttendue: number;
  modifications: Modifications;
  utilisateur: { id: string } | null;
}

/** An edit's provenance: the import's shape plus who made it. */
type ProvenanceEdition = ProvenanceChamp & { par: string };

const dateDuJour = (instant: Date) => instant.toLocaleDateString("en-CA", { timeZone: "Europe/Paris" });

/** The import's wording ("Valeur ignorée", "le lieu n'est pas importé") does not fit a form that refuses the value. */
function messagePourFormulaire(message: string): string {
  return message
    .replace(/ ?Champ obligatoire : le lieu n'est pas importé\.$/, " Ce champ est obligatoire.")
    .replace(/ : le lieu n'est pas importé\.$/, ".")
    .replace(/ ?Valeur ignorée \(champ facultatif\)\.$/, "")
    .replace(/ ?Latitude et longitude ignorées \(elles vont par paire\)\.$/, "")
    .trim();
}

/** The live place (not merged away), or `introuvable`. */
export async function lieuModifiable(db: BaseDeDonnees, lieuId: string): Promise<LigneLieu> {
  const estUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(lieuId);
  const [ligne] = estUuid ? await db.select().from(lieux).where(eq(lieux.id, lieuId.toLowerCase())) : [];
  if (!ligne || ligne.fusionne_dans !== null) throw new ErreurPasserelle("introuvable", `Aucun lieu n'a l'identifiant « ${lieuId} ».`);
  return ligne;
}

/** Whether this person may edit that place (for showing the "Modifier ce lieu" link). */
export async function peutModifier(db: BaseDeDonnees, referentiel: Referentiel, utilisateur: { id: string } | null, ligne: Pick<LigneLieu, "id" | "code_insee">): Promise<boolean> {
  if (!utilisateur) return false;
  const droits = await droitsDe(db, utilisateur, referentiel);
  return peutModifierLieu(droits, ligne, await structureDuLieu(db, ligne.id));
}

/**
 * A person edits some standard fields of a place. Rights are checked here (the routes only pass the
 * session's account); the values go through the import's validator so both say the same thing; the
 * write is conditional on the version the person started from, so two edits never overwrite each other.
 */
export async function modifierLieu(db: BaseDeDonnees, referentiel: Referentiel, d: DemandeModification, restaure: string | null = null): Promise<ResultatModification> {
  const ligne = await lieuModifiable(db, d.lieuId);
  const droits = await droitsDe(db, d.utilisateur, referentiel);
  exiger(droits, peutModifierLieu(droits, ligne, await structureDuLieu(db, ligne.id)), "Seuls les membres de la structure qui gère ce lieu, ses coordinateurs et les administrateurs peuvent le modifier.");
  if (ligne.version !== d.versionAttendue) return { type: "conflit", actuel: ligne };

  const actuel = versLieuStandard(ligne);
  const maintenant = new Date();
  const brut: Record<string, string> = { ...versLigneStandard(actuel), date_maj: dateDuJour(maintenant) };
  const demandes = Object.keys(d.modifications).filter(estChampModifiable);
  for (const champ of demandes) brut[champ] = versTexte(d.modifications[champ]);
  const { lieu, problemes } = validerLieu(brut, 0, { referentiel });
  // A warning that kept the value (a past closing date, a postal code to check) does not block the edit; a dropped value does.
  const rejete = (champ: string, message: string): boolean => {
    if (!estChampModifiable(champ) || !demandes.includes(champ)) return false;
    // Without a place (a required field is missing) the validator's wording is all there is to go by.
    if (!lieu) return /ignorée/.test(message);
    const compte = (t: string) => t.split("|").filter((x) => x.trim() !== "").length;
    return compte(versTexte(valeurDe(lieu, champ))) < compte(brut[champ] ?? "");
  };
  const erreurs = problemes.filter((p) => p.severity === "error" || rejete(p.field, p.message)).map((p) => ({ champ: p.field, message: messagePourFormulaire(p.message) }));
  if (!lieu || erreurs.length > 0) return { type: "invalide", erreurs };

  // Changed fields, including consequences (a new commune may bring its INSEE code).
  const champs = CHAMPS.filter(estChampModifiable).filter((c) => !memeValeur(valeurDe(actuel, c), valeurDe(lieu, c)));
  if (champs.length === 0) return { type: "inchange", lieu: ligne };

  const avant: Partial<Record<ChampModifiable, ValeurChamp>> = {};
  const apres: Partial<Record<ChampModifiable, ValeurChamp>> = {};
  const provenance: Record<string, ProvenanceChamp> = { ...ligne.provenance };
  for (const c of champs) {
    avant[c] = valeurDe(actuel, c);
    apres[c] = valeurDe(lieu, c);
    const p: ProvenanceEdition = { source: "passerelle", date: maintenant.toISOString(), par: d.utilisateur?.id ?? "" };
    provenance[c === "longitude" ? "latitude" : c] = p;
  }
  provenance.date_maj = { source: "passerelle", date: maintenant.toISOString() };
  const positionModifiee = champs.includes("latitude") || champs.includes("longitude");
  const colonnes = versColonnes({ lieu, positionApprochee: positionModifiee ? false : ligne.position_approchee, provenance });
  const maj: Partial<typeof lieux.$inferInsert> = { provenance, date_maj: lieu.date_maj, position_approchee: colonnes.position_approchee, version: ligne.version + 1, modifie_le: maintenant };
  for (const c of champs) Object.assign(maj, { [c]: colonnes[c] });

  return db.transaction(async (tx): Promise<ResultatModification> => {
    // Conditional on the version read above: a concurrent edit in between makes this a conflict too.
    const [ecrit] = await tx
      .update(lieux)
      .set(maj)
      .where(and(eq(lieux.id, ligne.id), eq(lieux.version, d.versionAttendue)))
      .returning();
    if (!ecrit) {
      const [stocke] = await tx.select().from(lieux).where(eq(lieux.id, ligne.id));
      return stocke ? { type: "conflit", actuel: stocke } : { type: "conflit", actuel: ligne };
    }
    await tx.insert(historiqueLieux).values({ lieu_id: ligne.id, version: ecrit.version, utilisateur_id: d.utilisateur?.id ?? null, avant, apres, restaure, modifie_le: maintenant });
    await journaliser(tx, { action: "lieu.modifier", utilisateurId: d.utilisateur?.id ?? null, objetType: "lieu", objetId: ligne.id, details: restaure ? { champs, restaure } : { champs } });
    return { type: "modifie", lieu: ecrit, champs };
  });
}

/** Puts back the values a history entry replaced, as a new edit (checked and versioned like any other). */
export async function restaurerVersion(
  db: BaseDeDonnees,
  referentiel: Referentiel,
  d: { lieuId: string; versionAttendue: number; historiqueId: string; utilisateur: { id: string } | null },
): Promise<ResultatModification> {
  const estUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(d.historiqueId);
  const [entree] = estUuid ? await db.select().from(historiqueLieux).where(and(eq(historiqueLieux.id, d.historiqueId), eq(historiqueLieux.lieu_id, d.lieuId))) : [];
  if (!entree) throw new ErreurPasserelle("introuvable", "Cette version n'existe pas dans l'historique du lieu.");
  const modifications: Modifications = {};
  if (typeof entree.avant === "object" && entree.avant !== null) {
    for (const [champ, v] of Object.entries(entree.avant)) {
      const valeur: unknown = v;
      if (!estChampModifiable(champ)) continue;
      if (valeur === null || typeof valeur === "string" || typeof valeur === "number") modifications[champ] = valeur;
      else if (Array.isArray(valeur)) modifications[champ] = valeur.filter((x): x is string => typeof x === "string");
    }
  }
  return modifierLieu(db, referentiel, { lieuId: d.lieuId, versionAttendue: d.versionAttendue, modifications, utilisateur: d.utilisateur }, entree.id);
}
