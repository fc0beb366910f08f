import { asc, eq } from "drizzle-orm";
import type { BaseDeDonnees } from "~/platform/db/connexion.server";
import { versJsonStandard } from "../export/standard";
import { lieuxActuels } from "../identite.server";
import { lieuxSources, type ProvenanceChamp } from "../lieux.schema";
import { versLieuStandard } from "../lignes";
import { estSurRendezVous } from "./filtres";

export type FicheLieu = ReturnType<typeof versJsonStandard>[number] & {
  position_approchee: boolean;
  sur_rendez_vous: boolean;
  provenance: Record<string, ProvenanceChamp>;
  sources: { source: string; identifiant: string; date_maj: string }[];
};

export type ResultatFiche = { type: "fiche"; fiche: FicheLieu } | { type: "fusionne"; vers: string } | { type: "introuvable" };

/**
 * A place by its id, in the standard's JSON with the provenance of each field and its source
 * records. A merged-away id answers the surviving place's id (followed through chains of merges).
 */
export async function lireFicheLieu(db: BaseDeDonnees, id: string): Promise<ResultatFiche> {
  const ligne = (await lieuxActuels(db, [id])).get(id);
  if (!ligne) return { type: "introuvable" };
  if (ligne.id !== id.toLowerCase()) return { type: "fusionne", vers: ligne.id };
  const sources = await db
    .select({ source: lieuxSources.source, identifiant: lieuxSources.source_id, date_maj: lieuxSources.date_maj })
    .from(lieuxSources)
    .where(eq(lieuxSources.lieu_id, ligne.id))
    .orderBy(asc(lieuxSources.source), asc(lieuxSources.source_id));
  // Unlike the standard exports, a commune point is kept: `position_approchee` says what it is.
  const [json] = versJsonStandard([versLieuStandard(ligne)]);
  if (!json) return { type: "introuvable" };
  return {
    type: "fiche",
    fiche: { ...json, position_approchee: ligne.position_approchee, sur_rendez_vous: estSurRendezVous(ligne.modalites_acces), provenance: ligne.provenance, sources },
  };
}
