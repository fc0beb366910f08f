import { randomUUID } from "node:crypto";
import { utilisateurs } from "~/comptes/comptes.schema";
import { lieux } from "~/lieux/lieux.schema";
import type { BaseDeDonnees } from "~/platform/db/connexion.server";
import { coordinations, lieux_structures, membres_structures, structures } from "~/structures/structures.schema";
import type { TypeStructure } from "~/structures/vocabulaire";
import { orientations } from "./orientations.schema";
import type { Demarche, Issue, MotifRefus, Statut } from "./vocabulaire";

/**
 * Fixtures of the inbox, dashboard, export and flow tests (boite, tableau-de-bord, exports, flux):
 * referrals inserted straight into the table with chosen dates, so that every expected figure can
 * be computed by hand.
 */

export const RENNES = "35238";
export const BREST = "29019";
export const RENNES_METROPOLE = "243500139";

export async function compteDeTest(db: BaseDeDonnees, courriel: string, role: "administrateur" | null = null): Promise<string> {
  const [u] = await db.insert(utilisateurs).values({ courriel, nom: courriel.split("@")[0] ?? "", role }).returning({ id: utilisateurs.id });
  if (!u) throw new Error("compte non créé");
  return u.id;
}

export async function structureDeTest(db: BaseDeDonnees, nom: string, type: TypeStructure, codeInsee: string, membres: { utilisateurId: string; role: "mediateur" | "responsable" | "prescripteur" }[] = []): Promise<string> {
  const [s] = await db.insert(structures).values({ nom, type, code_insee: codeInsee }).returning({ id: structures.id });
  if (!s) throw new Error("structure non créée");
  for (const m of membres) await db.insert(membres_structures).values({ structure_id: s.id, utilisateur_id: m.utilisateurId, role: m.role });
  return s.id;
}

export async function lieuDeTest(db: BaseDeDonnees, nom: string, codeInsee: string, commune: string, structureId: string | null = null): Promise<string> {
  const id = randomUUID();
  await db.insert(lieux).values({ id, pivot: "00000000000000", nom, commune, code_postal: "35000", code_insee: codeInsee, adresse: "1 rue de test", date_maj: "2026-01-01" });
  if (structureId) await db.insert(lieux_structures).values({ lieu_id: id, structure_id: structureId });
  return id;
}

export async function coordinateurDeTest(db: BaseDeDonnees, courriel: string, type: "epci" | "departement", code: string): Promise<string> {
  const id = await compteDeTest(db, courriel);
  await db.insert(coordinations).values({ utilisateur_id: id, type_territoire: type, code });
  return id;
}

let numero = 0;
const ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
function codeDeTest(): string {
  numero += 1;
  let n = numero + 1000 * Math.floor(Math.random() * 1_000_000);
  let code = "";
  for (let i = 0; i < 8; i++) {
    code += ALPHABET[n % ALPHABET.length] ?? "A";
    n = Math.floor(n / ALPHABET.length);
  }
  return code;
}

export interface OrientationInseree {
  lieuId: string;
  emettriceId: string;
  destinataireId: string | null;
  statut?: Statut;
  envoyeeLe?: Date;
  /** Hours after sending of the first answer (null: none). */
  reponseApresHeures?: number | null;
  termineeLe?: Date | null;
  issue?: Issue | null;
  motifRefus?: MotifRefus | null;
  demarches?: Demarche[];
  services?: string[];
  urgence?: "normale" | "rapide" | "urgente";
  message?: string;
  personne?: { prenom: string; telephone: string } | null;
}

export async function orientationInseree(db: BaseDeDonnees, o: OrientationInseree): Promise<{ id: string; code: string }> {
  const envoyee = o.envoyeeLe ?? new Date();
  const heures = o.reponseApresHeures ?? null;
  const code = codeDeTest();
  const [r] = await db
    .insert(orientations)
    .values({
      code,
      lieu_id: o.lieuId,
      structure_emettrice_id: o.emettriceId,
      structure_destinataire_id: o.destinataireId,
      statut: o.statut ?? "envoyee",
      envoyee_le: envoyee,
      repondue_le: heures === null ? null : new Date(envoyee.getTime() + heures * 3_600_000),
      terminee_le: o.termineeLe ?? null,
      issue: o.issue ?? null,
      motif_refus: o.motifRefus ?? null,
      demarches: o.demarches ?? [],
      services: o.services ?? [],
      urgence: o.urgence ?? "normale",
      message: o.message ?? "",
      ...(o.personne ? { personne_prenom: o.personne.prenom, personne_telephone: o.personne.telephone, consentement_mode: "oral", consentement_le: envoyee } : {}),
    })
    .returning({ id: orientations.id });
  if (!r) throw new Error("orientation non créée");
  return { id: r.id, code };
}
