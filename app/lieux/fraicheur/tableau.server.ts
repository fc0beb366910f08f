import { and, asc, count, eq, inArray, isNull, lte, type SQL } from "drizzle-orm";
import { journaliser } from "~/platform/audit/journal.server";
import type { BaseDeDonnees } from "~/platform/db/connexion.server";
import { ErreurPasserelle } from "~/platform/erreurs";
import { droitsDe, estCoordinateurDe, exiger, type Droits } from "~/structures/droits.server";
import { lieux_structures, membres_structures, structures } from "~/structures/structures.schema";
import type { Referentiel } from "~/territoire/types";
import { dateLimiteFraicheur } from "../fiche/fraicheur";
import { lieux, signalements } from "../lieux.schema";

/** How many places each list shows (the counts are exact). */
export const LIGNES_PAR_LISTE = 50;

export interface ChoixTerritoire {
  code: string;
  libelle: string;
}

export interface TableauFraicheur {
  territoires: ChoixTerritoire[];
  /** The chosen territory's code, or "" for all of them. */
  territoire: string;
  perimes: { total: number; lieux: { id: string; nom: string; commune: string; date_maj: string }[] };
  signalementsOuverts: number;
  sansProprietaire: { total: number; lieux: { id: string; nom: string; commune: string; date_maj: string }[] };
  /** Structures the person belongs to, to take an unowned place over. */
  structures: { id: string; nom: string }[];
}

/** The territories a person may look at: administrators every département and EPCI; coordinators theirs. */
function territoiresDe(droits: Droits, referentiel: Referentiel): ChoixTerritoire[] {
  const libelle = (code: string) => {
    const t = referentiel.territoire(code);
    return t ? `${t.type === "departement" ? "Département" : "EPCI"} : ${t.nom}` : code;
  };
  if (droits.administrateur) return [...referentiel.departements().map((d) => d.code), ...referentiel.epcis().map((e) => e.code)].map((code) => ({ code, libelle: libelle(code) }));
  return droits.coordinations.map((c) => ({ code: c.code, libelle: libelle(c.code) }));
}

export async function tableauFraicheur(db: BaseDeDonnees, referentiel: Referentiel, utilisateur: { id: string }, d: { territoire: string; fraicheurMois: number }, maintenant = new Date()): Promise<TableauFraicheur> {
  const droits = await droitsDe(db, utilisateur, referentiel);
  exiger(droits, droits !== null && (droits.administrateur || droits.coordinations.length > 0), "Cette page est réservée aux coordinations territoriales et aux administrateurs.");
  const territoires = territoiresDe(droits, referentiel);
  const territoire = territoires.some((t) => t.code === d.territoire) ? d.territoire : "";
  // Communes in scope: the chosen territory; otherwise all of the coordinator's, or the whole region for administrators.
  const communes = territoire !== "" ? (referentiel.territoire(territoire)?.communes ?? []) : droits.administrateur ? null : [...droits.communesCoordonnees];
  const dansPerimetre: SQL[] = [isNull(lieux.fusionne_dans), ...(communes === null ? [] : [inArray(lieux.code_insee, communes.length > 0 ? communes : [""])])];
  const perime = lte(lieux.date_maj, dateLimiteFraicheur(maintenant, d.fraicheurMois));
  const sansStructure = isNull(lieux_structures.lieu_id);
  const colonnes = { id: lieux.id, nom: lieux.nom, commune: lieux.commune, date_maj: lieux.date_maj };

  const [[nbPerimes], perimes, [nbSans], sans, [ouverts], mesStructures] = await Promise.all([
    db.select({ n: count() }).from(lieux).where(and(...dansPerimetre, perime)),
    db.select(colonnes).from(lieux).where(and(...dansPerimetre, perime)).orderBy(asc(lieux.date_maj), asc(lieux.nom)).limit(LIGNES_PAR_LISTE),
    db.select({ n: count() }).from(lieux).leftJoin(lieux_structures, eq(lieux_structures.lieu_id, lieux.id)).where(and(...dansPerimetre, sansStructure)),
    db.select(colonnes).from(lieux).leftJoin(lieux_structures, eq(lieux_structures.lieu_id, lieux.id)).where(and(...dansPerimetre, sansStructure)).orderBy(asc(lieux.commune), asc(lieux.nom)).limit(LIGNES_PAR_LISTE),
    db.select({ n: count() }).from(signalements).innerJoin(lieux, eq(lieux.id, signalements.lieu_id)).where(and(...dansPerimetre, inArray(signalements.statut, ["nouveau", "en_cours"]))),
    db.select({ id: structures.id, nom: structures.nom }).from(membres_structures).innerJoin(structures, eq(structures.id, membres_structures.structure_id)).where(eq(membres_structures.utilisateur_id, droits.utilisateurId)).orderBy(asc(structures.nom)),
  ]);
  return {
    territoires,
    territoire,
    perimes: { total: nbPerimes?.n ?? 0, lieux: perimes },
    signalementsOuverts: ouverts?.n ?? 0,
    sansProprietaire: { total: nbSans?.n ?? 0, lieux: sans },
    structures: mesStructures,
  };
}

/**
 * A coordinator of the place's territory (or an administrator) takes over a place no structure runs,
 * by linking it to one of their own structures: its members then edit it and get its reminders.
 */
export async function prendreEnCharge(db: BaseDeDonnees, referentiel: Referentiel, utilisateur: { id: string } | null, d: { lieuId: string; structureId: string }): Promise<void> {
  const droits = await droitsDe(db, utilisateur, referentiel);
  const estUuid = (v: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);
  const [lieu] = estUuid(d.lieuId) ? await db.select({ nom: lieux.nom, code_insee: lieux.code_insee, fusionne_dans: lieux.fusionne_dans }).from(lieux).where(eq(lieux.id, d.lieuId)) : [];
  exiger(droits, droits !== null && (droits.administrateur || estCoordinateurDe(droits, lieu?.code_insee ?? null, referentiel)), "Seuls les coordinateurs du territoire du lieu et les administrateurs peuvent le prendre en charge.");
  if (!lieu || lieu.fusionne_dans !== null) throw new ErreurPasserelle("introuvable", "Ce lieu n'existe pas (ou plus) dans l'annuaire.");
  exiger(droits, droits.membres.some((m) => m.structureId === d.structureId), "Choisissez une structure dont vous êtes membre.");
  await db.transaction(async (tx) => {
    const [ecrit] = await tx.insert(lieux_structures).values({ lieu_id: d.lieuId, structure_id: d.structureId }).onConflictDoNothing().returning({ id: lieux_structures.lieu_id });
    if (!ecrit) throw new ErreurPasserelle("conflit", `« ${lieu.nom} » est déjà géré par une structure.`);
    await journaliser(tx, { action: "lieu.prendre_en_charge", utilisateurId: droits.utilisateurId, objetType: "lieu", objetId: d.lieuId, details: { structure_id: d.structureId } });
  });
}
