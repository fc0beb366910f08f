import { randomUUID } from "node:crypto";
import { utilisateurs } from "~/comptes/comptes.schema";
import { lieux } from "~/lieux/lieux.schema";
import { creerMessagerie } from "~/platform/courriel/messagerie.server";
import type { BaseDeDonnees } from "~/platform/db/connexion.server";
import { chargerReferentiel } from "~/territoire/referentiel.server";
import type { ServicesStructures } from "./contexte.server";
import type { SaisieStructure } from "./saisie";

/** Test helpers of the structures module (used by its *.db.test.ts files only). */

export const URL_TEST = "http://passerelle.test";
export const RENNES = "35238";
export const RENNES_METROPOLE = "243500139";

export function servicesDeTest(db: BaseDeDonnees): ServicesStructures {
  return { db, messagerie: creerMessagerie(db, { smtpUrl: undefined, expediteur: "Passerelle <test@passerelle.test>" }), urlPublique: URL_TEST, referentiel: chargerReferentiel() };
}

export async function compte(db: BaseDeDonnees, courriel: string, role: "administrateur" | null = null): Promise<{ id: string }> {
  const [u] = await db.insert(utilisateurs).values({ courriel, nom: "", role }).returning({ id: utilisateurs.id });
  if (!u) throw new Error("compte non créé");
  return u;
}

/** A place of the directory in `codeInsee` (Rennes by default). */
export async function lieu(db: BaseDeDonnees, nom: string, codeInsee = RENNES, commune = "Rennes"): Promise<string> {
  const id = randomUUID();
  await db.insert(lieux).values({ id, pivot: "21350238800019", nom, commune, code_postal: "35000", code_insee: codeInsee, adresse: "1 rue de test", date_maj: "2026-01-01" });
  return id;
}

export function saisie(modifs: Partial<SaisieStructure> = {}): SaisieStructure {
  return { nom: "Espace numérique du Blosne", type: "association", siret: null, adresse: "7 boulevard de Yougoslavie", code_insee: RENNES, reseau: "", operateur: null, ...modifs };
}
