import { and, desc, eq, inArray, or } from "drizzle-orm";
import type { BaseDeDonnees } from "~/platform/db/connexion.server";
import { journaliser } from "~/platform/audit/journal.server";
import { ErreurPasserelle } from "~/platform/erreurs";
import { droitsDe, estCoordinateurDe, exiger, type Droits } from "~/structures/droits.server";
import { lieux_structures } from "~/structures/structures.schema";
import type { Referentiel } from "~/territoire/types";
import { valeurDe, type ChampModifiable, type ValeurChamp } from "../edition/champs";
import { doublons, historiqueLieux, lieux, lieuxSources, signalements, type ProvenanceChamp } from "../lieux.schema";
import { versLieuStandard, type LigneLieu } from "../lignes";
import { avecLies, champsDifferents, expliquerSignaux, idPaire, lireIdPaire, type ChampCompare, type Cote, type SignalExplique } from "./revue";

export interface LieuRevu {
  id: string;
  nom: string;
  adresse: string;
  commune: string;
  departement: string | null;
  version: number;
  sources: string[];
}

export interface PaireRevue {
  id: string;
  score: number;
  signaux: SignalExplique[];
  a: LieuRevu;
  b: LieuRevu;
}

export interface FiltresRevue {
  /** A département code ("35", "2A"); the pair is kept when one of its places is there. */
  departement?: string | undefined;
}

const MESSAGE_DROITS = "Seuls les administrateurs et les coordinateurs du territoire des deux lieux peuvent revoir ces doublons.";

function peutRevoir(droits: Droits | null, referentiel: Referentiel, a: Pick<LigneLieu, "code_insee">, b: Pick<LigneLieu, "code_insee">): boolean {
  if (!droits) return false;
  return droits.administrateur || estCoordinateurDe(droits, a.code_insee, referentiel) || estCoordinateurDe(droits, b.code_insee, referentiel);
}

function enRevu(l: LigneLieu, referentiel: Referentiel, sources: string[]): LieuRevu {
  const departement = l.code_insee ? (referentiel.commune(l.code_insee)?.departement ?? null) : null;
  return { id: l.id, nom: l.nom, adresse: l.adresse, commune: l.commune, departement, version: l.version, sources };
}

/** Pairs still waiting for a decision whose places both still exist, within the person's territory; most likely first. */
export async function pairesARevoir(db: BaseDeDonnees, utilisateur: { id: string } | null, referentiel: Referentiel, filtres: FiltresRevue = {}): Promise<PaireRevue[]> {
  const droits = await droitsDe(db, utilisateur, referentiel);
  exiger(droits, droits !== null && (droits.administrateur || droits.coordinations.length > 0), MESSAGE_DROITS);
  const paires = await db.select().from(doublons).where(eq(doublons.statut, "a_revoir")).orderBy(desc(doublons.score), doublons.lieu_a);
  const ids = [...new Set(paires.flatMap((p) => [p.lieu_a, p.lieu_b]))];
  if (ids.length === 0) return [];
  const fiches = new Map((await db.select().from(lieux).where(inArray(lieux.id, ids))).map((l) => [l.id, l]));
  const sources = await db.select({ lieu: lieuxSources.lieu_id, source: lieuxSources.source }).from(lieuxSources).where(inArray(lieuxSources.lieu_id, ids));
  const sourcesDe = (id: string) => [...new Set(sources.filter((s) => s.lieu === id).map((s) => s.source))].sort();
  return paires.flatMap((p) => {
    const a = fiches.get(p.lieu_a);
    const b = fiches.get(p.lieu_b);
    if (!a || !b || a.fusionne_dans !== null || b.fusionne_dans !== null || !peutRevoir(droits, referentiel, a, b)) return [];
    const ra = enRevu(a, referentiel, sourcesDe(a.id));
    const rb = enRevu(b, referentiel, sourcesDe(b.id));
    if (filtres.departement && ra.departement !== filtres.departement && rb.departement !== filtres.departement) return [];
    return [{ id: idPaire(p.lieu_a, p.lieu_b), score: p.score, signaux: expliquerSignaux(p.signaux), a: ra, b: rb }];
  });
}

export interface PaireDetaillee extends PaireRevue {
  statut: "a_revoir" | "memes" | "differents";
  champs: ChampCompare[];
}

type Lecteur = Pick<BaseDeDonnees, "select">;

async function lirePaire(db: Lecteur, paireId: string) {
  const ids = lireIdPaire(paireId);
  const [paire] = ids ? await db.select().from(doublons).where(and(eq(doublons.lieu_a, ids.a), eq(doublons.lieu_b, ids.b))) : [];
  if (!paire) throw new ErreurPasserelle("introuvable", "Cette paire de doublons n'existe pas.");
  const lignes = await db.select().from(lieux).where(inArray(lieux.id, [paire.lieu_a, paire.lieu_b]));
  const a = lignes.find((l) => l.id === paire.lieu_a);
  const b = lignes.find((l) => l.id === paire.lieu_b);
  if (!a || !b) throw new ErreurPasserelle("introuvable", "Un des deux lieux n'existe plus.");
  return { paire, a, b };
}

/** One pair, both places side by side: the differing fields with the default choice, the signals explained. */
export async function paireDetaillee(db: BaseDeDonnees, utilisateur: { id: string } | null, referentiel: Referentiel, paireId: string): Promise<PaireDetaillee> {
  const { paire, a, b } = await lirePaire(db, paireId);
  const droits = await droitsDe(db, utilisateur, referentiel);
  exiger(droits, peutRevoir(droits, referentiel, a, b), MESSAGE_DROITS);
  const sources = await db.select({ lieu: lieuxSources.lieu_id, source: lieuxSources.source }).from(lieuxSources).where(inArray(lieuxSources.lieu_id, [a.id, b.id]));
  const sourcesDe = (id: string) => [...new Set(sources.filter((s) => s.lieu === id).map((s) => s.source))].sort();
  return {
    id: idPaire(a.id, b.id),
    statut: paire.statut,
    score: paire.score,
    signaux: expliquerSignaux(paire.signaux),
    a: enRevu(a, referentiel, sourcesDe(a.id)),
    b: enRevu(b, referentiel, sourcesDe(b.id)),
    champs: champsDifferents(versLieuStandard(a), versLieuStandard(b)),
  };
}

export interface DemandeFusion {
  paireId: string;
  /** The id of the place that stays (one of the pair's). */
  survivant: string;
  /** The versions shown on the page: a place changed since then makes the merge a conflict. */
  versions: { a: number; b: number };
  /** Differing fields → the side whose value to keep; a missing field keeps the default. */
  choix: Partial<Record<string, Cote>>;
  utilisateur: { id: string } | null;
}

const MESSAGE_PERIME = "Un des deux lieux a changé depuis l'affichage de cette page. Rechargez-la pour voir les valeurs à jour, puis recommencez.";

/**
 * Merges a pair in one transaction: the chosen values go on the surviving place (provenance: Passerelle
 * and the account), the other place's source aliases, reports and structure link move over, the other
 * id then redirects to the survivor (`fusionne_dans`), and the decision is remembered.
 */
export async function fusionnerPaire(db: BaseDeDonnees, referentiel: Referentiel, d: DemandeFusion): Promise<{ survivant: string; absorbe: string; champs: ChampModifiable[] }> {
  const droits = await droitsDe(db, d.utilisateur, referentiel);
  return db.transaction(async (tx) => {
    const { paire, a, b } = await lirePaire(tx, d.paireId);
    exiger(droits, peutRevoir(droits, referentiel, a, b), MESSAGE_DROITS);
    if (paire.statut !== "a_revoir" || a.fusionne_dans !== null || b.fusionne_dans !== null) throw new ErreurPasserelle("conflit", "Cette paire a déjà été traitée.");
    if (a.version !== d.versions.a || b.version !== d.versions.b) throw new ErreurPasserelle("conflit", MESSAGE_PERIME);
    if (d.survivant !== a.id && d.survivant !== b.id) throw new ErreurPasserelle("entree_invalide", "Choisissez lequel des deux lieux garder.");
    const [survivant, absorbe] = d.survivant === a.id ? [a, b] : [b, a];

    const gerants = await tx.select().from(lieux_structures).where(inArray(lieux_structures.lieu_id, [a.id, b.id]));
    const gerantSurvivant = gerants.find((g) => g.lieu_id === survivant.id);
    const gerantAbsorbe = gerants.find((g) => g.lieu_id === absorbe.id);
    if (gerantSurvivant && gerantAbsorbe && gerantSurvivant.structure_id !== gerantAbsorbe.structure_id) {
      throw new ErreurPasserelle("conflit", "Ces deux lieux sont gérés par deux structures différentes : elles doivent d'abord s'accorder (l'une détache son lieu) avant la fusion.");
    }

    const maintenant = new Date();
    const provenance: Record<string, ProvenanceChamp> = { ...survivant.provenance };
    const maj: Partial<typeof lieux.$inferInsert> = {};
    const avant: Partial<Record<ChampModifiable, ValeurChamp>> = {};
    const apres: Partial<Record<ChampModifiable, ValeurChamp>> = {};
    const standardSurvivant = versLieuStandard(survivant);
    const champs: ChampModifiable[] = [];
    for (const c of champsDifferents(versLieuStandard(a), versLieuStandard(b))) {
      const cote = d.choix[c.champ] ?? c.parDefaut;
      const source = cote === "a" ? a : b;
      provenance[c.champ] = { source: "passerelle", date: maintenant.toISOString(), par: d.utilisateur?.id ?? "" };
      if (source.id === survivant.id) continue;
      for (const champ of avecLies(c.champ)) {
        avant[champ] = valeurDe(standardSurvivant, champ);
        apres[champ] = valeurDe(versLieuStandard(source), champ);
        Object.assign(maj, { [champ]: source[champ] });
        champs.push(champ);
      }
      if (c.champ === "latitude") maj.position_approchee = source.position_approchee;
    }
    const dateMaj = a.date_maj > b.date_maj ? a.date_maj : b.date_maj;

    const [ecrit] = await tx
      .update(lieux)
      .set({ ...maj, provenance, date_maj: dateMaj, version: survivant.version + 1, modifie_le: maintenant })
      .where(and(eq(lieux.id, survivant.id), eq(lieux.version, survivant.version)))
      .returning({ version: lieux.version });
    const [ferme] = await tx
      .update(lieux)
      .set({ fusionne_dans: survivant.id, version: absorbe.version + 1, modifie_le: maintenant })
      .where(and(eq(lieux.id, absorbe.id), eq(lieux.version, absorbe.version)))
      .returning({ id: lieux.id });
    if (!ecrit || !ferme) throw new ErreurPasserelle("conflit", MESSAGE_PERIME);

    await tx.update(lieuxSources).set({ lieu_id: survivant.id }).where(eq(lieuxSources.lieu_id, absorbe.id));
    await tx.update(signalements).set({ lieu_id: survivant.id }).where(eq(signalements.lieu_id, absorbe.id));
    if (gerantAbsorbe && gerantSurvivant) await tx.delete(lieux_structures).where(eq(lieux_structures.lieu_id, absorbe.id));
    else if (gerantAbsorbe) await tx.update(lieux_structures).set({ lieu_id: survivant.id }).where(eq(lieux_structures.lieu_id, absorbe.id));
    await reporterPaires(tx, absorbe.id, survivant.id);
    await tx.update(doublons).set({ statut: "memes", decide_le: maintenant }).where(and(eq(doublons.lieu_a, a.id), eq(doublons.lieu_b, b.id)));

    await tx.insert(historiqueLieux).values({ lieu_id: survivant.id, version: ecrit.version, utilisateur_id: d.utilisateur?.id ?? null, avant, apres, modifie_le: maintenant });
    await journaliser(tx, { action: "doublon.fusionner", utilisateurId: d.utilisateur?.id ?? null, objetType: "lieu", objetId: survivant.id, details: { absorbe: absorbe.id, champs } });
    return { survivant: survivant.id, absorbe: absorbe.id, champs };
  });
}

/**
 * The absorbed place's other pairs now concern the survivor: pending ones move over (so they stay in the
 * review list) and « différents » decisions carry over (so imports keep respecting them).
 */
async function reporterPaires(tx: Pick<BaseDeDonnees, "select" | "insert" | "delete">, absorbe: string, survivant: string): Promise<void> {
  const autres = await tx
    .select()
    .from(doublons)
    .where(and(or(eq(doublons.lieu_a, absorbe), eq(doublons.lieu_b, absorbe)), inArray(doublons.statut, ["a_revoir", "differents"])));
  for (const p of autres) {
    const autre = p.lieu_a === absorbe ? p.lieu_b : p.lieu_a;
    if (autre === survivant) continue;
    const [a, b] = autre < survivant ? [autre, survivant] : [survivant, autre];
    await tx.insert(doublons).values({ lieu_a: a, lieu_b: b, score: p.score, signaux: p.signaux, statut: p.statut, decide_le: p.decide_le }).onConflictDoNothing();
    if (p.statut === "a_revoir") await tx.delete(doublons).where(and(eq(doublons.lieu_a, p.lieu_a), eq(doublons.lieu_b, p.lieu_b)));
  }
}

/** « Ce ne sont pas les mêmes lieux »: remembered, so later imports never propose or merge this pair again. */
export async function declarerDifferents(db: BaseDeDonnees, referentiel: Referentiel, utilisateur: { id: string } | null, paireId: string): Promise<void> {
  const droits = await droitsDe(db, utilisateur, referentiel);
  await db.transaction(async (tx) => {
    const { paire, a, b } = await lirePaire(tx, paireId);
    exiger(droits, peutRevoir(droits, referentiel, a, b), MESSAGE_DROITS);
    if (paire.statut !== "a_revoir") throw new ErreurPasserelle("conflit", "Cette paire a déjà été traitée.");
    await tx
      .update(doublons)
      .set({ statut: "differents", decide_le: new Date() })
      .where(and(eq(doublons.lieu_a, a.id), eq(doublons.lieu_b, b.id), eq(doublons.statut, "a_revoir")));
    await journaliser(tx, { action: "doublon.differents", utilisateurId: utilisateur?.id ?? null, objetType: "lieu", objetId: a.id, details: { autre: b.id } });
  });
}
