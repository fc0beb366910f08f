import { DispositifProgrammeNational, Itinerance } from "@gouvfr-anct/lieux-de-mediation-numerique";
import { ouvertLe, ouvertLeSoir } from "~/lieux/horaires";
import { explicationService } from "~/lieux/presentation/services";
import { SERVICES } from "~/lieux/standard/enumerations";
import type { Commune, Referentiel } from "~/territoire/types";
import type { CouvertureService, Offre } from "../types";
import type { LieuLu } from "./entrees";
import { indexProximite, type Proche } from "./proximite";

/** A place as the diagnostic counts it: its current commune and what it offers, read once. */
export interface LieuCalcule {
  id: string;
  nom: string;
  /** Commune name, as the place states it. */
  nomCommune: string;
  /** Current commune code (a former code is mapped), undefined outside the region. */
  commune: string | undefined;
  position: { latitude: number; longitude: number } | undefined;
  services: ReadonlySet<string>;
  itinerant: boolean;
  soir: boolean;
  samedi: boolean;
  franceServices: boolean;
  conseillersNumeriques: boolean;
  aidantsConnect: boolean;
}

/** Counts of places; additive, so a territory's are the sum of its communes'. */
export interface Comptes {
  lieux: number;
  itinerants: number;
  soir: number;
  samedi: number;
  france_services: number;
  conseillers_numeriques: number;
  aidants_connect: number;
  parService: Map<string, number>;
}

export type ProcheLieu = Proche<LieuCalcule>;

/** For one commune: the nearest place of any service, and the nearest offering each service. */
export interface DistancesCommune {
  tout: ProcheLieu | null;
  parService: ReadonlyMap<string, ProcheLieu | null>;
}

export const libelleService = (service: string): string => explicationService(service)?.libelle ?? service;

export function preparerLieux(lus: readonly LieuLu[], referentiel: Referentiel, maintenant: Date): LieuCalcule[] {
  // Many places publish the same hours: each text is read once (reading the week costs time zone work).
  const lues = new Map<string, { soir: boolean; samedi: boolean }>();
  const horaires = (h: string | null) => {
    if (!h) return { soir: false, samedi: false };
    let x = lues.get(h);
    if (!x) lues.set(h, (x = { soir: ouvertLeSoir(h, maintenant) === true, samedi: ouvertLe(h, "samedi", undefined, maintenant) === true }));
    return x;
  };
  // Sorted by id: ties between equally near places always resolve the same way.
  return [...lus]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((l) => {
      const programmes = new Set(l.dispositif_programmes_nationaux);
      return {
        id: l.id,
        nom: l.nom,
        nomCommune: l.commune,
        commune: l.code_insee === null ? undefined : referentiel.commune(l.code_insee)?.code,
        position: l.latitude === null || l.longitude === null ? undefined : { latitude: l.latitude, longitude: l.longitude },
        services: new Set(l.services),
        itinerant: l.itinerance.includes(Itinerance.Itinerant),
        ...horaires(l.horaires),
        franceServices: programmes.has(DispositifProgrammeNational.FranceServices),
        conseillersNumeriques: programmes.has(DispositifProgrammeNational.ConseillersNumeriques),
        aidantsConnect: programmes.has(DispositifProgrammeNational.AidantsConnect),
      };
    });
}

function comptesVides(): Comptes {
  return { lieux: 0, itinerants: 0, soir: 0, samedi: 0, france_services: 0, conseillers_numeriques: 0, aidants_connect: 0, parService: new Map() };
}

/** Places counted in the commune they belong to (through its current code). */
export function comptesParCommune(lieux: readonly LieuCalcule[]): Map<string, Comptes> {
  const parCommune = new Map<string, Comptes>();
  for (const l of lieux) {
    if (l.commune === undefined) continue;
    let c = parCommune.get(l.commune);
    if (!c) parCommune.set(l.commune, (c = comptesVides()));
    c.lieux += 1;
    c.itinerants += Number(l.itinerant);
    c.soir += Number(l.soir);
    c.samedi += Number(l.samedi);
    c.france_services += Number(l.franceServices);
    c.conseillers_numeriques += Number(l.conseillersNumeriques);
    c.aidants_connect += Number(l.aidantsConnect);
    for (const s of l.services) c.parService.set(s, (c.parService.get(s) ?? 0) + 1);
  }
  return parCommune;
}

export function sommerComptes(codes: readonly string[], parCommune: ReadonlyMap<string, Comptes>): Comptes {
  const t = comptesVides();
  for (const code of codes) {
    const c = parCommune.get(code);
    if (!c) continue;
    t.lieux += c.lieux;
    t.itinerants += c.itinerants;
    t.soir += c.soir;
    t.samedi += c.samedi;
    t.france_services += c.france_services;
    t.conseillers_numeriques += c.conseillers_numeriques;
    t.aidants_connect += c.aidants_connect;
    for (const [s, n] of c.parService) t.parService.set(s, (t.parService.get(s) ?? 0) + n);
  }
  return t;
}

/** Nearest place, for every commune, among the region's places with a position: any service, then each of the 9. */
export function distancesParCommune(communes: readonly Commune[], lieux: readonly LieuCalcule[]): Map<string, DistancesCommune> {
  const places = lieux.flatMap((l) => (l.commune !== undefined && l.position ? [{ ...l.position, lieu: l }] : []));
  const tout = indexProximite(places);
  const parService = SERVICES.map((s) => ({ service: s, index: indexProximite(places.filter((p) => p.lieu.services.has(s))) }));
  const resultat = new Map<string, DistancesCommune>();
  for (const c of communes) {
    const proche = (index: typeof tout): ProcheLieu | null => {
      const p = index(c);
      return p ? { element: p.element.lieu, km: p.km } : null;
    };
    resultat.set(c.code, { tout: proche(tout), parService: new Map(parService.map(({ service, index }) => [service, proche(index)])) });
  }
  return resultat;
}

/** Population-weighted mean and max of the communes' distances (communes without a distance left out). */
export function moyennePonderee(valeurs: readonly { km: number | null; population: number }[]): { moyenne: number | null; max: number | null } {
  const connues = valeurs.filter((v): v is { km: number; population: number } => v.km !== null);
  if (connues.length === 0) return { moyenne: null, max: null };
  const poids = connues.reduce((s, v) => s + v.population, 0);
  const moyenne = poids > 0 ? connues.reduce((s, v) => s + v.km * v.population, 0) / poids : connues.reduce((s, v) => s + v.km, 0) / connues.length;
  return { moyenne, max: Math.max(...connues.map((v) => v.km)) };
}

export const arrondi = (x: number | null, decimales: number): number | null => (x === null ? null : Math.round(x * 10 ** decimales) / 10 ** decimales);

/** The offer of a territory made of these communes. */
export function offre(communes: readonly Commune[], population: number, comptes: Comptes, distances: ReadonlyMap<string, DistancesCommune>, seuilKm: number): Offre {
  const services = SERVICES.map((service): CouvertureService => {
    const parCommune = communes.map((c) => ({ km: distances.get(c.code)?.parService.get(service)?.km ?? null, population: c.population }));
    const { moyenne, max } = moyennePonderee(parCommune);
    // No distance: no place of the region offers the service at all, so every commune is beyond reach.
    const loin = parCommune.filter((v) => v.km === null || v.km > seuilKm);
    return {
      service,
      libelle: libelleService(service),
      lieux: comptes.parService.get(service) ?? 0,
      distance_moyenne_km: arrondi(moyenne, 1),
      distance_max_km: arrondi(max, 1),
      communes_eloignees: loin.length,
      population_eloignee: loin.reduce((s, v) => s + v.population, 0),
    };
  });
  return {
    lieux: comptes.lieux,
    lieux_pour_10000: population > 0 ? arrondi((comptes.lieux / population) * 10_000, 2) : null,
    itinerants: comptes.itinerants,
    ouverts_soir: comptes.soir,
    ouverts_samedi: comptes.samedi,
    programmes: { france_services: comptes.france_services, conseillers_numeriques: comptes.conseillers_numeriques, aidants_connect: comptes.aidants_connect },
    seuil_eloignement_km: seuilKm,
    services,
  };
}
