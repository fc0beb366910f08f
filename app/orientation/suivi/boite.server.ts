import { and, count, eq, inArray, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { lieux } from "~/lieux/lieux.schema";
import type { BaseDeDonnees } from "~/platform/db/connexion.server";
import { ErreurPasserelle } from "~/platform/erreurs";
import { appartient } from "~/platform/listes";
import { z } from "~/platform/validation";
import { exiger, type Droits } from "~/structures/droits.server";
import { structures } from "~/structures/structures.schema";
import { orientations } from "./orientations.schema";
import { DEMARCHES, ISSUES, STATUTS, URGENCES, type Demarche, type Issue, type Statut, type Urgence } from "./vocabulaire";

/**
 * The inbox of a structure (received or sent referrals): counts per status for the tab, one page of
 * 20 rows, newest first. No personal field is read here. Built to stay fast at a million referrals:
 * every query walks `orientations_recues_idx` / `orientations_envoyees_idx` (structure, statut,
 * envoyee_le desc), one index range per status (see `idsDeLaPage`).
 */

export const PAR_PAGE_BOITE = 20;
export const SENS_BOITE = ["recues", "envoyees"] as const;
export type SensBoite = (typeof SENS_BOITE)[number];

export interface FiltresBoite {
  sens: SensBoite;
  structureId: string;
  statuts: Statut[];
  demarche: Demarche | null;
  page: number;
}

export interface LigneBoite {
  id: string;
  code: string;
  statut: Statut;
  urgence: Urgence;
  envoyeeLe: Date;
  rdvLe: Date | null;
  issue: Issue | null;
  lieu: { id: string; nom: string; commune: string };
  structureEmettrice: string;
  structureDestinataire: string | null;
  services: string[];
  demarches: Demarche[];
}

export interface Boite {
  lignes: LigneBoite[];
  total: number;
  compteurs: Record<Statut, number>;
  page: number;
  parPage: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const estUuid = (v: string): boolean => UUID.test(v);
/** Deep pages cost one index range of (page × 20) rows per status: beyond this, narrow the filters. */
export const PAGE_MAX = 500;

/**
 * The filters of an inbox URL (`sens`, `structure`, `statut` repeated or comma-separated, `demarche`,
 * `page`), or the errors named per parameter. `structure` defaults to the person's first structure;
 * a structure they do not belong to is left for `lireBoite` to refuse (403, not 400).
 */
export function filtresBoiteDepuis(url: URL, structuresDeLaPersonne: string[]): FiltresBoite | { erreurs: Record<string, string> } {
  const p = url.searchParams;
  const erreurs: Record<string, string> = {};
  const sensLu = p.get("sens") ?? "";
  const sens: SensBoite = sensLu === "" ? "recues" : appartient(SENS_BOITE, sensLu) ? sensLu : "recues";
  if (sensLu !== "" && !appartient(SENS_BOITE, sensLu)) erreurs.sens = "Choisissez « recues » ou « envoyees ».";
  const structureLue = (p.get("structure") ?? "").trim();
  const structureId = structureLue !== "" ? structureLue : (structuresDeLaPersonne[0] ?? "");
  if (structureLue !== "" && !estUuid(structureLue)) erreurs.structure = "Identifiant de structure invalide.";
  else if (structureId === "") erreurs.structure = "Vous n'êtes membre d'aucune structure : rejoignez-en une pour recevoir ou envoyer des orientations.";
  const statuts: Statut[] = [];
  for (const brut of p.getAll("statut").flatMap((v) => v.split(","))) {
    const s = brut.trim();
    if (s === "") continue;
    if (appartient(STATUTS, s)) {
      if (!statuts.includes(s)) statuts.push(s);
    } else erreurs.statut = `Statut inconnu « ${s} » : ${STATUTS.join(", ")}.`;
  }
  const demarcheLue = (p.get("demarche") ?? "").trim();
  const demarche = demarcheLue === "" ? null : appartient(DEMARCHES, demarcheLue) ? demarcheLue : null;
  if (demarcheLue !== "" && demarche === null) erreurs.demarche = `Démarche inconnue « ${demarcheLue} » : ${DEMARCHES.join(", ")}.`;
  const page = z.coerce.number().int().min(1).max(PAGE_MAX).safeParse(p.get("page") ?? "1");
  if (!page.success) erreurs.page = `La page est un nombre entier de 1 à ${PAGE_MAX}.`;
  if (Object.keys(erreurs).length > 0) return { erreurs };
  return { sens, structureId, statuts, demarche, page: page.success ? page.data : 1 };
}

function colonneStructure(sens: SensBoite) {
  return sens === "recues" ? orientations.structure_destinataire_id : orientations.structure_emettrice_id;
}

export const compteursVides = (): Record<Statut, number> => ({ envoyee: 0, vue: 0, acceptee: 0, prise_en_charge: 0, cloturee: 0, refusee: 0, expiree: 0, annulee: 0 });

const idsLus = z.object({ rows: z.array(z.object({ id: z.string() })) });

/**
 * The ids of one page: for each status, the newest (page × 20) rows of that status, read in index
 * order from (structure, statut, envoyee_le desc) with a LIMIT, then merged — never the whole
 * structure. The status is written as a literal (from the closed list STATUTS), not a lateral
 * value: only an equality on a constant lets the planner use the index order (with `statut =
 * s.statut` it sorts every row of a busy structure; with `statut IN (…)` too). `nulls last`: as the
 * index was created (Drizzle's `.desc()`); a bare `desc` (nulls first) would not match its order.
 */
async function idsDeLaPage(db: BaseDeDonnees, f: FiltresBoite, statuts: readonly Statut[]): Promise<string[]> {
  const parStatut = f.page * PAR_PAGE_BOITE;
  const demarche = f.demarche === null ? sql`` : sql` and ${orientations.demarches} @> array[${f.demarche}]::text[]`;
  const colonne = colonneStructure(f.sens);
  const parties = statuts.map(
    (s) => sql`(select ${orientations.id} as id, ${orientations.envoyee_le} as le from ${orientations}
      where ${colonne} = ${f.structureId} and ${orientations.statut} = ${sql.raw(`'${s}'`)}${demarche}
      order by ${orientations.envoyee_le} desc nulls last limit ${sql.raw(String(parStatut))})`,
  );
  const r = await db.execute(sql`select o.id from (${sql.join(parties, sql` union all `)}) o
    order by o.le desc, o.id desc limit ${PAR_PAGE_BOITE} offset ${(f.page - 1) * PAR_PAGE_BOITE}`);
  return idsLus.parse(r).rows.map((l) => l.id);
}

const emettrice = alias(structures, "emettrice");
const destinataire = alias(structures, "destinataire");

/** The rows of these ids, with the place and both structures' names, in the ids' order. */
async function lignesDe(db: BaseDeDonnees, ids: string[]): Promise<LigneBoite[]> {
  if (ids.length === 0) return [];
  const lues = await db
    .select({
      id: orientations.id,
      code: orientations.code,
      statut: orientations.statut,
      urgence: orientations.urgence,
      envoyeeLe: orientations.envoyee_le,
      rdvLe: orientations.rdv_le,
      issue: orientations.issue,
      lieuId: lieux.id,
      lieuNom: lieux.nom,
      commune: lieux.commune,
      structureEmettrice: emettrice.nom,
      structureDestinataire: destinataire.nom,
      services: orientations.services,
      demarches: orientations.demarches,
    })
    .from(orientations)
    .innerJoin(lieux, eq(lieux.id, orientations.lieu_id))
    .innerJoin(emettrice, eq(emettrice.id, orientations.structure_emettrice_id))
    .leftJoin(destinataire, eq(destinataire.id, orientations.structure_destinataire_id))
    .where(inArray(orientations.id, ids));
  const parId = new Map(lues.map((l) => [l.id, l]));
  return ids.flatMap((id) => {
    const l = parId.get(id);
    if (!l || !appartient(STATUTS, l.statut)) return [];
    return [
      {
        id: l.id,
        code: l.code,
        statut: l.statut,
        urgence: appartient(URGENCES, l.urgence) ? l.urgence : "normale",
        envoyeeLe: l.envoyeeLe,
        rdvLe: l.rdvLe,
        issue: l.issue !== null && appartient(ISSUES, l.issue) ? l.issue : null,
        lieu: { id: l.lieuId, nom: l.lieuNom, commune: l.commune },
        structureEmettrice: l.structureEmettrice,
        structureDestinataire: l.structureDestinataire,
        services: l.services,
        demarches: l.demarches.filter((d): d is Demarche => appartient(DEMARCHES, d)),
      },
    ];
  });
}

/** One inbox page. Members (any role) of the structure only: 401 anonymous, 403 others (administrators included: referrals are the two structures' business). */
export async function lireBoite(db: BaseDeDonnees, droits: Droits | null, filtres: FiltresBoite): Promise<Boite> {
  exiger(droits, droits !== null && droits.membres.some((m) => m.structureId === filtres.structureId), "Seuls les membres de cette structure voient ses orientations.");
  const colonne = colonneStructure(filtres.sens);
  // Checked again here: statuses and the page are written into the SQL as literals (idsDeLaPage).
  const statuts = (filtres.statuts.length > 0 ? filtres.statuts : STATUTS).filter((s) => appartient(STATUTS, s));
  if (!Number.isInteger(filtres.page) || filtres.page < 1 || filtres.page > PAGE_MAX) throw new ErreurPasserelle("entree_invalide", `La page est un nombre entier de 1 à ${PAGE_MAX}.`, [{ champ: "page", message: `De 1 à ${PAGE_MAX}.` }]);
  const filtre: SQL[] = [eq(colonne, filtres.structureId), inArray(orientations.statut, [...statuts])];
  if (filtres.demarche !== null) filtre.push(sql`${orientations.demarches} @> array[${filtres.demarche}]::text[]`);
  const [parStatut, ids, totalFiltre] = await Promise.all([
    // The tab's counts: an index-only range of the structure, grouped (the filters do not change them).
    db.select({ statut: orientations.statut, n: count() }).from(orientations).where(eq(colonne, filtres.structureId)).groupBy(orientations.statut),
    idsDeLaPage(db, filtres, statuts),
    filtres.demarche === null ? Promise.resolve(null) : db.select({ n: count() }).from(orientations).where(and(...filtre)),
  ]);
  const compteurs = compteursVides();
  for (const l of parStatut) if (appartient(STATUTS, l.statut)) compteurs[l.statut] = l.n;
  let total = 0;
  for (const s of statuts) total += compteurs[s];
  if (totalFiltre) total = totalFiltre[0]?.n ?? 0;
  return { lignes: await lignesDe(db, ids), total, compteurs, page: filtres.page, parPage: PAR_PAGE_BOITE };
}
