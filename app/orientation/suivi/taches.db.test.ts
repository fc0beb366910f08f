import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { journal_audit } from "~/platform/audit/audit.schema";
import { courriels } from "~/platform/courriel/courriels.schema";
import type { Connexion } from "~/platform/db/connexion.server";
import { baseDeTest } from "../../../test/aide/base";
import { lireOrientation } from "./lecture.server";
import { lienValide } from "./liens.server";
import { evenements_orientations, orientations } from "./orientations.schema";
import { effacerDonneesPersonnelles, expirerOrientations, relancerOrientations, tachesOrientations } from "./taches.server";
import { dernierJetonLien, droitsDeTest, orientationDeTest, servicesOrientationsDeTest } from "./test-outils";
import { enregistrerNote, traiterOrientation } from "./traiter.server";

/** The three daily jobs with a moved clock: reminders every N days and no more, expiry, erasure that keeps statistics. */
let c: Connexion;
beforeAll(async () => {
  c = await baseDeTest();
});
afterAll(async () => c.fermer());

const JOUR = 24 * 3600 * 1000;
const dans = (depuis: Date, jours: number) => new Date(depuis.getTime() + jours * JOUR + 60_000);
const ligne = async (id: string) => (await c.db.select().from(orientations).where(eq(orientations.id, id)))[0];
const evenements = async (id: string, evenement: string) => c.db.select().from(evenements_orientations).where(and(eq(evenements_orientations.orientation_id, id), eq(evenements_orientations.evenement, evenement)));
const sujets = async (adresse: string) => (await c.db.select({ sujet: courriels.sujet }).from(courriels).where(eq(courriels.destinataire, adresse))).map((m) => m.sujet);

describe("tâches planifiées des orientations", () => {
  it("trois files quotidiennes nommées", () => {
    expect(tachesOrientations(servicesOrientationsDeTest(c.db)).map((t) => t.file).sort()).toEqual(["orientations-effacement", "orientations-expiration", "orientations-relances"]);
  });

  it("relances tous les N jours, pas plus, tant que l'orientation attend ; par lien : un lien neuf à la même adresse", async () => {
    // One database for the file: other tests' referrals are sent "now" too, so counts are checked per referral.
    const o = await orientationDeTest(c.db);
    const l = await orientationDeTest(c.db, { sansCompte: true });
    const t0 = (await ligne(o.id))?.envoyee_le ?? new Date();
    await relancerOrientations(o.s, dans(t0, 2));
    expect(await evenements(o.id, "relance")).toHaveLength(0);
    await relancerOrientations(o.s, dans(t0, 3));
    expect(await evenements(o.id, "relance")).toHaveLength(1);
    expect(await evenements(l.id, "relance")).toHaveLength(1);
    await relancerOrientations(o.s, dans(t0, 4));
    await relancerOrientations(o.s, dans(t0, 5));
    expect(await evenements(o.id, "relance")).toHaveLength(1);
    await relancerOrientations(o.s, dans(t0, 6.1));
    expect(await evenements(o.id, "relance")).toHaveLength(2);
    expect((await sujets(o.destinataire.courriel)).filter((s) => s.startsWith("Rappel"))).toHaveLength(2);
    const relancesLien = (await sujets(l.courrielOrientation ?? "")).filter((s) => s.startsWith("Rappel"));
    expect(relancesLien).toHaveLength(2);
    expect(await lienValide(c.db, await dernierJetonLien(c.db, l.courrielOrientation ?? ""), dans(t0, 10))).toEqual({ orientationId: l.id });
    // Answered: no more reminders.
    await traiterOrientation(o.s, { type: "compte", droits: await droitsDeTest(c.db, o.destinataire) }, o.id, { action: "accepter", rdvLe: null });
    await relancerOrientations(o.s, dans(t0, 9.2));
    expect(await evenements(o.id, "relance")).toHaveLength(2);
    expect((await ligne(o.id))?.derniere_relance_le?.getTime()).toBe(dans(t0, 6.1).getTime());
  });

  it("expiration après le délai réglé : envoyée ou vue seulement ; l'émetteur est prévenu", async () => {
    const s = servicesOrientationsDeTest(c.db, { expirationJours: 10 });
    const attente = await orientationDeTest(c.db, { s });
    const vue = await orientationDeTest(c.db, { s });
    const acceptee = await orientationDeTest(c.db, { s });
    await lireOrientation(s, { type: "compte", droits: await droitsDeTest(c.db, vue.destinataire) }, vue.id);
    await traiterOrientation(s, { type: "compte", droits: await droitsDeTest(c.db, acceptee.destinataire) }, acceptee.id, { action: "accepter", rdvLe: null });
    const t0 = (await ligne(attente.id))?.envoyee_le ?? new Date();
    await expirerOrientations(s, dans(t0, 9));
    expect((await ligne(attente.id))?.statut).toBe("envoyee");
    const r = await expirerOrientations(s, dans(t0, 10));
    expect(r.expirees).toBeGreaterThanOrEqual(2);
    expect(await ligne(attente.id)).toMatchObject({ statut: "expiree", terminee_le: dans(t0, 10) });
    expect((await ligne(vue.id))?.statut).toBe("expiree");
    expect((await ligne(acceptee.id))?.statut).toBe("acceptee");
    expect(await evenements(attente.id, "expiree")).toMatchObject([{ utilisateur_id: null, par_lien: false }]);
    expect(await sujets(attente.emetteur.courriel)).toContain(`Orientation ${attente.code.slice(0, 4)}-${attente.code.slice(4)} : expirée`);
    expect(await c.db.select().from(journal_audit).where(and(eq(journal_audit.action, "orientation.expirer"), eq(journal_audit.objet_id, attente.id)))).toHaveLength(1);
    expect((await expirerOrientations(s, dans(t0, 11))).expirees).toBe(0);
  });

  it("effacement N jours après la fin : coordonnées, consentement, message et note effacés ; les statistiques restent", async () => {
    const s = servicesOrientationsDeTest(c.db, { effacementJours: 90 });
    const o = await orientationDeTest(c.db, { s, personne: true });
    const encours = await orientationDeTest(c.db, { s, personne: true });
    const recepteur = { type: "compte" as const, droits: await droitsDeTest(c.db, o.destinataire) };
    await traiterOrientation(s, recepteur, o.id, { action: "accepter", rdvLe: null });
    await enregistrerNote(s, recepteur, o.id, "Vient avec sa fille Léa.");
    await traiterOrientation(s, recepteur, o.id, { action: "cloturer", issue: "reorientee", reorienteeVersLieuId: null, reorienteeVers: "Mme Le Goff, assistante sociale au CDAS" });
    const fin = (await ligne(o.id))?.terminee_le ?? new Date();
    await effacerDonneesPersonnelles(s, dans(fin, 89));
    expect((await ligne(o.id))?.personne_prenom).toBe("Josiane");
    await effacerDonneesPersonnelles(s, dans(fin, 90));
    expect(await ligne(o.id)).toMatchObject({
      personne_prenom: null,
      personne_telephone: null,
      personne_courriel: null,
      consentement_mode: null,
      consentement_par: null,
      consentement_le: null,
      message: "",
      note_destinataire: "",
      reorientee_vers: null,
      donnees_effacees_le: dans(fin, 90),
      // Statistics stay.
      code: o.code,
      statut: "cloturee",
      issue: "reorientee",
      demarches: ["caf"],
      structure_emettrice_id: o.structureEmettriceId,
      structure_destinataire_id: o.structureDestinataireId,
      lieu_id: o.lieuId,
    });
    expect((await ligne(o.id))?.repondue_le).toBeInstanceOf(Date);
    expect(await evenements(o.id, "donnees_effacees")).toHaveLength(1);
    // Not finished: untouched, whatever its age.
    expect((await ligne(encours.id))?.personne_prenom).toBe("Josiane");
    const vue = await lireOrientation(s, recepteur, o.id);
    expect(vue).toMatchObject({ personne: null, message: "", noteDestinataire: "", donneesEffaceesLe: dans(fin, 90) });
    // Once erased: nothing to do again, and no new note (it could hold personal data forever).
    await effacerDonneesPersonnelles(s, dans(fin, 200));
    expect(await evenements(o.id, "donnees_effacees")).toHaveLength(1);
    expect((await ligne(o.id))?.donnees_effacees_le).toEqual(dans(fin, 90));
    await expect(enregistrerNote(s, recepteur, o.id, "encore")).rejects.toThrow(/effacées/);
  });
});
