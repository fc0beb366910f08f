import { and, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import type { BaseDeDonnees } from "~/platform/db/connexion.server";
import { appartient } from "~/platform/listes";
import { droitsDe, type Droits } from "~/structures/droits.server";
import { membres_structures, structures } from "~/structures/structures.schema";
import type { Referentiel } from "~/territoire/types";
import { remontees } from "./remontees.schema";
import { OPERATEURS, type Operateur } from "./vocabulaire";

/**
 * Who may do what with field feedback (DESIGN §2, §4), on top of droits.server.ts:
 * - authors: médiateurs and responsables of a structure (any type) post, and add details while open;
 * - correspondents of an operator: prescripteurs and responsables of a structure whose `operateur`
 *   is that operator; they answer, take into account (en_cours) and close;
 * - readers of the details: the author's structure members, the operator's correspondents, hub
 *   administrators, coordinators whose scope holds the whole territory. Everyone else signed in sees
 *   aggregated counts only.
 */

export interface StructureAuteure {
  id: string;
  nom: string;
  code_insee: string;
}

export interface AccesRemontees {
  droits: Droits;
  /** Where the person may post from (médiateur or responsable). */
  structuresAuteures: StructureAuteure[];
  /** Every structure the person belongs to, whatever the role (readers of its feedback). */
  structuresMembre: ReadonlySet<string>;
  /** Operator → the person's structure answering for it (prescripteur or responsable there). */
  operateurs: ReadonlyMap<Operateur, string>;
  /** EPCIs and départements whose every commune lies in the person's coordination scopes. */
  epcisCouverts: ReadonlySet<string>;
  departementsCouverts: ReadonlySet<string>;
}

export async function accesDe(db: BaseDeDonnees, referentiel: Referentiel, acteur: { id: string } | null): Promise<AccesRemontees | null> {
  const droits = await droitsDe(db, acteur, referentiel);
  if (!droits) return null;
  const miennes = await db
    .select({ id: structures.id, nom: structures.nom, code_insee: structures.code_insee, operateur: structures.operateur, role: membres_structures.role })
    .from(membres_structures)
    .innerJoin(structures, eq(structures.id, membres_structures.structure_id))
    .where(eq(membres_structures.utilisateur_id, droits.utilisateurId))
    .orderBy(structures.nom);
  const operateurs = new Map<Operateur, string>();
  for (const m of miennes) {
    if (m.operateur !== null && appartient(OPERATEURS, m.operateur) && (m.role === "prescripteur" || m.role === "responsable") && !operateurs.has(m.operateur)) operateurs.set(m.operateur, m.id);
  }
  const couvre = (communes: readonly string[]) => communes.length > 0 && communes.every((c) => droits.communesCoordonnees.has(c));
  const epcisCouverts = new Set<string>();
  const departementsCouverts = new Set<string>();
  if (droits.communesCoordonnees.size > 0) {
    for (const e of referentiel.epcis()) if (couvre(e.communes)) epcisCouverts.add(e.code);
    for (const d of referentiel.departements()) if (couvre(referentiel.territoire(d.code)?.communes ?? [])) departementsCouverts.add(d.code);
  }
  return {
    droits,
    structuresAuteures: miennes.filter((m) => m.role === "mediateur" || m.role === "responsable").map((m) => ({ id: m.id, nom: m.nom, code_insee: m.code_insee })),
    structuresMembre: new Set(miennes.map((m) => m.id)),
    operateurs,
    epcisCouverts,
    departementsCouverts,
  };
}

type Cible = { structure_id: string; operateur: string; type_territoire: string; code_territoire: string };

export function estCorrespondant(a: AccesRemontees | null, r: Pick<Cible, "operateur">): boolean {
  return a !== null && appartient(OPERATEURS, r.operateur) && a.operateurs.has(r.operateur);
}

/** Médiateurs and responsables of the author's structure add details. */
export function estAuteur(a: AccesRemontees | null, r: Pick<Cible, "structure_id">): boolean {
  return a !== null && a.structuresAuteures.some((s) => s.id === r.structure_id);
}

function coordonne(a: AccesRemontees, r: Cible): boolean {
  if (r.type_territoire === "commune") return a.droits.communesCoordonnees.has(r.code_territoire);
  if (r.type_territoire === "epci") return a.epcisCouverts.has(r.code_territoire);
  return r.type_territoire === "departement" && a.departementsCouverts.has(r.code_territoire);
}

export function peutLire(a: AccesRemontees | null, r: Cible): boolean {
  if (!a) return false;
  return a.droits.administrateur || a.structuresMembre.has(r.structure_id) || estCorrespondant(a, r) || coordonne(a, r);
}

/** The same rule as `peutLire`, as a SQL condition for the list (undefined: everything). */
export function conditionLecture(a: AccesRemontees): SQL | undefined {
  if (a.droits.administrateur) return undefined;
  const c: SQL[] = [];
  if (a.structuresMembre.size > 0) c.push(inArray(remontees.structure_id, [...a.structuresMembre]));
  if (a.operateurs.size > 0) c.push(inArray(remontees.operateur, [...a.operateurs.keys()]));
  const portee = (type: string, codes: ReadonlySet<string>) => {
    if (codes.size > 0) c.push(and(eq(remontees.type_territoire, type), inArray(remontees.code_territoire, [...codes])) ?? sql`false`);
  };
  portee("commune", a.droits.communesCoordonnees);
  portee("epci", a.epcisCouverts);
  portee("departement", a.departementsCouverts);
  return c.length > 0 ? or(...c) : sql`false`;
}
