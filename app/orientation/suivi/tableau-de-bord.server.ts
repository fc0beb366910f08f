import { and, asc, count, eq, gte, inArray, isNotNull, sql, type SQL } from "drizzle-orm";
import type { BaseDeDonnees } from "~/platform/db/connexion.server";
import { ErreurPasserelle } from "~/platform/erreurs";
import { appartient } from "~/platform/listes";
import { exiger, type Droits } from "~/structures/droits.server";
import { structures } from "~/structures/structures.schema";
import { compteursVides, type SensBoite } from "./boite.server";
import { orientations } from "./orientations.schema";
import { ISSUES, MOTIFS_REFUS, STATUTS, type Issue, type MotifRefus, type Statut } from "./vocabulaire";

/**
 * A structure's dashboard of its sent or received referrals over the last 12 months (Paris months,
 * the current one included): counts, waiting time before the first answer, acceptance, refusal
 * reasons, outcomes, expiry, and the same per month. Counts and durations only: no personal field.
 */

/** Accepted, or further along the accepted path. */
export const STATUTS_ACCEPTES: readonly Statut[] = ["acceptee", "prise_en_charge", "cloturee"];

export interface Attente {
  /** Hours between sending and the first answer (vue, acceptée or refusée); null without any answer. */
  medianeHeures: number | null;
  p90Heures: number | null;
  repondues: number;
}

export interface MoisTableau {
  /** `AAAA-MM`. */
  mois: string;
  envoyees: number;
  acceptees: number;
  refusees: number;
  expirees: number;
  medianeHeures: number | null;
}

export interface TableauDeBord {
  structure: { id: string; nom: string };
  sens: SensBoite;
  /** First Paris month of the window, `AAAA-MM`. */
  depuis: string;
  total: number;
  compteurs: Record<Statut, number>;
  attente: Attente;
  /** Accepted or beyond ÷ (those + refused); null when nothing was answered that way. */
  tauxAcceptation: number | null;
  motifsRefus: Record<MotifRefus, number>;
  /** Outcomes among the closed referrals. */
  issues: Record<Issue, number>;
  cloturees: number;
  /** Expired ÷ all referrals of the window. */
  partExpirees: number | null;
  mois: MoisTableau[];
}

const PARIS = "Europe/Paris";
/** A literal, not a parameter: the month expression must be the same text in SELECT and GROUP BY. */
const FUSEAU = sql.raw(`'${PARIS}'`);
const moisParis = new Intl.DateTimeFormat("fr-CA", { timeZone: PARIS, year: "numeric", month: "2-digit" });

/** The 12 Paris months ending with the one of `maintenant`, oldest first. */
export function douzeDerniersMois(maintenant: Date): string[] {
  const [annee, mois] = moisParis.format(maintenant).split("-").map(Number);
  const fin = (annee ?? 2000) * 12 + (mois ?? 1) - 1;
  return Array.from({ length: 12 }, (_, i) => {
    const m = fin - 11 + i;
    return `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}`;
  });
}

/** The instant a Paris month starts, for the window's lower bound (computed by the database's time zone rules). */
export const debutDuMoisParis = (mois: string) => sql`(${`${mois}-01 00:00:00`}::timestamp at time zone ${FUSEAU})`;

const heures = (v: unknown): number | null => (v === null || v === undefined ? null : Math.round(Number(v) * 10) / 10);
const delaiHeures = sql`extract(epoch from (${orientations.repondue_le} - ${orientations.envoyee_le})) / 3600.0`;
const acceptee = sql`${orientations.statut} in ('acceptee', 'prise_en_charge', 'cloturee')`;

export async function tableauDeBord(db: BaseDeDonnees, droits: Droits | null, structureId: string, sens: SensBoite, maintenant = new Date()): Promise<TableauDeBord> {
  exiger(droits, droits !== null && droits.membres.some((m) => m.structureId === structureId), "Seuls les membres de cette structure voient son tableau de bord.");
  const [structure] = await db.select({ id: structures.id, nom: structures.nom }).from(structures).where(eq(structures.id, structureId));
  if (!structure) throw new ErreurPasserelle("introuvable", "Cette structure n'existe pas.");
  const mois = douzeDerniersMois(maintenant);
  const depuis = mois[0] ?? "";
  const colonne = sens === "recues" ? orientations.structure_destinataire_id : orientations.structure_emettrice_id;
  const fenetre: SQL[] = [eq(colonne, structureId), gte(orientations.envoyee_le, debutDuMoisParis(depuis))];
  const moisDe = sql<string>`to_char(${orientations.envoyee_le} at time zone ${FUSEAU}, 'YYYY-MM')`;

  const [groupes, [attente], parMois] = await Promise.all([
    db
      .select({ statut: orientations.statut, issue: orientations.issue, motif: orientations.motif_refus, n: count() })
      .from(orientations)
      .where(and(...fenetre))
      .groupBy(orientations.statut, orientations.issue, orientations.motif_refus),
    db
      .select({
        mediane: sql<unknown>`percentile_cont(0.5) within group (order by ${delaiHeures})`,
        p90: sql<unknown>`percentile_cont(0.9) within group (order by ${delaiHeures})`,
        n: count(),
      })
      .from(orientations)
      .where(and(...fenetre, isNotNull(orientations.repondue_le))),
    db
      .select({
        mois: moisDe,
        envoyees: count(),
        acceptees: sql<number>`count(*) filter (where ${acceptee})`.mapWith(Number),
        refusees: sql<number>`count(*) filter (where ${orientations.statut} = 'refusee')`.mapWith(Number),
        expirees: sql<number>`count(*) filter (where ${orientations.statut} = 'expiree')`.mapWith(Number),
        mediane: sql<unknown>`percentile_cont(0.5) within group (order by ${delaiHeures}) filter (where ${orientations.repondue_le} is not null)`,
      })
      .from(orientations)
      .where(and(...fenetre))
      .groupBy(moisDe),
  ]);

  const compteurs = compteursVides();
  const motifsRefus: Record<MotifRefus, number> = { hors_public: 0, hors_service: 0, complet: 0, hors_territoire: 0, deja_accompagnee: 0, injoignable: 0, autre: 0 };
  const issues: Record<Issue, number> = { autonome: 0, suivi_en_cours: 0, reorientee: 0, sans_suite: 0 };
  for (const g of groupes) {
    if (appartient(STATUTS, g.statut)) compteurs[g.statut] += g.n;
    if (g.statut === "refusee" && g.motif !== null && appartient(MOTIFS_REFUS, g.motif)) motifsRefus[g.motif] += g.n;
    if (g.statut === "cloturee" && g.issue !== null && appartient(ISSUES, g.issue)) issues[g.issue] += g.n;
  }
  const total = STATUTS.reduce((s, st) => s + compteurs[st], 0);
  const acceptees = STATUTS_ACCEPTES.reduce((s, st) => s + compteurs[st], 0);
  const tranchees = acceptees + compteurs.refusee;
  const lusParMois = new Map(parMois.map((m) => [m.mois, m]));
  return {
    structure,
    sens,
    depuis,
    total,
    compteurs,
    attente: { medianeHeures: heures(attente?.mediane), p90Heures: heures(attente?.p90), repondues: attente?.n ?? 0 },
    tauxAcceptation: tranchees > 0 ? acceptees / tranchees : null,
    motifsRefus,
    issues,
    cloturees: compteurs.cloturee,
    partExpirees: total > 0 ? compteurs.expiree / total : null,
    mois: mois.map((m) => {
      const l = lusParMois.get(m);
      return { mois: m, envoyees: l?.envoyees ?? 0, acceptees: l?.acceptees ?? 0, refusees: l?.refusees ?? 0, expirees: l?.expirees ?? 0, medianeHeures: heures(l?.mediane) };
    }),
  };
}

/** The structures a person belongs to, by name: the selector of the dashboard and the exports. */
export async function structuresDe(db: BaseDeDonnees, droits: Droits | null): Promise<{ id: string; nom: string }[]> {
  const ids = droits?.membres.map((m) => m.structureId) ?? [];
  if (ids.length === 0) return [];
  return db.select({ id: structures.id, nom: structures.nom }).from(structures).where(inArray(structures.id, ids)).orderBy(asc(structures.nom));
}
