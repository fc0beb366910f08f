import { utilisateurs } from "~/comptes/comptes.schema";
import type { BaseDeDonnees } from "~/platform/db/connexion.server";
import { coordinations, lieux_structures, membres_structures, structures } from "~/structures/structures.schema";
import { lieux } from "../lieux.schema";

export const ROLES_EDITION = ["connecte", "mediateur", "responsable", "prescripteur", "coordinateur", "coordinateur_ailleurs", "administrateur"] as const;
export type RoleEdition = (typeof ROLES_EDITION)[number];

/** A place in Rennes run by one structure, and one account per role (ids by role). */
export async function monterEdition(db: BaseDeDonnees, lieuId: string): Promise<Record<RoleEdition, string>> {
  await db.insert(lieux).values({
    id: lieuId,
    pivot: "00000000000000",
    nom: "EPN du Blosne",
    commune: "Rennes",
    code_postal: "35200",
    code_insee: "35238",
    adresse: "7 boulevard de Yougoslavie",
    date_maj: "2024-01-01",
    horaires: "Mo-Fr 09:00-12:00",
    services: ["Aide aux démarches administratives"],
    provenance: { nom: { source: "dora", date: "2024-01-01" } },
  });
  const [s] = await db.insert(structures).values({ nom: "Association Blosne", type: "association", code_insee: "35238" }).returning({ id: structures.id });
  const structureId = s?.id ?? "";
  await db.insert(lieux_structures).values({ lieu_id: lieuId, structure_id: structureId });
  const ids: Partial<Record<RoleEdition, string>> = {};
  for (const role of ROLES_EDITION) {
    const [u] = await db
      .insert(utilisateurs)
      .values({ courriel: `${role}-${lieuId.slice(0, 8)}@exemple.fr`, nom: `Camille ${role}`, role: role === "administrateur" ? "administrateur" : null })
      .returning({ id: utilisateurs.id });
    const id = u?.id ?? "";
    ids[role] = id;
    if (role === "mediateur" || role === "responsable" || role === "prescripteur") await db.insert(membres_structures).values({ structure_id: structureId, utilisateur_id: id, role });
    if (role === "coordinateur") await db.insert(coordinations).values({ utilisateur_id: id, type_territoire: "epci", code: "243500139" });
    if (role === "coordinateur_ailleurs") await db.insert(coordinations).values({ utilisateur_id: id, type_territoire: "departement", code: "29" });
  }
  return {
    connecte: ids.connecte ?? "",
    mediateur: ids.mediateur ?? "",
    responsable: ids.responsable ?? "",
    prescripteur: ids.prescripteur ?? "",
    coordinateur: ids.coordinateur ?? "",
    coordinateur_ailleurs: ids.coordinateur_ailleurs ?? "",
    administrateur: ids.administrateur ?? "",
  };
}
