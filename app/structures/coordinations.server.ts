import { and, asc, eq } from "drizzle-orm";
import { courrielNormalise } from "~/comptes/administrateurs.server";
import { utilisateurs } from "~/comptes/comptes.schema";
import type { BaseDeDonnees } from "~/platform/db/connexion.server";
import { ErreurPasserelle } from "~/platform/erreurs";
import { appartient } from "~/platform/listes";
import type { Referentiel } from "~/territoire/types";
import type { Acteur, ServicesStructures } from "./contexte.server";
import { droitsDe, exiger } from "./droits.server";
import { tracer } from "./journal.server";
import { coordinations } from "./structures.schema";
import { TYPES_COORDINATION, type TypeCoordination } from "./vocabulaire";

/** Territorial coordinators (scope: an EPCI or a département), assigned by administrators or the command line. */

export interface Portee {
  courriel: string;
  type: TypeCoordination;
  code: string;
}

/** "La console": the command line, trusted as its user holds the database. */
export type ActeurCoordination = Acteur | "console";

function nomTerritoire(referentiel: Referentiel, type: TypeCoordination, code: string): string | undefined {
  return type === "epci" ? referentiel.epci(code)?.nom : referentiel.departement(code)?.nom;
}

function lirePortee(referentiel: Referentiel, p: Portee): Portee {
  let courriel: string;
  try {
    courriel = courrielNormalise(p.courriel);
  } catch {
    throw new ErreurPasserelle("entree_invalide", `Adresse électronique invalide : « ${p.courriel} ».`, [{ champ: "courriel", message: "Saisissez une adresse électronique complète, par exemple prenom.nom@exemple.fr." }]);
  }
  const code = p.code.trim();
  if (!nomTerritoire(referentiel, p.type, code)) {
    const message = p.type === "epci" ? `EPCI ${code} inconnu en Bretagne : attendu le SIREN à 9 chiffres d'une intercommunalité.` : `Département ${code} inconnu en Bretagne : attendu 22, 29, 35 ou 56.`;
    throw new ErreurPasserelle("entree_invalide", message, [{ champ: "code", message }]);
  }
  return { courriel, type: p.type, code };
}

async function verifier(s: ServicesStructures, acteur: ActeurCoordination): Promise<string | null> {
  if (acteur === "console") return null;
  const droits = await droitsDe(s.db, acteur, s.referentiel);
  exiger(droits, droits?.administrateur === true, "Seuls les administrateurs du hub nomment les coordinateurs.");
  return droits.utilisateurId;
}

/** The account is created if it does not exist yet (its owner then signs in by link, which proves the address). */
export async function ajouterCoordination(s: ServicesStructures, acteur: ActeurCoordination, portee: Portee): Promise<{ nouvelle: boolean }> {
  const acteurId = await verifier(s, acteur);
  const p = lirePortee(s.referentiel, portee);
  await s.db.insert(utilisateurs).values({ courriel: p.courriel }).onConflictDoNothing();
  const [u] = await s.db.select({ id: utilisateurs.id }).from(utilisateurs).where(eq(utilisateurs.courriel, p.courriel));
  if (!u) throw new Error("compte introuvable après création");
  const lignes = await s.db.insert(coordinations).values({ utilisateur_id: u.id, type_territoire: p.type, code: p.code }).onConflictDoNothing().returning({ id: coordinations.id });
  const id = lignes[0]?.id;
  if (id) await tracer(s.db, { action: "coordination.ajouter", typeObjet: "coordination", objetId: id, acteurId, details: { utilisateur_id: u.id, type: p.type, code: p.code } });
  return { nouvelle: id !== undefined };
}

export async function retirerCoordination(s: ServicesStructures, acteur: ActeurCoordination, portee: Portee): Promise<void> {
  const acteurId = await verifier(s, acteur);
  const p = lirePortee(s.referentiel, portee);
  const [u] = await s.db.select({ id: utilisateurs.id }).from(utilisateurs).where(eq(utilisateurs.courriel, p.courriel));
  const lignes = u
    ? await s.db
        .delete(coordinations)
        .where(and(eq(coordinations.utilisateur_id, u.id), eq(coordinations.type_territoire, p.type), eq(coordinations.code, p.code)))
        .returning({ id: coordinations.id })
    : [];
  const id = lignes[0]?.id;
  if (!id) throw new ErreurPasserelle("introuvable", `${p.courriel} ne coordonne pas ce territoire.`);
  await tracer(s.db, { action: "coordination.retirer", typeObjet: "coordination", objetId: id, acteurId, details: { utilisateur_id: u?.id ?? null, type: p.type, code: p.code } });
}

export async function listerCoordinations(db: BaseDeDonnees, referentiel: Referentiel): Promise<(Portee & { nom: string; territoire: string })[]> {
  const lignes = await db
    .select({ courriel: utilisateurs.courriel, nom: utilisateurs.nom, type: coordinations.type_territoire, code: coordinations.code })
    .from(coordinations)
    .innerJoin(utilisateurs, eq(utilisateurs.id, coordinations.utilisateur_id))
    .orderBy(asc(utilisateurs.courriel), asc(coordinations.type_territoire), asc(coordinations.code));
  return lignes.flatMap((l) => (appartient(TYPES_COORDINATION, l.type) ? [{ ...l, type: l.type, territoire: nomTerritoire(referentiel, l.type, l.code) ?? l.code }] : []));
}
