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

function preparer(db: BaseDeDonnees, criteres: Criteres, zone: Zone | undefined, temporel: boolean, nom: string) {
  const colonnes = {
    id: lieux.id,
    version: lieux.version,
    ...(zone ? { distance: distanceKmSql(zone.centre, place) } : {}),
    total: sql<number>`count(*) over ()`.mapWith(Number),
  };
  return db
    .select(colonnes)
    .from(lieux)
    .where(conditions(criteres, zone, temporel, place))
    .orderBy(...ordre(zone, place))
    .limit(sql.placeholder("limite"))
    .offset(sql.placeholder("decalage"))
    .prepare(nom);
}

/**
 * All candidates as ONE json text value, `[[id, version, distance|null, horaires|null], …]` in the
 * search's order: with a time filter a search reads hundreds of rows, and PGlite decoding them
 * row by row cost 3× the query (Rennes, 263 rows: 4.1 ms as rows, 1.2 ms as one json text).
 */
function preparerTous(db: BaseDeDonnees, criteres: Criteres, zone: Zone | undefined, temporel: boolean, nom: string) {
  const distance = zone ? distanceKmSql(zone.centre, place) : sql`null`;
  const horaires = temporel ? lieux.horaires : sql`null`;
  const ordreAgg = sql.join(ordre(zone, place), sql`, `);
  return db
    .select({ json: sql<string | null>`json_agg(json_build_array(${lieux.id}, ${lieux.version}, ${distance}, ${horaires}) order by ${ordreAgg})::text` })
    .from(lieux)
    .where(conditions(criteres, zone, temporel, place))
    .prepare(nom);
}

/** The json of preparerTous back to candidates (a guard per row: it comes from our own query). */
function lireTous(json: string | null | undefined): Candidat[] {
  if (!json) return [];
  const brut: unknown = JSON.parse(json);
  if (!Array.isArray(brut)) throw new Error("candidats : tableau json attendu");
  const candidats: Candidat[] = [];
  for (const e of brut) {
    if (!Array.isArray(e)) throw new Error("candidats : ligne json invalide");
    const [id, version, distance, horaires]: unknown[] = e;
    if (typeof id !== "string" || typeof version !== "number") throw new Error("candidats : ligne json invalide");
    const c: Candidat = { id, version };
    if (typeof distance === "number") c.distance = distance;
    if (typeof horaires === "string" || horaires === null) c.horaires = horaires;
    candidats.push(c);
  }
  return candidats;
}

/** One prepared statement per shape and per database (a WeakMap: a closed test database leaves). */
function memoire<T>() {
  const parBase = new WeakMap<BaseDeDonnees, Map<string, T>>();
  return (db: BaseDeDonnees, cle: string, creer: (nom: string) => T): T => {
    let parForme = parBase.get(db);
    if (!parForme) {
      parForme = new Map();
      parBase.set(db, parForme);
    }
    let p = parForme.get(cle);
    if (!p) {
      p = creer(`recherche_lieux_${createHash("sha1").update(cle).digest("hex").slice(0, 12)}`);
      parForme.set(cle, p);
    }
    return p;
  };
}
const pages = memoire<ReturnType<typeof preparer>>();
const tous = memoire<ReturnType<typeof preparerTous>>();

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
  const valeurs = parametres(criteres, zone);
  if (page) {
    // 20 narrow rows: as plain rows they cost no more than as json (measured), kept as rows.
    return pages(db, forme(criteres, zone, temporel, true), (nom) => preparer(db, criteres, zone, temporel, nom)).execute({ ...valeurs, ...page });
  }
  const [ligne] = await tous(db, forme(criteres, zone, temporel, false), (nom) => preparerTous(db, criteres, zone, temporel, nom)).execute(valeurs);
  return lireTous(ligne?.json);
}
