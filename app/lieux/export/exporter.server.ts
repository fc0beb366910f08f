import { and, asc, inArray, isNull, type SQL } from "drizzle-orm";
import type { BaseDeDonnees } from "~/platform/db/connexion.server";
import { ErreurPasserelle } from "~/platform/erreurs";
import { appartient } from "~/platform/listes";
import type { Referentiel } from "~/territoire/types";
import { versLieuStandard } from "../lignes";
import { lieux } from "../lieux.schema";
import type { LieuStandard } from "../standard/lieu";
import { versDataInclusion } from "./data-inclusion";
import { versGeoJson } from "./geojson";
import { versCsvStandard, versJsonStandard } from "./standard";

export const FORMATS_EXPORT = ["standard-csv", "standard-json", "data-inclusion", "geojson"] as const;
export type FormatExport = (typeof FORMATS_EXPORT)[number];

export function estFormatExport(valeur: string): valeur is FormatExport {
  return appartient(FORMATS_EXPORT, valeur);
}

export type LieuExporte = LieuStandard & { uuid: string; modifieLe: string };

/**
 * The places of the directory (merged-away ids left out), optionally within a territory.
 * A commune point standing in for a missing position is not exported as if it were the place's.
 */
export async function lieuxAExporter(db: BaseDeDonnees, referentiel: Referentiel, codeTerritoire?: string): Promise<LieuExporte[]> {
  const conditions: SQL[] = [isNull(lieux.fusionne_dans)];
  if (codeTerritoire !== undefined) {
    const territoire = referentiel.territoire(codeTerritoire);
    if (!territoire) {
      throw new ErreurPasserelle("introuvable", `Territoire inconnu : « ${codeTerritoire} ». Donnez un code de département (22), un SIREN d'EPCI ou un code INSEE de commune.`);
    }
    conditions.push(inArray(lieux.code_insee, territoire.communes));
  }
  const lignes = await db.select().from(lieux).where(and(...conditions)).orderBy(asc(lieux.code_insee), asc(lieux.nom), asc(lieux.id));
  return lignes.map((ligne) => {
    const l = versLieuStandard(ligne);
    if (ligne.position_approchee) {
      delete l.latitude;
      delete l.longitude;
    }
    return { ...l, uuid: ligne.id, modifieLe: ligne.modifie_le.toISOString() };
  });
}

/** The export file's text for a format. */
export function serialiser(format: FormatExport, lieuxExportes: readonly LieuExporte[]): string {
  switch (format) {
    case "standard-csv":
      return versCsvStandard(lieuxExportes);
    case "standard-json":
      return `${JSON.stringify(versJsonStandard(lieuxExportes), null, 2)}\n`;
    case "data-inclusion":
      return `${JSON.stringify(versDataInclusion(lieuxExportes, { source: "passerelle" }), null, 2)}\n`;
    case "geojson":
      return `${JSON.stringify(versGeoJson(lieuxExportes))}\n`;
  }
}
