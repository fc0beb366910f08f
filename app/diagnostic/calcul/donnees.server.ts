import { isNull, max } from "drizzle-orm";
import { lieux } from "~/lieux/lieux.schema";
import type { BaseDeDonnees } from "~/platform/db/connexion.server";
import { importsIndicateurs, valeursIndicateurs } from "../indicateurs/indicateurs.schema";
import type { DonneesDiagnostic } from "./entrees";

/** Everything the diagnostic needs, in a few queries: the whole region is computed in memory from it. */
export async function chargerDonneesDiagnostic(db: BaseDeDonnees): Promise<DonneesDiagnostic> {
  const [valeurs, lus, [lieuxModifies], [indicateursImportes]] = await Promise.all([
    db
      .select({
        niveau: valeursIndicateurs.niveau,
        code: valeursIndicateurs.code,
        commune: valeursIndicateurs.commune,
        indicateur: valeursIndicateurs.indicateur,
        valeur: valeursIndicateurs.valeur,
        annee: valeursIndicateurs.annee,
        source: valeursIndicateurs.source,
      })
      .from(valeursIndicateurs),
    db
      .select({
        id: lieux.id,
        nom: lieux.nom,
        commune: lieux.commune,
        code_insee: lieux.code_insee,
        latitude: lieux.latitude,
        longitude: lieux.longitude,
        services: lieux.services,
        horaires: lieux.horaires,
        itinerance: lieux.itinerance,
        dispositif_programmes_nationaux: lieux.dispositif_programmes_nationaux,
      })
      .from(lieux)
      .where(isNull(lieux.fusionne_dans)),
    db.select({ le: max(lieux.modifie_le) }).from(lieux),
    db.select({ le: max(importsIndicateurs.termine_le) }).from(importsIndicateurs),
  ]);
  const dates = [lieuxModifies?.le, indicateursImportes?.le].filter((d) => d instanceof Date);
  const aJourLe = dates.length === 0 ? null : new Date(Math.max(...dates.map((d) => d.getTime())));
  return { valeurs, lieux: lus, aJourLe };
}
