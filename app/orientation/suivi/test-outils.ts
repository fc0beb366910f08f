import { randomUUID } from "node:crypto";
import { desc, eq } from "drizzle-orm";
import { utilisateurs } from "~/comptes/comptes.schema";
import { lieux } from "~/lieux/lieux.schema";
import { courriels } from "~/platform/courriel/courriels.schema";
import { creerMessagerie } from "~/platform/courriel/messagerie.server";
import type { BaseDeDonnees } from "~/platform/db/connexion.server";
import { droitsDe, type Droits } from "~/structures/droits.server";
import { lieux_structures, membres_structures, structures } from "~/structures/structures.schema";
import type { RoleMembre, TypeStructure } from "~/structures/vocabulaire";
import { chargerReferentiel } from "~/territoire/referentiel.server";
import { envoyerOrientation } from "./envoyer.server";
import { conditions_orientation } from "./orientations.schema";
import type { SaisieOrientation } from "./saisie";
import type { ServicesOrientations } from "./services.server";
import { REGLAGES_PAR_DEFAUT, type ReglagesOrientation } from "./vocabulaire";

/** Test helpers of tracked referrals (for this module's tests and those of the pages, inbox and dashboards). */

export const URL_TEST = "http://passerelle.test";
const referentiel = chargerReferentiel();

export function servicesOrientationsDeTest(db: BaseDeDonnees, reglages: Partial<ReglagesOrientation> = {}): ServicesOrientations {
  return { db, messagerie: creerMessagerie(db, { smtpUrl: undefined, expediteur: "Passerelle <test@passerelle.test>" }), urlPublique: URL_TEST, reglages: { ...REGLAGES_PAR_DEFAUT, ...reglages }, referentiel };
}

let n = 0;
const suffixe = () => `${++n}-${randomUUID().slice(0, 8)}`;

/** An account (its address is unique: `prefixe-<n>@exemple.fr`), optionally a member of a structure. */
export async function compteDeTest(db: BaseDeDonnees, prefixe: string, membre?: { structureId: string; role: RoleMembre }, role: "administrateur" | null = null): Promise<{ id: string; courriel: string }> {
  const courriel = `${prefixe}-${suffixe()}@exemple.fr`.toLowerCase();
  const [u] = await db.insert(utilisateurs).values({ courriel, nom: `${prefixe} ${n}`, role }).returning({ id: utilisateurs.id });
  if (!u) throw new Error("compte non créé");
  if (membre) await db.insert(membres_structures).values({ structure_id: membre.structureId, utilisateur_id: u.id, role: membre.role });
  return { id: u.id, courriel };
}

export async function structureDeTest(db: BaseDeDonnees, nom: string, type: TypeStructure = "association", codeInsee = "35238"): Promise<string> {
  const [s] = await db.insert(structures).values({ nom: `${nom} ${suffixe()}`, type, code_insee: codeInsee }).returning({ id: structures.id });
  if (!s) throw new Error("structure non créée");
  return s.id;
}

export async function lieuDeTest(db: BaseDeDonnees, nom = "EPN", codeInsee = "35238", commune = "Rennes"): Promise<string> {
  const id = randomUUID();
  await db.insert(lieux).values({ id, pivot: "21350238800019", nom: `${nom} ${suffixe()}`, commune, code_postal: "35000", code_insee: codeInsee, adresse: "1 rue de test", date_maj: "2026-01-01" });
  return id;
}

export async function droitsDeTest(db: BaseDeDonnees, compte: { id: string }): Promise<Droits> {
  const d = await droitsDe(db, compte, referentiel);
  if (!d) throw new Error("droits absents");
  return d;
}

export interface OrientationDeTest {
  id: string;
  code: string;
  lieuId: string;
  structureEmettriceId: string;
  /** The structure running the place (it has no member with `sansCompte`). */
  structureDestinataireId: string;
  /** A prescripteur of the sending structure, who sent the referral. */
  emetteur: { id: string; courriel: string };
  /** A médiateur of the receiving structure (with `sansCompte`: an account that is NOT a member). */
  destinataire: { id: string; courriel: string };
  /** With `sansCompte`: the place's orientation address the signed link went to. */
  courrielOrientation: string | null;
  s: ServicesOrientations;
}

/**
 * Two structures with members, a place run by the receiving structure, one referral sent through
 * `envoyerOrientation` (mails in the outbox). `sansCompte`: the receiving structure has no member
 * and the place an orientation address, so the referral goes by signed link (`dernierJetonLien`).
 */
export async function orientationDeTest(
  db: BaseDeDonnees,
  options: { personne?: boolean | SaisieOrientation["personne"]; sansCompte?: boolean; saisie?: Partial<SaisieOrientation>; s?: ServicesOrientations } = {},
): Promise<OrientationDeTest> {
  const s = options.s ?? servicesOrientationsDeTest(db);
  const structureEmettriceId = await structureDeTest(db, "France services", "espace_france_services");
  const structureDestinataireId = await structureDeTest(db, "EPN du Blosne");
  const emetteur = await compteDeTest(db, "prescripteur", { structureId: structureEmettriceId, role: "prescripteur" });
  const destinataire = await compteDeTest(db, "mediateur", options.sansCompte ? undefined : { structureId: structureDestinataireId, role: "mediateur" });
  const lieuId = await lieuDeTest(db);
  await db.insert(lieux_structures).values({ lieu_id: lieuId, structure_id: structureDestinataireId });
  const courrielOrientation = options.sansCompte ? `accueil-${suffixe()}@epn.exemple.fr` : null;
  if (courrielOrientation) await db.insert(conditions_orientation).values({ lieu_id: lieuId, courriel_orientation: courrielOrientation, modalites: ["passerelle", "courriel"] });
  const personne =
    options.personne === true ? { prenom: "Josiane", telephone: "+33612345678", courriel: "josiane@exemple.fr", consentement: "oral" as const } : options.personne ? options.personne : null;
  const saisie: SaisieOrientation = { lieuId, structureEmettriceId, services: [], demarches: ["caf"], urgence: "normale", message: "Besoin d'aide pour la prime d'activité.", personne, ...options.saisie };
  const { id, code } = await envoyerOrientation(s, await droitsDeTest(db, emetteur), saisie);
  return { id, code, lieuId, structureEmettriceId, structureDestinataireId, emetteur, destinataire, courrielOrientation, s };
}

/** The token of the last signed link mailed to `adresse` (read back from the outbox). */
export async function dernierJetonLien(db: BaseDeDonnees, adresse: string): Promise<string> {
  const [c] = await db.select({ texte: courriels.texte }).from(courriels).where(eq(courriels.destinataire, adresse)).orderBy(desc(courriels.cree_le), desc(courriels.id)).limit(1);
  const jeton = c?.texte.match(/https?:\/\/\S+\/o\/([A-Za-z0-9_-]+)/)?.[1];
  if (!jeton) throw new Error(`Aucun lien d'orientation pour ${adresse}`);
  return jeton;
}
