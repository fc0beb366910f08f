import { and, eq, inArray, or } from "drizzle-orm";
import { utilisateurs } from "~/comptes/comptes.schema";
import type { BaseDeDonnees } from "~/platform/db/connexion.server";
import { structureDuLieu } from "~/structures/lieux-structures.server";
import { coordinations, membres_structures } from "~/structures/structures.schema";
import type { Referentiel } from "~/territoire/types";
import type { Destinataires } from "./courriels";

/**
 * Who is told of a new report on a place: the members (responsables and médiateurs) of the structure
 * running it; else the coordinators of its EPCI or département; else the hub's administrators —
 * the same people who may edit the place, nearest first.
 */
export async function destinatairesDuLieu(db: BaseDeDonnees, referentiel: Referentiel, lieu: { id: string; code_insee: string | null }): Promise<{ niveau: Destinataires; adresses: string[] }> {
  const structure = await structureDuLieu(db, lieu.id);
  if (structure) {
    const membres = await db
      .select({ courriel: utilisateurs.courriel })
      .from(membres_structures)
      .innerJoin(utilisateurs, eq(utilisateurs.id, membres_structures.utilisateur_id))
      .where(and(eq(membres_structures.structure_id, structure), inArray(membres_structures.role, ["responsable", "mediateur"])));
    if (membres.length > 0) return { niveau: "structure", adresses: trier(membres) };
  }
  const commune = lieu.code_insee ? referentiel.commune(lieu.code_insee) : undefined;
  if (commune) {
    const portees = [and(eq(coordinations.type_territoire, "departement"), eq(coordinations.code, commune.departement))];
    if (commune.epci) portees.push(and(eq(coordinations.type_territoire, "epci"), eq(coordinations.code, commune.epci)));
    const coordinateurs = await db
      .select({ courriel: utilisateurs.courriel })
      .from(coordinations)
      .innerJoin(utilisateurs, eq(utilisateurs.id, coordinations.utilisateur_id))
      .where(or(...portees));
    if (coordinateurs.length > 0) return { niveau: "coordination", adresses: trier(coordinateurs) };
  }
  const admins = await db.select({ courriel: utilisateurs.courriel }).from(utilisateurs).where(eq(utilisateurs.role, "administrateur"));
  return { niveau: "administrateurs", adresses: trier(admins) };
}

const trier = (lignes: { courriel: string }[]) => [...new Set(lignes.map((l) => l.courriel))].sort();
