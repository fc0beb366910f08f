import { eq } from "drizzle-orm";
import { utilisateurs } from "~/comptes/comptes.schema";
import type { BaseDeDonnees } from "~/platform/db/connexion.server";
import { ErreurPasserelle } from "~/platform/erreurs";
import { appartient } from "~/platform/listes";
import { chargerReferentiel } from "~/territoire/referentiel.server";
import type { Referentiel } from "~/territoire/types";
import { coordinations, membres_structures } from "./structures.schema";
import { ROLES_MEMBRES, TYPES_COORDINATION, type RoleMembre, type TypeCoordination } from "./vocabulaire";

/**
 * THE authorisation module of Passerelle's roles (DESIGN §2, §8). Every mutation on structures,
 * places and (later) tickets asks here, server-side:
 *
 * - `droitsDe(db, utilisateur)` reads what a person holds, from the database (never from the
 *   session cookie): memberships with their role, coordination scopes (resolved once into the
 *   communes they cover, with the reference geography), the hub administrator flag.
 *   `utilisateur` null (anonymous) gives `null`; every predicate denies `null`.
 * - `peutGererStructure(droits, structureId)`: responsable of that structure, or administrator.
 * - `peutModifierLieu(droits, lieu, structureDuLieu)`: médiateur or responsable of the
 *   structure running the place; a coordinator whose EPCI or département contains the place's
 *   commune; an administrator.
 * - `estCoordinateurDe(droits, codeInsee, referentiel)`: a coordinator whose scope holds the commune.
 * - `exiger(condition, message)`: throws `non_authentifie` for anonymous, `interdit` otherwise.
 */

export interface Droits {
  utilisateurId: string;
  administrateur: boolean;
  membres: { structureId: string; role: RoleMembre }[];
  coordinations: { type: TypeCoordination; code: string }[];
  /** INSEE codes of the communes inside the coordination scopes. */
  communesCoordonnees: ReadonlySet<string>;
}

export async function droitsDe(db: BaseDeDonnees, utilisateur: { id: string } | null, referentiel: Referentiel = chargerReferentiel()): Promise<Droits | null> {
  if (!utilisateur) return null;
  const [compte] = await db.select({ role: utilisateurs.role }).from(utilisateurs).where(eq(utilisateurs.id, utilisateur.id));
  // A deleted account keeps no rights, whatever a stale session says.
  if (!compte) return null;
  const [membres, scopes] = await Promise.all([
    db.select({ structureId: membres_structures.structure_id, role: membres_structures.role }).from(membres_structures).where(eq(membres_structures.utilisateur_id, utilisateur.id)),
    db.select({ type: coordinations.type_territoire, code: coordinations.code }).from(coordinations).where(eq(coordinations.utilisateur_id, utilisateur.id)),
  ]);
  const portees = scopes.flatMap((c) => (appartient(TYPES_COORDINATION, c.type) ? [{ type: c.type, code: c.code }] : []));
  const communes = new Set<string>();
  for (const p of portees) for (const code of referentiel.territoire(p.code)?.communes ?? []) communes.add(code);
  return {
    utilisateurId: utilisateur.id,
    administrateur: compte.role === "administrateur",
    membres: membres.flatMap((m) => (appartient(ROLES_MEMBRES, m.role) ? [{ structureId: m.structureId, role: m.role }] : [])),
    coordinations: portees,
    communesCoordonnees: communes,
  };
}

export function roleDans(droits: Droits | null, structureId: string): RoleMembre | null {
  return droits?.membres.find((m) => m.structureId === structureId)?.role ?? null;
}

export function peutGererStructure(droits: Droits | null, structureId: string): boolean {
  if (!droits) return false;
  return droits.administrateur || roleDans(droits, structureId) === "responsable";
}

export function estCoordinateurDe(droits: Droits | null, codeInsee: string | null, referentiel: Referentiel): boolean {
  if (!droits || !codeInsee || droits.coordinations.length === 0) return false;
  const commune = referentiel.commune(codeInsee);
  if (!commune) return false;
  return droits.coordinations.some((c) => (c.type === "epci" ? commune.epci === c.code : commune.departement === c.code));
}

export function peutModifierLieu(droits: Droits | null, lieu: { id: string; code_insee: string | null }, structureDuLieu: string | null): boolean {
  if (!droits) return false;
  if (droits.administrateur) return true;
  if (structureDuLieu) {
    const role = roleDans(droits, structureDuLieu);
    if (role === "mediateur" || role === "responsable") return true;
  }
  return lieu.code_insee !== null && droits.communesCoordonnees.has(lieu.code_insee);
}

/** Turns a denied predicate into the right error: sign in first, or not allowed. */
export function exiger(droits: Droits | null, condition: boolean, message: string): asserts droits is Droits {
  if (!droits) throw new ErreurPasserelle("non_authentifie", "Connectez-vous pour faire cette action.");
  if (!condition) throw new ErreurPasserelle("interdit", message);
}
