import { and, asc, eq, ilike, or, sql } from "drizzle-orm";
import { utilisateurs } from "~/comptes/comptes.schema";
import type { BaseDeDonnees } from "~/platform/db/connexion.server";
import { ErreurPasserelle } from "~/platform/erreurs";
import { appartient } from "~/platform/listes";
import { OPERATEURS, type Operateur } from "~/remontees/vocabulaire";
import type { Referentiel } from "~/territoire/types";
import { estViolationUnicite, type Acteur, type ServicesStructures } from "./contexte.server";
import { droitsDe, exiger, peutGererStructure } from "./droits.server";
import { tracer } from "./journal.server";
import { trouverCommune, type SaisieStructure } from "./saisie";
import { membres_structures, structures } from "./structures.schema";
import { ROLES_MEMBRES, TYPES_STRUCTURES, type RoleMembre, type TypeStructure } from "./vocabulaire";

export interface Structure {
  id: string;
  nom: string;
  type: TypeStructure;
  siret: string | null;
  adresse: string;
  code_insee: string;
  commune: string;
  reseau: string;
  /** For an `operateur_public`: which operator (its prescripteurs are that operator's correspondents). */
  operateur: Operateur | null;
}

const conflitSiret = (siret: string) =>
  new ErreurPasserelle("conflit", `Une structure avec le SIRET ${siret} existe déjà.`, [
    { champ: "siret", message: `Une structure avec ce SIRET existe déjà sur Passerelle : cherchez-la dans « Rejoindre une structure » et demandez à la rejoindre.` },
  ]);

/** Any signed-in person creates a structure and becomes its first responsable. */
export async function creerStructure(s: ServicesStructures, acteur: Acteur, saisie: SaisieStructure): Promise<string> {
  const droits = await droitsDe(s.db, acteur, s.referentiel);
  exiger(droits, true, "");
  try {
    const id = await s.db.transaction(async (tx) => {
      const [ligne] = await tx.insert(structures).values(saisie).returning({ id: structures.id });
      if (!ligne) throw new Error("insertion sans retour");
      await tx.insert(membres_structures).values({ structure_id: ligne.id, utilisateur_id: droits.utilisateurId, role: "responsable" });
      await tracer(tx, { action: "structure.creer", typeObjet: "structure", objetId: ligne.id, acteurId: droits.utilisateurId });
      return ligne.id;
    });
    return id;
  } catch (e) {
    if (saisie.siret && estViolationUnicite(e, "structures_siret_uk")) throw conflitSiret(saisie.siret);
    throw e;
  }
}

/** Responsables of the structure and administrators edit it. */
export async function modifierStructure(s: ServicesStructures, acteur: Acteur, structureId: string, saisie: SaisieStructure): Promise<void> {
  const droits = await droitsDe(s.db, acteur, s.referentiel);
  exiger(droits, peutGererStructure(droits, structureId), "Seuls les responsables de la structure peuvent la modifier.");
  try {
    await s.db.transaction(async (tx) => {
      const lignes = await tx
        .update(structures)
        .set({ ...saisie, modifie_le: new Date() })
        .where(eq(structures.id, structureId))
        .returning({ id: structures.id });
      if (lignes.length === 0) throw new ErreurPasserelle("introuvable", "Structure introuvable.");
      await tracer(tx, { action: "structure.modifier", typeObjet: "structure", objetId: structureId, acteurId: droits.utilisateurId });
    });
  } catch (e) {
    if (saisie.siret && estViolationUnicite(e, "structures_siret_uk")) throw conflitSiret(saisie.siret);
    throw e;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const estUuid = (v: string): boolean => UUID.test(v);

function enStructure(l: typeof structures.$inferSelect, referentiel: Referentiel): Structure {
  const type = appartient(TYPES_STRUCTURES, l.type) ? l.type : "autre";
  return { id: l.id, nom: l.nom, type, siret: l.siret, adresse: l.adresse, code_insee: l.code_insee, commune: referentiel.commune(l.code_insee)?.nom ?? l.code_insee, reseau: l.reseau, operateur: l.operateur !== null && appartient(OPERATEURS, l.operateur) ? l.operateur : null };
}

export async function lireStructure(db: BaseDeDonnees, referentiel: Referentiel, id: string): Promise<Structure> {
  const [l] = estUuid(id) ? await db.select().from(structures).where(eq(structures.id, id)) : [];
  if (!l) throw new ErreurPasserelle("introuvable", "Structure introuvable.");
  return enStructure(l, referentiel);
}

/** The person's structures with their role, by name. */
export async function mesStructures(db: BaseDeDonnees, referentiel: Referentiel, utilisateurId: string): Promise<(Structure & { role: RoleMembre })[]> {
  const lignes = await db
    .select({ s: structures, role: membres_structures.role })
    .from(membres_structures)
    .innerJoin(structures, eq(structures.id, membres_structures.structure_id))
    .where(eq(membres_structures.utilisateur_id, utilisateurId))
    .orderBy(asc(structures.nom));
  return lignes.flatMap((l) => (appartient(ROLES_MEMBRES, l.role) ? [{ ...enStructure(l.s, referentiel), role: l.role }] : []));
}

/** Find a structure by name, SIRET (spaces ignored) or commune; at most 20. */
export async function rechercherStructures(db: BaseDeDonnees, referentiel: Referentiel, recherche: string): Promise<Structure[]> {
  const q = recherche.trim().slice(0, 100);
  if (q.length < 2) return [];
  const chiffres = q.replace(/\s/g, "");
  const commune = trouverCommune(q, referentiel);
  const motif = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const conditions = [sql`unaccent(${structures.nom}) ILIKE unaccent(${motif})`, ilike(structures.reseau, motif)];
  if (/^\d{9,14}$/.test(chiffres)) conditions.push(sql`${structures.siret} LIKE ${`${chiffres}%`}`);
  if (commune) conditions.push(eq(structures.code_insee, commune.code));
  const lignes = await db.select().from(structures).where(or(...conditions)).orderBy(asc(structures.nom)).limit(20);
  return lignes.map((l) => enStructure(l, referentiel));
}

export interface Membre {
  utilisateurId: string;
  nom: string;
  courriel: string;
  role: RoleMembre;
}

/** Members with their address: for the structure's managers only (the page checks). */
export async function membresDe(db: BaseDeDonnees, structureId: string): Promise<Membre[]> {
  const lignes = await db
    .select({ utilisateurId: utilisateurs.id, nom: utilisateurs.nom, courriel: utilisateurs.courriel, role: membres_structures.role })
    .from(membres_structures)
    .innerJoin(utilisateurs, eq(utilisateurs.id, membres_structures.utilisateur_id))
    .where(eq(membres_structures.structure_id, structureId))
    .orderBy(asc(utilisateurs.courriel));
  return lignes.flatMap((l) => (appartient(ROLES_MEMBRES, l.role) ? [{ ...l, role: l.role }] : []));
}

export async function responsablesDe(db: BaseDeDonnees, structureId: string): Promise<{ id: string; courriel: string }[]> {
  return db
    .select({ id: utilisateurs.id, courriel: utilisateurs.courriel })
    .from(membres_structures)
    .innerJoin(utilisateurs, eq(utilisateurs.id, membres_structures.utilisateur_id))
    .where(and(eq(membres_structures.structure_id, structureId), eq(membres_structures.role, "responsable")));
}
