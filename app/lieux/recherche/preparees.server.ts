import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { BaseDeDonnees } from "~/platform/db/connexion.server";
import { lieux } from "../lieux.schema";
import { valeursPriseEnCharge } from "./filtres";
import type { Criteres } from "./criteres";
import { boite, conditions, distanceKmSql, ordre, type Valeur, type Zone } from "./requete.server";

/**
 * The first step of a search — the matching ids in order — as prepared statements, one per
 * SHAPE of criteria (which facets are used, with or without a centre or a time filter): a few
 * dozen shapes at most. Building and rendering the query with Drizzle and planning it in
 * PostgreSQL were a large part of a search's cost; now only the values travel.
 */

export interface Candidat {
  id: string;
  version: number;
  distance?: number;
  horaires?: string | null;
  total?: number;
}

const FACETTES = ["services", "publics", "prise_en_charge", "frais", "accompagnement", "dispositifs"] as const;

function forme(criteres: Criteres, zone: Zone | undefined, temporel: boolean, page: boolean): string {
  const facettes = FACETTES.map((f) => (criteres[f].length > 0 ? "1" : "0")).join("");
  return [zone ? "z" : "-", temporel ? "t" : "-", page ? "p" : "-", facettes, criteres.rendez_vous ?? "-", criteres.itinerant ? "i" : "-"].join("");
}

/** The values of the placeholders named in requete.server.ts. */
function parametres(criteres: Criteres, zone: Zone | undefined): Record<string, unknown> {
  const p: Record<string, unknown> = {
    services: criteres.services,
    publics: criteres.publics,
    prise_en_charge: valeursPriseEnCharge(criteres.prise_en_charge),
    frais: criteres.frais,
    accompagnement: criteres.accompagnement,
    dispositifs: criteres.dispositifs,
  };
  if (zone) Object.assign(p, { lon: zone.centre.longitude, lat: zone.centre.latitude, rayon: zone.rayonKm, ...boite(zone) });
  return p;
}

const place: Valeur = (nom) => sql.placeholder(nom);

function preparer(db: BaseDeDonnees, criteres: Criteres, zone: Zone | undefined, temporel: boolean, page: boolean, nom: string) {
  const colonnes = {
    id: lieux.id,
    version: lieux.version,
    ...(zone ? { distance: distanceKmSql(zone.centre, place) } : {}),
    ...(temporel ? { horaires: lieux.horaires } : {}),
    ...(page ? { total: sql<number>`count(*) over ()`.mapWith(Number) } : {}),
  };
  const requete = db.select(colonnes).from(lieux).where(conditions(criteres, zone, temporel, place)).orderBy(...ordre(zone, place));
  return page ? requete.limit(sql.placeholder("limite")).offset(sql.placeholder("decalage")).prepare(nom) : requete.prepare(nom);
}

type Preparee = ReturnType<typeof preparer>;
const PREPAREES = new WeakMap<BaseDeDonnees, Map<string, Preparee>>();

/**
 * The ordered candidates: one page (`page` given, each row then carries the `total`) or all of them.
 * With a time filter, all of them with their hours: the caller decides the hours and cuts the page.
 */
export async function candidats(
  db: BaseDeDonnees,
  criteres: Criteres,
  zone: Zone | undefined,
  temporel: boolean,
  page?: { limite: number; decalage: number },
): Promise<Candidat[]> {
  const cle = forme(criteres, zone, temporel, page !== undefined);
  let parForme = PREPAREES.get(db);
  if (!parForme) {
    parForme = new Map();
    PREPAREES.set(db, parForme);
  }
  let preparee = parForme.get(cle);
  if (!preparee) {
    preparee = preparer(db, criteres, zone, temporel, page !== undefined, `recherche_lieux_${createHash("sha1").update(cle).digest("hex").slice(0, 12)}`);
    parForme.set(cle, preparee);
  }
  return preparee.execute({ ...parametres(criteres, zone), ...page });
}
