import type { LienTerritoire, TypeTerritoire } from "~/territoire/pages/page-territoire.server";
import type { Commune, Referentiel } from "~/territoire/types";

/** A territory of the diagnostic: what it is, its communes and the territories enclosing it. */
export interface TerritoireDiagnostic extends LienTerritoire {
  population: number;
  communes: readonly Commune[];
  parents: LienTerritoire[];
}

export const cleTerritoire = (type: TypeTerritoire, code: string): string => `${type}:${code}`;

/** The region, its départements, its EPCI and its communes, each with its communes (those of the region). */
export function territoiresDeLaRegion(r: Referentiel): TerritoireDiagnostic[] {
  const communes = r.communes();
  const parCode = new Map(communes.map((c) => [c.code, c]));
  const de = (codes: readonly string[]) => codes.flatMap((c) => parCode.get(c) ?? []);
  const region: LienTerritoire = { type: "region", code: r.region().code, nom: r.region().nom };
  const departement = (code: string): LienTerritoire[] => {
    const d = r.departement(code);
    return d ? [{ type: "departement", code: d.code, nom: d.nom }] : [];
  };
  return [
    { ...region, population: r.region().population, communes, parents: [] },
    ...r.departements().map((d) => ({
      type: "departement" as const,
      code: d.code,
      nom: d.nom,
      population: d.population,
      communes: communes.filter((c) => c.departement === d.code),
      parents: [region],
    })),
    ...r.epcis().map((e) => ({
      type: "epci" as const,
      code: e.code,
      nom: e.nom,
      population: e.population,
      communes: de(e.communes),
      parents: [region, ...e.departements.flatMap(departement)],
    })),
    ...communes.map((c) => {
      const epci = c.epci === undefined ? undefined : r.epci(c.epci);
      return {
        type: "commune" as const,
        code: c.code,
        nom: c.nom,
        population: c.population,
        communes: [c],
        parents: [region, ...departement(c.departement), ...(epci ? [{ type: "epci" as const, code: epci.code, nom: epci.nom }] : [])],
      };
    }),
  ];
}

/** Peers of a territory in the comparison, with the sentence that names them. */
export interface Pairs {
  niveau: TypeTerritoire;
  cles: string[];
  description: string;
}

export function pairsDe(r: Referentiel, t: LienTerritoire): Pairs {
  const epcis = (liste: readonly { code: string }[]) => liste.map((e) => cleTerritoire("epci", e.code));
  const communes = (codes: readonly string[]) => codes.map((c) => cleTerritoire("commune", c));
  const n = (k: number, mot: string) => `${k === 1 ? "le seul" : `les ${k}`} ${mot}${k > 1 && mot === "commune" ? "s" : ""}`;
  if (t.type === "region") {
    return { niveau: "epci", cles: epcis(r.epcis()), description: `${n(r.epcis().length, "EPCI")} de la région ${t.nom}` };
  }
  if (t.type === "departement") {
    const liste = r.epcis().filter((e) => e.departements.includes(t.code));
    return {
      niveau: "epci",
      cles: epcis(liste),
      description: `${n(liste.length, "EPCI")} ayant au moins une commune dans le département ${t.nom} (chacun avec toutes ses communes bretonnes)`,
    };
  }
  if (t.type === "epci") {
    const e = r.epci(t.code);
    const codes = e?.communes ?? [];
    return { niveau: "commune", cles: communes(codes), description: `${n(codes.length, "commune")} de l'EPCI ${t.nom}` };
  }
  const c = r.commune(t.code);
  const e = c?.epci === undefined ? undefined : r.epci(c.epci);
  if (!e) return { niveau: "commune", cles: communes([t.code]), description: `la commune ${t.nom} seule : elle n'appartient à aucun EPCI` };
  return { niveau: "commune", cles: communes(e.communes), description: `${n(e.communes.length, "commune")} de l'EPCI ${e.nom}, dont ${t.nom}` };
}
