import { createHash, randomUUID } from "node:crypto";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { BaseDeDonnees } from "~/platform/db/connexion.server";
import { IndexRapprochement } from "../doublons/index-rapprochement";
import { SEUIL_CERTAIN, type Empreinte } from "../doublons/signaux";
import { fusionnerRecords, type RecordSource } from "../fusion";
import { versColonnes, versLieuStandard } from "../lignes";
import { doublons, imports, lieux, lieuxSources } from "../lieux.schema";
import type { LieuStandard } from "../standard/lieu";
import type { RecordAccepte } from "./analyse";

export interface BilanEnregistrement {
  crees: number;
  modifies: number;
  inchanges: number;
  fusionnes: number;
  aRevoir: number;
}

type Transaction = Parameters<Parameters<BaseDeDonnees["transaction"]>[0]>[0];

const TAILLE_LOT = 500;

function empreinteDe(lieu: LieuStandard, positionApprochee: boolean): Empreinte {
  return {
    nom: lieu.nom,
    adresse: lieu.adresse,
    code_insee: lieu.code_insee,
    latitude: lieu.latitude,
    longitude: lieu.longitude,
    positionApprochee,
    pivot: lieu.pivot,
    telephone: lieu.telephone,
    courriels: lieu.courriels,
    site_web: lieu.site_web,
    dispositif_programmes_nationaux: lieu.dispositif_programmes_nationaux,
  };
}

function hash(record: RecordAccepte): string {
  return createHash("sha256").update(JSON.stringify([record.lieu, record.positionApprochee])).digest("hex");
}

/** The stored JSON of a source record: the validated place plus the position flag. */
interface DonneesSource {
  lieu: LieuStandard;
  positionApprochee: boolean;
}

function estDonneesSource(v: unknown): v is DonneesSource {
  return typeof v === "object" && v !== null && "lieu" in v && "positionApprochee" in v;
}

async function indexerAnnuaire(tx: Transaction): Promise<IndexRapprochement> {
  const decisions = await tx.select({ a: doublons.lieu_a, b: doublons.lieu_b }).from(doublons).where(eq(doublons.statut, "differents"));
  const index = new IndexRapprochement(new Set(decisions.map((d) => IndexRapprochement.clePaire(d.a, d.b))));
  const lignes = await tx
    .select({ lieu: lieux, source: lieuxSources.source })
    .from(lieux)
    .innerJoin(lieuxSources, eq(lieuxSources.lieu_id, lieux.id))
    .where(isNull(lieux.fusionne_dans))
    // Content order, not id order (ids are random): the same files give the same merges on every machine.
    .orderBy(lieux.code_insee, lieux.nom, lieux.adresse, lieuxSources.source);
  for (const { lieu: l, source } of lignes) index.ajouter(l.id, empreinteDe(versLieuStandard(l), l.position_approchee), source);
  return index;
}

/**
 * Stores accepted records of one source inside the caller's transaction: unchanged records
 * are skipped, changed ones update their place, new ones join a certain duplicate or create a
 * place (uncertain pairs go to the review list). Places are then recomputed from all their sources.
 */
export async function enregistrerRecords(
  tx: Transaction,
  source: string,
  records: readonly RecordAccepte[],
  trace: { format: string; fichier: string; enregistrements: number; rejetes: number },
): Promise<BilanEnregistrement> {
  const bilan: BilanEnregistrement = { crees: 0, modifies: 0, inchanges: 0, fusionnes: 0, aRevoir: 0 };
  const connus = new Map(
    (await tx.select({ id: lieuxSources.source_id, lieu: lieuxSources.lieu_id, empreinte: lieuxSources.empreinte }).from(lieuxSources).where(eq(lieuxSources.source, source))).map(
      (r) => [r.id, r],
    ),
  );
  const index = await indexerAnnuaire(tx);
  const nouveauxLieux = new Map<string, RecordSource[]>();
  const lieuxATouchers = new Set<string>();
  const insertionsSources: (typeof lieuxSources.$inferInsert)[] = [];
  const paires: (typeof doublons.$inferInsert)[] = [];

  for (const record of records) {
    const empreinte = hash(record);
    const donnees: DonneesSource = { lieu: record.lieu, positionApprochee: record.positionApprochee };
    const connu = connus.get(record.lieu.id);
    if (connu) {
      if (connu.empreinte === empreinte) {
        bilan.inchanges++;
        continue;
      }
      await tx
        .update(lieuxSources)
        .set({ donnees, empreinte, date_maj: record.lieu.date_maj, importe_le: new Date() })
        .where(and(eq(lieuxSources.source, source), eq(lieuxSources.source_id, record.lieu.id)));
      lieuxATouchers.add(connu.lieu);
      bilan.modifies++;
      continue;
    }
    const e = empreinteDe(record.lieu, record.positionApprochee);
    const [meilleur, ...autres] = index.candidats(e, source);
    let lieuId: string;
    if (meilleur && meilleur.score >= SEUIL_CERTAIN) {
      lieuId = meilleur.lieuId;
      bilan.fusionnes++;
      if (nouveauxLieux.has(lieuId)) nouveauxLieux.get(lieuId)?.push({ source, ...donnees });
      else lieuxATouchers.add(lieuId);
    } else {
      lieuId = randomUUID();
      bilan.crees++;
      nouveauxLieux.set(lieuId, [{ source, ...donnees }]);
      for (const c of [meilleur, ...autres].filter((c) => c !== undefined).slice(0, 3)) {
        const [a, b] = lieuId < c.lieuId ? [lieuId, c.lieuId] : [c.lieuId, lieuId];
        paires.push({ lieu_a: a, lieu_b: b, score: c.score, signaux: { ...c.signaux } });
        bilan.aRevoir++;
      }
    }
    // A place created by this import only has this source: it can never be a candidate for the
    // rest of the file, so only merged places are marked (keeps matching linear in file size).
    if (!nouveauxLieux.has(lieuId)) index.ajouter(lieuId, e, source);
    insertionsSources.push({ source, source_id: record.lieu.id, lieu_id: lieuId, donnees, empreinte, date_maj: record.lieu.date_maj });
  }

  const lignesNouvelles = [...nouveauxLieux].map(([id, recs]) => ({ id, ...versColonnes(fusionnerRecords(recs)) }));
  for (let i = 0; i < lignesNouvelles.length; i += TAILLE_LOT) await tx.insert(lieux).values(lignesNouvelles.slice(i, i + TAILLE_LOT));
  for (let i = 0; i < insertionsSources.length; i += TAILLE_LOT) await tx.insert(lieuxSources).values(insertionsSources.slice(i, i + TAILLE_LOT));
  for (let i = 0; i < paires.length; i += TAILLE_LOT) await tx.insert(doublons).values(paires.slice(i, i + TAILLE_LOT)).onConflictDoNothing();
  await recalculerLieux(tx, [...lieuxATouchers]);
  await tx.insert(imports).values({
    source,
    format: trace.format,
    fichier: trace.fichier,
    enregistrements: trace.enregistrements,
    acceptes: records.length,
    rejetes: trace.rejetes,
    crees: bilan.crees,
    modifies: bilan.modifies,
    fusionnes: bilan.fusionnes,
  });
  return bilan;
}

/** Recomputes places from every source record attached to them (after a change or a merge). */
export async function recalculerLieux(tx: Transaction, ids: readonly string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += TAILLE_LOT) {
    const lot = ids.slice(i, i + TAILLE_LOT);
    const lignes = await tx.select().from(lieuxSources).where(inArray(lieuxSources.lieu_id, lot));
    const parLieu = new Map<string, RecordSource[]>();
    for (const l of lignes) {
      if (!estDonneesSource(l.donnees)) continue;
      const liste = parLieu.get(l.lieu_id) ?? [];
      liste.push({ source: l.source, lieu: l.donnees.lieu, positionApprochee: l.donnees.positionApprochee });
      parLieu.set(l.lieu_id, liste);
    }
    for (const [id, recs] of parLieu) {
      await tx
        .update(lieux)
        .set({ ...versColonnes(fusionnerRecords(recs)), version: sql`${lieux.version} + 1`, modifie_le: new Date() })
        .where(eq(lieux.id, id));
    }
  }
}
