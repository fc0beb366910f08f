import type { CommuneEloignee, LigneDiagnostic, Offre } from "../types";
import { formaterDecimal, formaterEntier, formaterIndice } from "./format";

/** The offer's key figures and the gaps' summary, shared by the page and the PDF. */

export interface ChiffreCle {
  valeur: string;
  libelle: string;
}

export function chiffresOffre(offre: Offre, population: number): ChiffreCle[] {
  const pluriel = (n: number, s: string, p: string) => (n >= 2 ? p : s);
  return [
    { valeur: formaterEntier(offre.lieux), libelle: pluriel(offre.lieux, "lieu de médiation numérique", "lieux de médiation numérique") },
    {
      valeur: formaterDecimal(offre.lieux_pour_10000),
      libelle: `lieu${(offre.lieux_pour_10000 ?? 0) >= 2 ? "x" : ""} pour 10 000 habitants (${formaterEntier(population)} habitants)`,
    },
    { valeur: formaterEntier(offre.itinerants), libelle: pluriel(offre.itinerants, "lieu itinérant ou service mobile", "lieux itinérants ou services mobiles") },
    { valeur: formaterEntier(offre.ouverts_soir), libelle: pluriel(offre.ouverts_soir, "lieu ouvert après 18 h au moins un jour", "lieux ouverts après 18 h au moins un jour") },
    { valeur: formaterEntier(offre.ouverts_samedi), libelle: pluriel(offre.ouverts_samedi, "lieu ouvert le samedi", "lieux ouverts le samedi") },
    { valeur: formaterEntier(offre.programmes.france_services), libelle: pluriel(offre.programmes.france_services, "espace France services", "espaces France services") },
    {
      valeur: formaterEntier(offre.programmes.conseillers_numeriques),
      libelle: pluriel(offre.programmes.conseillers_numeriques, "lieu avec un conseiller numérique", "lieux avec un conseiller numérique"),
    },
    { valeur: formaterEntier(offre.programmes.aidants_connect), libelle: pluriel(offre.programmes.aidants_connect, "lieu Aidants Connect", "lieux Aidants Connect") },
  ];
}

/** The rows with the largest gap first (rank 1), those without a rank left out. */
export function plusGrandsEcarts(lignes: readonly LigneDiagnostic[], nombre: number): LigneDiagnostic[] {
  return lignes
    .filter((l): l is LigneDiagnostic & { rang: number } => l.rang !== null)
    .sort((a, b) => a.rang - b.rang)
    .slice(0, nombre);
}

/** "1. Locmaria : besoin 1,00, offre 0,00, écart 1,00". */
export function texteEcart(l: LigneDiagnostic): string {
  return `${l.rang ?? "–"}. ${l.nom} : besoin ${formaterIndice(l.score_besoin)}, offre ${formaterIndice(l.score_offre)}, écart ${formaterIndice(l.ecart)}`;
}

/** Far communes grouped by commune, farthest first: one line per commune lists the services out of reach. */
export interface CommuneEloigneeGroupee {
  code: string;
  nom: string;
  population: number;
  services: CommuneEloignee[];
}

export function grouperEloignees(liste: readonly CommuneEloignee[]): CommuneEloigneeGroupee[] {
  const parCode = new Map<string, CommuneEloigneeGroupee>();
  for (const e of liste) {
    const g = parCode.get(e.code) ?? { code: e.code, nom: e.nom, population: e.population, services: [] };
    g.services.push(e);
    parCode.set(e.code, g);
  }
  const max = (g: CommuneEloigneeGroupee) => Math.max(...g.services.map((s) => s.distance_km));
  return [...parCode.values()]
    .map((g) => ({ ...g, services: [...g.services].sort((a, b) => b.distance_km - a.distance_km) }))
    .sort((a, b) => max(b) - max(a) || a.nom.localeCompare(b.nom, "fr"));
}
