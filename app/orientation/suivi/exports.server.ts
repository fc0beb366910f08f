import { and, asc, count, eq, gte, inArray, lt, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import ExcelJS from "exceljs";
import { PassThrough } from "node:stream";
import { lieux } from "~/lieux/lieux.schema";
import { journaliser } from "~/platform/audit/journal.server";
import type { BaseDeDonnees } from "~/platform/db/connexion.server";
import { appartient } from "~/platform/listes";
import { exiger, type Droits } from "~/structures/droits.server";
import { structures } from "~/structures/structures.schema";
import { LIBELLES_TYPES, TYPES_STRUCTURES } from "~/structures/vocabulaire";
import { estUuid, SENS_BOITE, type SensBoite } from "./boite.server";
import { orientations } from "./orientations.schema";
import { DEMARCHES, ISSUES, LIBELLES_DEMARCHES, LIBELLES_ISSUES, LIBELLES_MOTIFS_REFUS, LIBELLES_STATUTS, LIBELLES_URGENCES, MOTIFS_REFUS, STATUTS, URGENCES } from "./vocabulaire";

/**
 * Exports of a structure's referrals (CSV and XLSX), one row per referral, WITHOUT personal data:
 * no message, no note, no field of the person, no account. Streamed in batches of 1,000 so that a
 * structure with 100,000 referrals never sits in memory as one file. One audit entry per export.
 */

export interface FiltresExport {
  structureId: string;
  sens: SensBoite;
  /** Paris days `AAAA-MM-JJ`, both included; null: no bound. */
  depuis: string | null;
  jusqua: string | null;
}

export const COLONNES_EXPORT = [
  "code",
  "sens",
  "envoyee_le",
  "premiere_reponse_le",
  "terminee_le",
  "statut",
  "issue",
  "motif_refus",
  "urgence",
  "services",
  "demarches",
  "lieu_id",
  "lieu_nom",
  "lieu_commune_insee",
  "structure_emettrice",
  "structure_emettrice_type",
  "structure_destinataire",
  "structure_destinataire_type",
] as const;
export type LigneExport = Record<(typeof COLONNES_EXPORT)[number], string>;

const JOUR = /^\d{4}-\d{2}-\d{2}$/;
const jourValide = (v: string) => JOUR.test(v) && !Number.isNaN(new Date(`${v}T00:00:00Z`).getTime());

export function filtresExportDepuis(url: URL, structuresDeLaPersonne: string[]): FiltresExport | { erreurs: Record<string, string> } {
  const p = url.searchParams;
  const erreurs: Record<string, string> = {};
  const structureLue = (p.get("structure") ?? "").trim();
  const structureId = structureLue || (structuresDeLaPersonne[0] ?? "");
  if (!estUuid(structureId)) erreurs.structure = "Choisissez une de vos structures.";
  const sensLu = p.get("sens") ?? "recues";
  if (!appartient(SENS_BOITE, sensLu)) erreurs.sens = "Choisissez « recues » ou « envoyees ».";
  const depuis = (p.get("depuis") ?? "").trim() || null;
  const jusqua = (p.get("jusqua") ?? "").trim() || null;
  if (depuis !== null && !jourValide(depuis)) erreurs.depuis = "Date de début au format AAAA-MM-JJ.";
  if (jusqua !== null && !jourValide(jusqua)) erreurs.jusqua = "Date de fin au format AAAA-MM-JJ.";
  if (depuis && jusqua && !erreurs.depuis && !erreurs.jusqua && depuis > jusqua) erreurs.jusqua = "La date de fin précède la date de début.";
  if (Object.keys(erreurs).length > 0 || !appartient(SENS_BOITE, sensLu)) return { erreurs };
  return { structureId, sens: sensLu, depuis, jusqua };
}

const PARIS = "Europe/Paris";
const debutJourParis = (jour: string) => new Date(new Date(`${jour}T00:00:00Z`).getTime() - decalageParis(new Date(`${jour}T12:00:00Z`)));
/** Paris's offset from UTC at that instant, in ms (+1 h in winter, +2 h in summer). */
function decalageParis(d: Date): number {
  const p = Object.fromEntries(new Intl.DateTimeFormat("en-GB", { timeZone: PARIS, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" }).formatToParts(d).map((x) => [x.type, x.value]));
  return Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute)) - Math.floor(d.getTime() / 60_000) * 60_000;
}
const lendemain = (jour: string) => new Date(new Date(`${jour}T00:00:00Z`).getTime() + 86_400_000).toISOString().slice(0, 10);
const dateHeure = new Intl.DateTimeFormat("sv-SE", { timeZone: PARIS, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" });
const enClair = (d: Date | null) => (d === null ? "" : dateHeure.format(d));

function conditions(f: FiltresExport): SQL[] {
  const c: SQL[] = [eq(f.sens === "recues" ? orientations.structure_destinataire_id : orientations.structure_emettrice_id, f.structureId)];
  if (f.depuis) c.push(gte(orientations.envoyee_le, debutJourParis(f.depuis)));
  if (f.jusqua) c.push(lt(orientations.envoyee_le, debutJourParis(lendemain(f.jusqua))));
  return c;
}

const emettrice = alias(structures, "emettrice");
const destinataire = alias(structures, "destinataire");
const LOT = 1000;
const typeEnClair = (t: string | null) => (t === null ? "" : appartient(TYPES_STRUCTURES, t) ? LIBELLES_TYPES[t] : t);

/** The rows, oldest first, 1,000 at a time: the ordered ids once (small), then each batch by primary key. */
export async function* lignesExport(db: BaseDeDonnees, f: FiltresExport): AsyncGenerator<LigneExport[]> {
  const ids = await db.select({ id: orientations.id }).from(orientations).where(and(...conditions(f))).orderBy(asc(orientations.envoyee_le), asc(orientations.id));
  for (let i = 0; i < ids.length; i += LOT) {
    const lot = ids.slice(i, i + LOT).map((l) => l.id);
    const lues = await db
      .select({
        id: orientations.id,
        code: orientations.code,
        envoyeeLe: orientations.envoyee_le,
        reponduLe: orientations.repondue_le,
        termineeLe: orientations.terminee_le,
        statut: orientations.statut,
        issue: orientations.issue,
        motif: orientations.motif_refus,
        urgence: orientations.urgence,
        services: orientations.services,
        demarches: orientations.demarches,
        lieuId: lieux.id,
        lieuNom: lieux.nom,
        lieuInsee: lieux.code_insee,
        emettrice: emettrice.nom,
        emettriceType: emettrice.type,
        destinataire: destinataire.nom,
        destinataireType: destinataire.type,
      })
      .from(orientations)
      .innerJoin(lieux, eq(lieux.id, orientations.lieu_id))
      .innerJoin(emettrice, eq(emettrice.id, orientations.structure_emettrice_id))
      .leftJoin(destinataire, eq(destinataire.id, orientations.structure_destinataire_id))
      .where(inArray(orientations.id, lot));
    const parId = new Map(lues.map((l) => [l.id, l]));
    yield lot.flatMap((id) => {
      const l = parId.get(id);
      if (!l) return [];
      return [
        {
          code: `${l.code.slice(0, 4)}-${l.code.slice(4)}`,
          sens: f.sens === "recues" ? "reçue" : "envoyée",
          envoyee_le: enClair(l.envoyeeLe),
          premiere_reponse_le: enClair(l.reponduLe),
          terminee_le: enClair(l.termineeLe),
          statut: appartient(STATUTS, l.statut) ? LIBELLES_STATUTS[l.statut] : l.statut,
          issue: l.issue !== null && appartient(ISSUES, l.issue) ? LIBELLES_ISSUES[l.issue] : "",
          motif_refus: l.motif !== null && appartient(MOTIFS_REFUS, l.motif) ? LIBELLES_MOTIFS_REFUS[l.motif] : "",
          urgence: appartient(URGENCES, l.urgence) ? LIBELLES_URGENCES[l.urgence] : l.urgence,
          services: l.services.join(" | "),
          demarches: l.demarches.map((d) => (appartient(DEMARCHES, d) ? LIBELLES_DEMARCHES[d] : d)).join(" | "),
          lieu_id: l.lieuId,
          lieu_nom: l.lieuNom,
          lieu_commune_insee: l.lieuInsee ?? "",
          structure_emettrice: l.emettrice,
          structure_emettrice_type: typeEnClair(l.emettriceType),
          structure_destinataire: l.destinataire ?? "Lieu sans compte (lien par courriel)",
          structure_destinataire_type: typeEnClair(l.destinataireType),
        },
      ];
    });
  }
}

/** Members of the structure only; counts the rows and writes the audit entry before the file streams. */
export async function preparerExport(db: BaseDeDonnees, droits: Droits | null, f: FiltresExport, format: "csv" | "xlsx"): Promise<{ lignes: number }> {
  exiger(droits, droits !== null && droits.membres.some((m) => m.structureId === f.structureId), "Seuls les membres de cette structure exportent ses orientations.");
  const [n] = await db.select({ n: count() }).from(orientations).where(and(...conditions(f)));
  const lignes = n?.n ?? 0;
  await journaliser(db, { action: "orientation.exporter", utilisateurId: droits.utilisateurId, objetType: "structure", objetId: f.structureId, details: { sens: f.sens, format, lignes, depuis: f.depuis, jusqua: f.jusqua } });
  return { lignes };
}

const BOM = "\uFEFF";
function cellule(v: string): string {
  // A leading = + - @ would be read as a formula by a spreadsheet.
  const sur = /^[=+\-@]/.test(v) ? `'${v}` : v;
  return /[;"\r\n]/.test(sur) ? `"${sur.replace(/"/g, '""')}"` : sur;
}

/** CSV for French spreadsheets: `;`, UTF-8 BOM, CRLF; streamed batch by batch. */
export function fluxCsv(db: BaseDeDonnees, f: FiltresExport): ReadableStream<Uint8Array> {
  const encodeur = new TextEncoder();
  const lots = lignesExport(db, f);
  let entete = true;
  return new ReadableStream<Uint8Array>({
    async pull(controleur) {
      if (entete) {
        entete = false;
        controleur.enqueue(encodeur.encode(`${BOM}${COLONNES_EXPORT.join(";")}\r\n`));
        return;
      }
      const lot = await lots.next();
      if (lot.done) return controleur.close();
      controleur.enqueue(encodeur.encode(lot.value.map((l) => `${COLONNES_EXPORT.map((c) => cellule(l[c])).join(";")}\r\n`).join("")));
    },
    async cancel() {
      await lots.return(undefined);
    },
  });
}

/** XLSX written by exceljs's streaming writer (no shared strings, no styles: rows leave as they are made). */
export function fluxXlsx(db: BaseDeDonnees, f: FiltresExport): ReadableStream<Uint8Array> {
  const sortie = new PassThrough();
  const classeur = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sortie, useStyles: false, useSharedStrings: false });
  const feuille = classeur.addWorksheet("Orientations");
  feuille.columns = COLONNES_EXPORT.map((c) => ({ header: c, key: c }));
  void (async () => {
    for await (const lot of lignesExport(db, f)) for (const l of lot) feuille.addRow(l).commit();
    feuille.commit();
    await classeur.commit();
  })().catch((e: unknown) => sortie.destroy(e instanceof Error ? e : new Error("export interrompu")));
  const morceaux = sortie[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controleur) {
      const m: IteratorResult<unknown> = await morceaux.next();
      if (m.done) return controleur.close();
      if (Buffer.isBuffer(m.value)) controleur.enqueue(new Uint8Array(m.value));
    },
    cancel() {
      sortie.destroy();
    },
  });
}
