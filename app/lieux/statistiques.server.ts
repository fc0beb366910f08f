import { count, countDistinct, desc, eq, isNull, max, sql } from "drizzle-orm";
import type { BaseDeDonnees } from "~/platform/db/connexion.server";
import type { Referentiel } from "~/territoire/types";
import { doublons, imports, lieux, lieuxSources } from "./lieux.schema";

export interface StatistiquesAnnuaire {
  total: number;
  parDepartement: { code: string; nom: string; lieux: number; pour10000: number }[];
  /** Places whose commune could not be identified (no INSEE code): counted, never hidden. */
  sansCommune: number;
  parSource: { source: string; lieux: number }[];
  multiSources: number;
  fraicheur: { tranche: string; lieux: number }[];
  dernierImport: string | null;
  aRevoir: number;
}

/** Age brackets of the declared update date: the data shipped today is 2022–2024, and the page says so. */
const TRANCHES = [
  { tranche: "moins de 6 mois", mois: 6 },
  { tranche: "6 à 12 mois", mois: 12 },
  { tranche: "1 à 2 ans", mois: 24 },
  { tranche: "plus de 2 ans", mois: Number.POSITIVE_INFINITY },
] as const;

export async function statistiquesAnnuaire(db: BaseDeDonnees, referentiel: Referentiel, aujourdhui = new Date()): Promise<StatistiquesAnnuaire> {
  const actifs = isNull(lieux.fusionne_dans);
  const [total] = await db.select({ n: count() }).from(lieux).where(actifs);
  const departement = sql<string | null>`left(${lieux.code_insee}, 2)`;
  const parDep = await db.select({ code: departement, n: count() }).from(lieux).where(actifs).groupBy(departement);
  const parSource = await db
    .select({ source: lieuxSources.source, n: countDistinct(lieuxSources.lieu_id) })
    .from(lieuxSources)
    .groupBy(lieuxSources.source)
    .orderBy(desc(countDistinct(lieuxSources.lieu_id)));
  const plusieurs = db.select({ lieu: lieuxSources.lieu_id }).from(lieuxSources).groupBy(lieuxSources.lieu_id).having(sql`count(*) > 1`).as("plusieurs");
  const [multi] = await db.select({ n: count() }).from(plusieurs);
  const ages = await db
    .select({ mois: sql<number>`floor((${aujourdhui.toISOString().slice(0, 10)}::date - ${lieux.date_maj}) / 30.4375)::int`, n: count() })
    .from(lieux)
    .where(actifs)
    .groupBy(sql`1`);
  const [dernier] = await db.select({ t: max(imports.termine_le) }).from(imports);
  const [revoir] = await db.select({ n: count() }).from(doublons).where(eq(doublons.statut, "a_revoir"));

  const fraicheur = TRANCHES.map((t, i) => {
    const min = i === 0 ? Number.NEGATIVE_INFINITY : (TRANCHES[i - 1]?.mois ?? 0);
    return { tranche: t.tranche, lieux: ages.filter((a) => a.mois >= min && a.mois < t.mois).reduce((s, a) => s + a.n, 0) };
  });
  const parDepartement = referentiel.departements().map((d) => {
    const n = parDep.find((p) => p.code === d.code)?.n ?? 0;
    return { code: d.code, nom: d.nom, lieux: n, pour10000: Math.round((n / d.population) * 100_000) / 10 };
  });
  return {
    total: total?.n ?? 0,
    parDepartement,
    sansCommune: parDep.filter((p) => !referentiel.departement(p.code ?? "")).reduce((t, p) => t + p.n, 0),
    parSource: parSource.map((s) => ({ source: s.source, lieux: s.n })),
    multiSources: multi?.n ?? 0,
    fraicheur,
    dernierImport: dernier?.t ? new Date(dernier.t).toISOString() : null,
    aRevoir: revoir?.n ?? 0,
  };
}
