import { and, asc, desc, eq, sql } from "drizzle-orm";
import { journaliser } from "~/platform/audit/journal.server";
import type { BaseDeDonnees } from "~/platform/db/connexion.server";
import { ErreurPasserelle } from "~/platform/erreurs";
import { appartient } from "~/platform/listes";
import type { ServicesStructures } from "~/structures/contexte.server";
import { exiger } from "~/structures/droits.server";
import { estUuid } from "~/structures/structures.server";
import { structures } from "~/structures/structures.schema";
import type { Referentiel } from "~/territoire/types";
import { accesDe, conditionLecture, estAuteur, estCorrespondant, peutLire, type AccesRemontees } from "./acces.server";
import { correspondantsDe, courrielNouvelleRemontee, envoyerTous } from "./courriels.server";
import { reponses_remontees, remontees } from "./remontees.schema";
import type { Portee, SaisieRemontee } from "./saisie";
import { OPERATEURS, STATUTS_REMONTEES, THEMES, type Operateur, type StatutRemontee, type Theme } from "./vocabulaire";

/** Field feedback: posting, the aggregates everyone signed in sees, the list and the detail for its readers. */

export interface Filtres {
  operateur?: Operateur | null;
  theme?: Theme | null;
  statut?: StatutRemontee | null;
}

export interface Territoire {
  type: Portee;
  code: string;
  nom: string;
}

function territoireDe(referentiel: Referentiel, type: string, code: string): Territoire {
  const t = type === "epci" || type === "departement" ? type : "commune";
  const nom = t === "commune" ? referentiel.commune(code)?.nom : t === "epci" ? referentiel.epci(code)?.nom : referentiel.departement(code)?.nom;
  return { type: t, code, nom: nom ?? code };
}

/** The code of the chosen territory around a commune, or null (the three islands have no EPCI). */
function codeDe(referentiel: Referentiel, codeInsee: string, portee: Portee): string | null {
  const commune = referentiel.commune(codeInsee);
  if (!commune) return null;
  return portee === "commune" ? commune.code : portee === "epci" ? commune.epci ?? null : commune.departement;
}

export const PAS_AUTEUR = "Seuls les médiateur·rices et responsables d'une structure font des remontées de terrain ; les correspondant·es des opérateurs y répondent.";

/** A médiateur or responsable posts for one of their structures; the operator's correspondents are mailed. */
export async function creerRemontee(s: ServicesStructures, acteur: { id: string } | null, saisie: SaisieRemontee): Promise<{ id: string; prevenus: number }> {
  const a = await accesDe(s.db, s.referentiel, acteur);
  exiger(a?.droits ?? null, (a?.structuresAuteures.length ?? 0) > 0, PAS_AUTEUR);
  if (!a) throw new ErreurPasserelle("non_authentifie", "Connectez-vous pour faire cette action.");
  const structure = saisie.structureId === null ? (a.structuresAuteures.length === 1 ? a.structuresAuteures[0] : undefined) : a.structuresAuteures.find((x) => x.id === saisie.structureId);
  if (!structure) {
    const message = saisie.structureId === null ? "Choisissez la structure pour laquelle vous faites cette remontée." : "Vous n'êtes ni médiateur·rice ni responsable de cette structure.";
    throw new ErreurPasserelle("entree_invalide", message, [{ champ: "structure", message }]);
  }
  const code = codeDe(s.referentiel, structure.code_insee, saisie.portee);
  if (!code) throw new ErreurPasserelle("entree_invalide", "Territoire introuvable.", [{ champ: "territoire", message: "La commune de votre structure n'appartient à aucun EPCI : choisissez la commune ou le département." }]);
  const id = await s.db.transaction(async (tx) => {
    const [ligne] = await tx
      .insert(remontees)
      .values({ operateur: saisie.operateur, demarche: saisie.demarche, theme: saisie.theme, description: saisie.description, personnes_concernees: saisie.personnes, type_territoire: saisie.portee, code_territoire: code, auteur_id: a.droits.utilisateurId, structure_id: structure.id })
      .returning({ id: remontees.id });
    if (!ligne) throw new Error("insertion sans retour");
    const details = { operateur: saisie.operateur, theme: saisie.theme, structure_id: structure.id, type_territoire: saisie.portee, code_territoire: code };
    await journaliser(tx, { action: "remontee.creer", utilisateurId: a.droits.utilisateurId, objetType: "remontee", objetId: ligne.id, details });
    return ligne.id;
  });
  const destinataires = await correspondantsDe(s.db, saisie.operateur, a.droits.utilisateurId);
  const sujet = { operateur: saisie.operateur, demarche: saisie.demarche, lien: `${s.urlPublique}/remontees/${id}`, structure: structure.nom, territoire: territoireDe(s.referentiel, saisie.portee, code).nom, personnes: saisie.personnes };
  await envoyerTous(
    s.messagerie,
    destinataires.map((d) => courrielNouvelleRemontee(d, sujet)),
  );
  return { id, prevenus: destinataires.length };
}

export interface Agregat {
  operateur: Operateur;
  theme: Theme;
  ouvertes: number;
  en_cours: number;
  closes: number;
  personnes_concernees: number;
}

/** Counts per operator and theme, over every feedback (no text, no structure): for anyone signed in. */
export async function agregats(db: BaseDeDonnees, f: Filtres = {}): Promise<Agregat[]> {
  const nb = (statut: StatutRemontee) => sql<number>`(count(*) filter (where ${remontees.statut} = ${statut}))::int`;
  const lignes = await db
    .select({ operateur: remontees.operateur, theme: remontees.theme, ouvertes: nb("ouverte"), en_cours: nb("en_cours"), closes: nb("close"), personnes: sql<number>`coalesce(sum(${remontees.personnes_concernees}), 0)::int` })
    .from(remontees)
    .where(and(f.operateur ? eq(remontees.operateur, f.operateur) : undefined, f.theme ? eq(remontees.theme, f.theme) : undefined))
    .groupBy(remontees.operateur, remontees.theme);
  const rang = (o: string, t: string) => OPERATEURS.findIndex((x) => x === o) * 100 + THEMES.findIndex((x) => x === t);
  return lignes
    .flatMap((l) =>
      appartient(OPERATEURS, l.operateur) && appartient(THEMES, l.theme)
        ? [{ operateur: l.operateur, theme: l.theme, ouvertes: Number(l.ouvertes), en_cours: Number(l.en_cours), closes: Number(l.closes), personnes_concernees: Number(l.personnes) }]
        : [],
    )
    .sort((x, y) => rang(x.operateur, x.theme) - rang(y.operateur, y.theme));
}

export interface LigneRemontee {
  id: string;
  operateur: Operateur;
  demarche: string;
  theme: Theme;
  description: string;
  personnes: number;
  territoire: Territoire;
  statut: StatutRemontee;
  structureId: string;
  structure: string;
  reponses: number;
  creeLe: Date;
  modifieLe: Date;
  closeLe: Date | null;
}

const colonnes = {
  r: remontees,
  structure: structures.nom,
  reponses: sql<number>`(select count(*) from ${reponses_remontees} where ${reponses_remontees.remontee_id} = ${remontees.id})::int`,
};

function enLigne(referentiel: Referentiel, l: { r: typeof remontees.$inferSelect; structure: string; reponses: number }): LigneRemontee[] {
  const r = l.r;
  if (!appartient(OPERATEURS, r.operateur) || !appartient(THEMES, r.theme) || !appartient(STATUTS_REMONTEES, r.statut)) return [];
  return [
    {
      id: r.id,
      operateur: r.operateur,
      demarche: r.demarche,
      theme: r.theme,
      description: r.description,
      personnes: r.personnes_concernees,
      territoire: territoireDe(referentiel, r.type_territoire, r.code_territoire),
      statut: r.statut,
      structureId: r.structure_id,
      structure: l.structure,
      reponses: Number(l.reponses),
      creeLe: r.cree_le,
      modifieLe: r.modifie_le,
      closeLe: r.close_le,
    },
  ];
}

export const LIMITE_LISTE = 200;

/** What the person may read in full, newest first (at most LIMITE_LISTE), with the filters. */
export async function listerRemontees(s: Pick<ServicesStructures, "db" | "referentiel">, a: AccesRemontees, f: Filtres = {}): Promise<LigneRemontee[]> {
  const lignes = await s.db
    .select(colonnes)
    .from(remontees)
    .innerJoin(structures, eq(structures.id, remontees.structure_id))
    .where(and(conditionLecture(a), f.operateur ? eq(remontees.operateur, f.operateur) : undefined, f.theme ? eq(remontees.theme, f.theme) : undefined, f.statut ? eq(remontees.statut, f.statut) : undefined))
    .orderBy(desc(remontees.cree_le), desc(remontees.id))
    .limit(LIMITE_LISTE);
  return lignes.flatMap((l) => enLigne(s.referentiel, l));
}

export interface MessageFil {
  id: string;
  cote: "operateur" | "auteur";
  structure: string;
  texte: string;
  creeLe: Date;
}

export interface DetailRemontee extends LigneRemontee {
  fil: MessageFil[];
  /** What the reader may do now. */
  peutRepondre: boolean;
  peutPreciser: boolean;
  suivants: StatutRemontee[];
}

/** The next statuses a correspondent may set; close is final. */
export const SUIVANTS: Record<StatutRemontee, readonly StatutRemontee[]> = { ouverte: ["en_cours", "close"], en_cours: ["close"], close: [] };

/** Loads a feedback its reader may see, or throws introuvable / interdit. */
export async function chargerLisible(s: Pick<ServicesStructures, "db" | "referentiel">, acteur: { id: string } | null, id: string): Promise<{ a: AccesRemontees; ligne: LigneRemontee }> {
  const a = await accesDe(s.db, s.referentiel, acteur);
  exiger(a?.droits ?? null, true, "");
  if (!a) throw new ErreurPasserelle("non_authentifie", "Connectez-vous pour faire cette action.");
  const [l] = estUuid(id) ? await s.db.select(colonnes).from(remontees).innerJoin(structures, eq(structures.id, remontees.structure_id)).where(eq(remontees.id, id)) : [];
  const [ligne] = l ? enLigne(s.referentiel, l) : [];
  if (!l || !ligne) throw new ErreurPasserelle("introuvable", "Cette remontée n'existe pas.");
  exiger(a.droits, peutLire(a, l.r), "Le détail d'une remontée est réservé à la structure qui l'a faite, aux correspondant·es de l'opérateur, à la coordination du territoire et aux administrateurs. Les chiffres de toutes les remontées sont sur la page « Remontées ».");
  return { a, ligne };
}

export async function detailRemontee(s: Pick<ServicesStructures, "db" | "referentiel">, acteur: { id: string } | null, id: string): Promise<DetailRemontee> {
  const { a, ligne } = await chargerLisible(s, acteur, id);
  const fil = await s.db
    .select({ id: reponses_remontees.id, structureId: reponses_remontees.structure_id, structure: structures.nom, texte: reponses_remontees.texte, creeLe: reponses_remontees.cree_le })
    .from(reponses_remontees)
    .innerJoin(structures, eq(structures.id, reponses_remontees.structure_id))
    .where(eq(reponses_remontees.remontee_id, ligne.id))
    .orderBy(asc(reponses_remontees.cree_le), asc(reponses_remontees.id));
  const ouverte = ligne.statut !== "close";
  const cible = { structure_id: ligne.structureId, operateur: ligne.operateur };
  return {
    ...ligne,
    fil: fil.map((m) => ({ id: m.id, cote: m.structureId === ligne.structureId ? "auteur" : "operateur", structure: m.structure, texte: m.texte, creeLe: m.creeLe })),
    peutRepondre: ouverte && estCorrespondant(a, cible),
    peutPreciser: ouverte && estAuteur(a, cible),
    suivants: estCorrespondant(a, cible) ? [...SUIVANTS[ligne.statut]] : [],
  };
}
