import { and, asc, count, inArray, isNull, sql } from "drizzle-orm";
import { versLieuTrouve } from "~/lieux/fiche/lieu-trouve";
import { lieux } from "~/lieux/lieux.schema";
import { EXPLICATIONS_SERVICES } from "~/lieux/presentation/services";
import type { LieuTrouve } from "~/lieux/recherche/resultat";
import { DISPOSITIFS_PROGRAMMES_NATIONAUX } from "~/lieux/standard/enumerations";
import type { BaseDeDonnees } from "~/platform/db/connexion.server";
import { ErreurPasserelle } from "~/platform/erreurs";
import type { Referentiel, Territoire } from "../types";

export const TYPES_TERRITOIRE = ["region", "departement", "epci", "commune"] as const;
export type TypeTerritoire = (typeof TYPES_TERRITOIRE)[number];

export interface LienTerritoire {
  type: TypeTerritoire;
  code: string;
  nom: string;
}

export interface SousTerritoire extends LienTerritoire {
  population: number;
  lieux: number;
}

export interface PageTerritoire extends LienTerritoire {
  population: number;
  /** Enclosing territories, from the region down (breadcrumb). */
  parents: LienTerritoire[];
  total: number;
  parService: { service: string; libelle: string; lieux: number }[];
  parProgramme: { programme: string; lieux: number }[];
  /** Places per EPCI of a département, per commune of an EPCI, per département of the region. */
  sousTerritoires: SousTerritoire[];
  lieux: LieuTrouve[];
  page: number;
  pages: number;
  par_page: number;
}

const PAR_PAGE = 20;

export function estTypeTerritoire(t: string): t is TypeTerritoire {
  return TYPES_TERRITOIRE.some((x) => x === t);
}

/** A territory's page: its places (by name, paginated), counts per service and programme, and sub-territories. */
export async function chargerPageTerritoire(
  db: BaseDeDonnees,
  referentiel: Referentiel,
  type: string,
  code: string,
  options: { page?: number; maintenant?: Date } = {},
): Promise<PageTerritoire> {
  const t = estTypeTerritoire(type) ? referentiel.territoire(code) : undefined;
  if (!t || t.type !== type) throw new ErreurPasserelle("introuvable", "Ce territoire n'existe pas.");
  // Places may still carry a former code of a merged commune.
  const codes = t.communes.flatMap((c) => [c, ...(referentiel.commune(c)?.anciensCodes ?? [])]);
  const filtre = and(isNull(lieux.fusionne_dans), inArray(lieux.code_insee, codes));

  const parCommune = await db.select({ code: lieux.code_insee, n: count() }).from(lieux).where(filtre).groupBy(lieux.code_insee);
  const total = parCommune.reduce((s, c) => s + c.n, 0);
  const service = sql<string>`unnest(${lieux.services})`;
  const services = await db.select({ v: service, n: count() }).from(lieux).where(filtre).groupBy(sql`1`);
  const programme = sql<string>`unnest(${lieux.dispositif_programmes_nationaux})`;
  const programmes = await db.select({ v: programme, n: count() }).from(lieux).where(filtre).groupBy(sql`1`);

  const pages = Math.max(1, Math.ceil(total / PAR_PAGE));
  const page = Math.min(Math.max(1, options.page ?? 1), pages);
  const lignes = await db.select().from(lieux).where(filtre).orderBy(asc(lieux.nom), asc(lieux.id)).limit(PAR_PAGE).offset((page - 1) * PAR_PAGE);
  const maintenant = options.maintenant ?? new Date();

  const lieuxParCommune = new Map<string, number>();
  for (const c of parCommune) {
    const actuel = c.code === null ? undefined : (referentiel.commune(c.code)?.code ?? c.code);
    if (actuel !== undefined) lieuxParCommune.set(actuel, (lieuxParCommune.get(actuel) ?? 0) + c.n);
  }

  return {
    type: t.type,
    code: t.code,
    nom: t.nom,
    population: population(referentiel, t),
    parents: parents(referentiel, t),
    total,
    parService: EXPLICATIONS_SERVICES.map((e) => ({ service: e.service, libelle: e.libelle, lieux: services.find((s) => s.v === e.service)?.n ?? 0 })),
    parProgramme: DISPOSITIFS_PROGRAMMES_NATIONAUX.map((p) => ({ programme: p, lieux: programmes.find((x) => x.v === p)?.n ?? 0 })).filter(
      (p) => p.lieux > 0 || p.programme === "France Services" || p.programme === "Conseillers numériques" || p.programme === "Aidants Connect",
    ),
    sousTerritoires: sousTerritoires(referentiel, t, lieuxParCommune),
    lieux: lignes.map((l) => versLieuTrouve(l, maintenant)),
    page,
    pages,
    par_page: PAR_PAGE,
  };
}

function population(r: Referentiel, t: Territoire): number {
  switch (t.type) {
    case "region":
      return r.region().population;
    case "departement":
      return r.departement(t.code)?.population ?? 0;
    case "epci":
      return r.epci(t.code)?.population ?? 0;
    case "commune":
      return r.commune(t.code)?.population ?? 0;
  }
}

function parents(r: Referentiel, t: Territoire): LienTerritoire[] {
  const region: LienTerritoire = { type: "region", code: r.region().code, nom: r.region().nom };
  if (t.type === "region") return [];
  if (t.type === "departement") return [region];
  if (t.type === "epci") {
    const deps = r.epci(t.code)?.departements ?? [];
    return [region, ...deps.flatMap((d) => lienDepartement(r, d))];
  }
  const c = r.commune(t.code);
  if (!c) return [region];
  const e = c.epci === undefined ? undefined : r.epci(c.epci);
  return [region, ...lienDepartement(r, c.departement), ...(e ? [{ type: "epci" as const, code: e.code, nom: e.nom }] : [])];
}

function lienDepartement(r: Referentiel, code: string): LienTerritoire[] {
  const d = r.departement(code);
  return d ? [{ type: "departement", code: d.code, nom: d.nom }] : [];
}

/** Counts only the communes inside the territory, so that the sub-territories add up to its total. */
function sousTerritoires(r: Referentiel, t: Territoire, parCommune: ReadonlyMap<string, number>): SousTerritoire[] {
  const dans = new Set(t.communes);
  const somme = (communes: readonly string[]) => communes.filter((c) => dans.has(c)).reduce((s, c) => s + (parCommune.get(c) ?? 0), 0);
  const parNom = (a: { nom: string }, b: { nom: string }) => a.nom.localeCompare(b.nom, "fr");
  switch (t.type) {
    case "region":
      return r.departements().map((d) => ({ type: "departement", code: d.code, nom: d.nom, population: d.population, lieux: somme(r.territoire(d.code)?.communes ?? []) }));
    case "departement": {
      const epcis = r
        .epcis()
        .filter((e) => e.communes.some((c) => dans.has(c)))
        .map((e): SousTerritoire => ({ type: "epci", code: e.code, nom: e.nom, population: e.population, lieux: somme(e.communes) }));
      // The few island communes outside any EPCI are listed themselves, so that nothing is left out.
      const horsEpci = t.communes.flatMap((code): SousTerritoire[] => {
        const c = r.commune(code);
        return c && c.epci === undefined ? [{ type: "commune", code: c.code, nom: c.nom, population: c.population, lieux: parCommune.get(c.code) ?? 0 }] : [];
      });
      return [...epcis.sort(parNom), ...horsEpci.sort(parNom)];
    }
    case "epci":
      return t.communes
        .flatMap((code): SousTerritoire[] => {
          const c = r.commune(code);
          return c ? [{ type: "commune", code: c.code, nom: c.nom, population: c.population, lieux: parCommune.get(c.code) ?? 0 }] : [];
        })
        .sort(parNom);
    case "commune":
      return [];
  }
}
