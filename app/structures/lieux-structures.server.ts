import { and, asc, eq, isNull, or, sql } from "drizzle-orm";
import { lieux } from "~/lieux/lieux.schema";
import type { BaseDeDonnees } from "~/platform/db/connexion.server";
import { ErreurPasserelle } from "~/platform/erreurs";
import type { Acteur, ServicesStructures } from "./contexte.server";
import { droitsDe, exiger, peutGererStructure } from "./droits.server";
import { tracer } from "./journal.server";
import { lieux_structures, structures } from "./structures.schema";

/**
 * Which structure runs which place. The link lives in `lieux_structures`, never in `lieux`, so that
 * linking does not change the place's version. `structureDuLieu` is what place editing asks.
 */

export async function structureDuLieu(db: BaseDeDonnees, lieuId: string): Promise<string | null> {
  const [l] = await db.select({ id: lieux_structures.structure_id }).from(lieux_structures).where(eq(lieux_structures.lieu_id, lieuId));
  return l?.id ?? null;
}

const estUuid = (v: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);

/** Responsables of the structure and administrators link a place no other structure runs. */
export async function lierLieu(s: ServicesStructures, acteur: Acteur, structureId: string, lieuId: string): Promise<void> {
  const droits = await droitsDe(s.db, acteur, s.referentiel);
  exiger(droits, peutGererStructure(droits, structureId), "Seuls les responsables de la structure peuvent lui rattacher un lieu.");
  const [lieu] = estUuid(lieuId) ? await s.db.select({ nom: lieux.nom, fusionne_dans: lieux.fusionne_dans }).from(lieux).where(eq(lieux.id, lieuId)) : [];
  if (!lieu || lieu.fusionne_dans !== null) throw new ErreurPasserelle("introuvable", "Lieu introuvable.", [{ champ: "lieu", message: "Ce lieu n'existe pas (ou plus) dans l'annuaire." }]);
  const [existant] = await s.db
    .insert(lieux_structures)
    .values({ lieu_id: lieuId, structure_id: structureId })
    .onConflictDoNothing()
    .returning({ id: lieux_structures.lieu_id });
  if (!existant) {
    const [gerant] = await s.db
      .select({ id: structures.id, nom: structures.nom })
      .from(lieux_structures)
      .innerJoin(structures, eq(structures.id, lieux_structures.structure_id))
      .where(eq(lieux_structures.lieu_id, lieuId));
    if (gerant?.id === structureId) return;
    const message = `« ${lieu.nom} » est déjà rattaché à la structure « ${gerant?.nom ?? "?"} ». Si c'est une erreur, contactez la coordination de votre territoire.`;
    throw new ErreurPasserelle("conflit", message, [{ champ: "lieu", message }]);
  }
  await tracer(s.db, { action: "lieu.rattacher", typeObjet: "lieu", objetId: lieuId, acteurId: droits.utilisateurId, details: { structure_id: structureId } });
}

export async function delierLieu(s: ServicesStructures, acteur: Acteur, structureId: string, lieuId: string): Promise<void> {
  const droits = await droitsDe(s.db, acteur, s.referentiel);
  exiger(droits, peutGererStructure(droits, structureId), "Seuls les responsables de la structure peuvent détacher un lieu.");
  const lignes = estUuid(lieuId)
    ? await s.db
        .delete(lieux_structures)
        .where(and(eq(lieux_structures.lieu_id, lieuId), eq(lieux_structures.structure_id, structureId)))
        .returning({ id: lieux_structures.lieu_id })
    : [];
  if (lignes.length === 0) throw new ErreurPasserelle("introuvable", "Ce lieu n'est pas rattaché à la structure.");
  await tracer(s.db, { action: "lieu.detacher", typeObjet: "lieu", objetId: lieuId, acteurId: droits.utilisateurId, details: { structure_id: structureId } });
}

export interface LieuRattache {
  id: string;
  nom: string;
  commune: string;
  adresse: string;
}

export async function lieuxDe(db: BaseDeDonnees, structureId: string): Promise<LieuRattache[]> {
  return db
    .select({ id: lieux.id, nom: lieux.nom, commune: lieux.commune, adresse: lieux.adresse })
    .from(lieux_structures)
    .innerJoin(lieux, eq(lieux.id, lieux_structures.lieu_id))
    .where(eq(lieux_structures.structure_id, structureId))
    .orderBy(asc(lieux.nom));
}

/** Places to link, by name or commune (accents ignored), with the structure already running each, if any. */
export async function rechercherLieux(db: BaseDeDonnees, recherche: string): Promise<(LieuRattache & { structure: string | null })[]> {
  const q = recherche.trim().slice(0, 100);
  if (q.length < 2) return [];
  const motif = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return db
    .select({ id: lieux.id, nom: lieux.nom, commune: lieux.commune, adresse: lieux.adresse, structure: structures.nom })
    .from(lieux)
    .leftJoin(lieux_structures, eq(lieux_structures.lieu_id, lieux.id))
    .leftJoin(structures, eq(structures.id, lieux_structures.structure_id))
    .where(and(isNull(lieux.fusionne_dans), or(sql`unaccent(${lieux.nom}) ILIKE unaccent(${motif})`, sql`unaccent(${lieux.commune}) ILIKE unaccent(${motif})`)))
    .orderBy(asc(lieux.nom), asc(lieux.commune))
    .limit(20);
}
