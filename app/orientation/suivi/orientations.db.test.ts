import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { journal_audit } from "~/platform/audit/audit.schema";
import { courriels } from "~/platform/courriel/courriels.schema";
import type { Connexion } from "~/platform/db/connexion.server";
import { ErreurPasserelle } from "~/platform/erreurs";
import { coordinations, lieux_structures } from "~/structures/structures.schema";
import { baseDeTest } from "../../../test/aide/base";
import { destinationDe, enregistrerConditions, lireConditions } from "./conditions.server";
import { envoyerOrientation } from "./envoyer.server";
import { creerLien, lienValide, renouvelerLien } from "./liens.server";
import { lireOrientation, trouverParCode } from "./lecture.server";
import { evenements_orientations, orientations } from "./orientations.schema";
import { compteDeTest, dernierJetonLien, droitsDeTest, lieuDeTest, orientationDeTest, structureDeTest, type OrientationDeTest } from "./test-outils";
import { enregistrerNote, traiterOrientation, type Acteur } from "./traiter.server";

/** Tracked referrals end to end, on PGlite and PostgreSQL: sending, every path, links, privacy, audit, mails. */
let c: Connexion;
beforeAll(async () => {
  c = await baseDeTest();
});
afterAll(async () => c.fermer());

const JOSIANE = ["Josiane", "+33612345678", "06 12 34 56 78", "josiane@exemple.fr", "Besoin d'aide"];

async function erreur(p: Promise<unknown>): Promise<string> {
  const e = await p.then(() => undefined, (x: unknown) => x);
  if (!(e instanceof ErreurPasserelle)) throw new Error(`ErreurPasserelle attendue, reçu ${String(e)}`);
  return e.code;
}
const compte = async (o: { id: string }): Promise<Acteur> => ({ type: "compte", droits: await droitsDeTest(c.db, o) });
const mailsA = (adresse: string) => c.db.select().from(courriels).where(eq(courriels.destinataire, adresse));
async function toutLeCourrier() {
  return c.db.select({ destinataire: courriels.destinataire, sujet: courriels.sujet, texte: courriels.texte, html: courriels.html }).from(courriels);
}

describe("envoyer", () => {
  it("dans la boîte de la structure du lieu : événement, audit, courriel aux membres sans donnée personnelle", async () => {
    const o = await orientationDeTest(c.db, { personne: true });
    const [ligne] = await c.db.select().from(orientations).where(eq(orientations.id, o.id));
    expect(ligne).toMatchObject({ statut: "envoyee", structure_destinataire_id: o.structureDestinataireId, emetteur_id: o.emetteur.id, personne_prenom: "Josiane", consentement_mode: "oral", consentement_par: o.emetteur.id });
    expect(ligne?.consentement_le).toBeInstanceOf(Date);
    expect(o.code).toMatch(/^[A-HJKMNP-Z2-9]{8}$/);
    const [mail] = await mailsA(o.destinataire.courriel);
    expect(mail?.texte).toContain(`${o.code.slice(0, 4)}-${o.code.slice(4)}`);
    expect(mail?.texte).toContain(`/orientations/${o.id}`);
    for (const p of JOSIANE) expect(`${mail?.texte}${mail?.html}`).not.toContain(p);
    const audit = await c.db.select().from(journal_audit).where(and(eq(journal_audit.action, "orientation.envoyer"), eq(journal_audit.objet_id, o.id)));
    expect(audit[0]?.details).toMatchObject({ champs_personne: ["prenom", "telephone", "courriel"], destination: "structure" });
    expect(JSON.stringify(audit)).not.toContain("Josiane");
  });

  it("refusé hors de la structure émettrice, vers un lieu qui ne reçoit pas d'orientation, ou sans destination", async () => {
    const o = await orientationDeTest(c.db);
    const intrus = await compteDeTest(c.db, "intrus");
    const saisie = { lieuId: o.lieuId, structureEmettriceId: o.structureEmettriceId, services: [], demarches: ["caf" as const], urgence: "normale" as const, message: "", personne: null };
    expect(await erreur(envoyerOrientation(o.s, await droitsDeTest(c.db, intrus), saisie))).toBe("interdit");
    expect(await erreur(envoyerOrientation(o.s, null, saisie))).toBe("non_authentifie");
    const responsable = await compteDeTest(c.db, "responsable", { structureId: o.structureDestinataireId, role: "responsable" });
    const valeur = { publicAccueilli: "", modalites: [], courrielOrientation: null, telephoneOrientation: "+33299000000", aApporter: "", delais: "", accepteOrientations: false };
    await enregistrerConditions(c.db, await droitsDeTest(c.db, responsable), o.lieuId, valeur);
    expect(await erreur(envoyerOrientation(o.s, await droitsDeTest(c.db, o.emetteur), saisie))).toBe("conflit");
    expect(await lireConditions(c.db, o.lieuId)).toMatchObject({ accepteOrientations: false, telephoneOrientation: "+33299000000" });
    // Nobody runs this place and it gave no address: impossible, and said why.
    const orphelin = await lieuDeTest(c.db);
    expect(await destinationDe(c.db, orphelin)).toMatchObject({ type: "impossible" });
    expect(await erreur(envoyerOrientation(o.s, await droitsDeTest(c.db, o.emetteur), { ...saisie, lieuId: orphelin }))).toBe("conflit");
  });

  it("conditions : écrites par qui tient le lieu, pas par un tiers ; journalisées", async () => {
    const o = await orientationDeTest(c.db);
    const valeur = { publicAccueilli: "Tout public", modalites: ["passerelle" as const], courrielOrientation: null, telephoneOrientation: null, aApporter: "", delais: "", accepteOrientations: true };
    const tiers = await compteDeTest(c.db, "tiers", { structureId: o.structureEmettriceId, role: "mediateur" });
    expect(await erreur(enregistrerConditions(c.db, await droitsDeTest(c.db, tiers), o.lieuId, valeur))).toBe("interdit");
    await enregistrerConditions(c.db, await droitsDeTest(c.db, o.destinataire), o.lieuId, valeur);
    expect((await lireConditions(c.db, o.lieuId)).publicAccueilli).toBe("Tout public");
    expect(await c.db.select().from(journal_audit).where(and(eq(journal_audit.action, "orientation.conditions"), eq(journal_audit.objet_id, o.lieuId)))).toHaveLength(1);
  });

  it("la base refuse des coordonnées sans consentement enregistré", async () => {
    const o = await orientationDeTest(c.db);
    await expect(c.db.update(orientations).set({ personne_telephone: "+33612345678" }).where(eq(orientations.id, o.id))).rejects.toThrow();
    await expect(c.db.update(orientations).set({ personne_prenom: "Josiane", consentement_mode: "oral" }).where(eq(orientations.id, o.id))).rejects.toThrow();
  });
});

describe("parcours par comptes", () => {
  let o: OrientationDeTest;
  beforeAll(async () => {
    o = await orientationDeTest(c.db, { personne: true });
  });

  it("vue à la première lecture du destinataire, acceptée avec rendez-vous, prise en charge, clôturée autonome", async () => {
    const recepteur = await compte(o.destinataire);
    const emetteur = await compte(o.emetteur);
    // The sender's reads do not mark it seen.
    expect((await lireOrientation(o.s, emetteur, o.id)).statut).toBe("envoyee");
    const vue = await lireOrientation(o.s, recepteur, o.id);
    expect(vue).toMatchObject({ statut: "vue", cotes: ["destinataire"], actions: ["accepter", "refuser"], demarches: ["caf"], structureDestinataire: { id: o.structureDestinataireId } });
    const [apres] = await c.db.select().from(orientations).where(eq(orientations.id, o.id));
    expect(apres?.repondue_le).toBeInstanceOf(Date);
    expect(await erreur(traiterOrientation(o.s, emetteur, o.id, { action: "accepter", rdvLe: null }))).toBe("interdit");
    const rdv = new Date("2026-12-01T13:30:00Z");
    expect(await traiterOrientation(o.s, recepteur, o.id, { action: "accepter", rdvLe: rdv })).toEqual({ statut: "acceptee" });
    expect(await erreur(traiterOrientation(o.s, recepteur, o.id, { action: "accepter", rdvLe: null }))).toBe("conflit");
    expect(await traiterOrientation(o.s, recepteur, o.id, { action: "prendre_en_charge" })).toEqual({ statut: "prise_en_charge" });
    expect(await erreur(traiterOrientation(o.s, emetteur, o.id, { action: "annuler" }))).toBe("conflit");
    await enregistrerNote(o.s, recepteur, o.id, "Rappelée le 2 décembre, vient avec son fils.");
    expect(await erreur(enregistrerNote(o.s, emetteur, o.id, "note"))).toBe("interdit");
    expect(await traiterOrientation(o.s, recepteur, o.id, { action: "cloturer", issue: "autonome", reorienteeVersLieuId: null, reorienteeVers: null })).toEqual({ statut: "cloturee" });
    const [fin] = await c.db.select().from(orientations).where(eq(orientations.id, o.id));
    expect(fin).toMatchObject({ statut: "cloturee", issue: "autonome", rdv_le: rdv });
    expect(fin?.terminee_le).toBeInstanceOf(Date);

    const cote = await lireOrientation(o.s, emetteur, o.id);
    expect(cote).toMatchObject({ statut: "cloturee", issue: "autonome", noteDestinataire: null, actions: [], rdvLe: rdv });
    expect((await lireOrientation(o.s, recepteur, o.id)).noteDestinataire).toBe("Rappelée le 2 décembre, vient avec son fils.");
    const statuts = cote.evenements.filter((e) => e.evenement !== "donnees_lues").map((e) => e.evenement);
    expect(statuts).toEqual(["envoyee", "vue", "acceptee", "prise_en_charge", "cloturee"]);
    expect(cote.evenements.find((e) => e.evenement === "acceptee")?.par).toMatch(/^mediateur/);
  });

  it("chaque transition est annoncée à l'émetteur, sans donnée personnelle ; la personne n'est jamais écrite", async () => {
    const recus = await mailsA(o.emetteur.courriel);
    expect(recus.map((m) => m.sujet).sort()).toEqual(["acceptée", "clôturée", "prise en charge", "vue"].map((s) => `Orientation ${o.code.slice(0, 4)}-${o.code.slice(4)} : ${s}`).sort());
    expect(recus.find((m) => m.sujet.endsWith("acceptée"))?.texte).toContain("1 décembre 2026 à 14 h 30");
    for (const m of await toutLeCourrier()) for (const p of [...JOSIANE, "son fils"]) expect(`${m.texte}${m.html}`).not.toContain(p);
    expect(await mailsA("josiane@exemple.fr")).toHaveLength(0);
  });

  it("chaque lecture des coordonnées est dans le journal d'audit et dans l'historique", async () => {
    const audits = await c.db.select().from(journal_audit).where(and(eq(journal_audit.action, "orientation.lire_donnees"), eq(journal_audit.objet_id, o.id)));
    const lues = await c.db.select().from(evenements_orientations).where(and(eq(evenements_orientations.orientation_id, o.id), eq(evenements_orientations.evenement, "donnees_lues")));
    expect(audits.length).toBe(4);
    expect(lues.length).toBe(4);
    expect(audits[0]?.details).toEqual({ champs: ["prenom", "telephone", "courriel"], par_lien: false });
    const vue = await lireOrientation(o.s, await compte(o.emetteur), o.id);
    expect(vue.personne).toMatchObject({ prenom: "Josiane", consentement: { mode: "oral", par: expect.stringMatching(/^prescripteur/) } });
    expect(await c.db.select().from(journal_audit).where(and(eq(journal_audit.action, "orientation.lire_donnees"), eq(journal_audit.objet_id, o.id)))).toHaveLength(5);
  });

  it("personne d'autre ne la lit : tiers de tout rôle, coordination du territoire, administration du hub", async () => {
    const tierce = await structureDeTest(c.db, "Tiers");
    const lecteurs = [
      await compteDeTest(c.db, "tiers-mediateur", { structureId: tierce, role: "mediateur" }),
      await compteDeTest(c.db, "tiers-responsable", { structureId: tierce, role: "responsable" }),
      await compteDeTest(c.db, "tiers-prescripteur", { structureId: tierce, role: "prescripteur" }),
      await compteDeTest(c.db, "sans-structure"),
      await compteDeTest(c.db, "administratrice", undefined, "administrateur"),
    ];
    const coordinatrice = await compteDeTest(c.db, "coordinatrice");
    await c.db.insert(coordinations).values({ utilisateur_id: coordinatrice.id, type_territoire: "epci", code: "243500139" });
    lecteurs.push(coordinatrice);
    const avant = await c.db.select().from(journal_audit).where(eq(journal_audit.objet_id, o.id));
    for (const l of lecteurs) {
      expect(await erreur(lireOrientation(o.s, await compte(l), o.id))).toBe("introuvable");
      expect(await erreur(traiterOrientation(o.s, await compte(l), o.id, { action: "annuler" }))).toBe("introuvable");
      expect(await trouverParCode(c.db, await droitsDeTest(c.db, l), o.code)).toBeNull();
    }
    expect(await c.db.select().from(journal_audit).where(eq(journal_audit.objet_id, o.id))).toHaveLength(avant.length);
    expect(await erreur(trouverParCode(c.db, null, o.code))).toBe("non_authentifie");
    expect(await trouverParCode(c.db, await droitsDeTest(c.db, o.destinataire), ` ${o.code.slice(0, 4).toLowerCase()}-${o.code.slice(4)} `)).toBe(o.id);
    expect(await trouverParCode(c.db, await droitsDeTest(c.db, o.emetteur), o.code)).toBe(o.id);
  });
});

describe("refus et annulation", () => {
  it("le motif du refus est vu par les deux structures et écrit à l'émetteur", async () => {
    const o = await orientationDeTest(c.db);
    expect(await traiterOrientation(o.s, await compte(o.destinataire), o.id, { action: "refuser", motif: "complet" })).toEqual({ statut: "refusee" });
    expect((await lireOrientation(o.s, await compte(o.emetteur), o.id)).motifRefus).toBe("complet");
    expect((await lireOrientation(o.s, await compte(o.destinataire), o.id)).motifRefus).toBe("complet");
    const [mail] = (await mailsA(o.emetteur.courriel)).filter((m) => m.sujet.endsWith("refusée"));
    expect(mail?.texte).toContain("Plus de place disponible");
    expect(mail?.texte).toContain("jamais communiqué à la personne");
  });

  it("l'émetteur annule jusqu'à l'acceptation ; le destinataire en est averti", async () => {
    const o = await orientationDeTest(c.db);
    expect(await erreur(traiterOrientation(o.s, await compte(o.destinataire), o.id, { action: "annuler" }))).toBe("interdit");
    await traiterOrientation(o.s, await compte(o.destinataire), o.id, { action: "accepter", rdvLe: null });
    expect(await traiterOrientation(o.s, await compte(o.emetteur), o.id, { action: "annuler" })).toEqual({ statut: "annulee" });
    expect((await mailsA(o.destinataire.courriel)).map((m) => m.sujet)).toContain(`Orientation ${o.code.slice(0, 4)}-${o.code.slice(4)} : annulée`);
  });

  it("clôturer « réorientée » exige une destination, qui est ensuite lue", async () => {
    const o = await orientationDeTest(c.db);
    const r = await compte(o.destinataire);
    await traiterOrientation(o.s, r, o.id, { action: "accepter", rdvLe: null });
    expect(await erreur(traiterOrientation(o.s, r, o.id, { action: "cloturer", issue: "reorientee", reorienteeVersLieuId: null, reorienteeVers: " " }))).toBe("entree_invalide");
    const autre = await lieuDeTest(c.db, "CCAS");
    await traiterOrientation(o.s, r, o.id, { action: "cloturer", issue: "reorientee", reorienteeVersLieuId: autre, reorienteeVers: null });
    expect((await lireOrientation(o.s, r, o.id)).reorienteeVers).toMatchObject({ lieuId: autre, nom: expect.stringMatching(/^CCAS .* \(Rennes\)$/) });
  });
});

describe("lien signé (lieu sans compte)", () => {
  it("le lien répond comme le destinataire, pour cette orientation seulement", async () => {
    const o = await orientationDeTest(c.db, { sansCompte: true, personne: true });
    expect(o.courrielOrientation).not.toBeNull();
    const adresse = o.courrielOrientation ?? "";
    const [ligne] = await c.db.select().from(orientations).where(eq(orientations.id, o.id));
    expect(ligne?.structure_destinataire_id).toBeNull();
    const jeton = await dernierJetonLien(c.db, adresse);
    const [mail] = await mailsA(adresse);
    for (const p of JOSIANE) expect(`${mail?.texte}${mail?.html}`).not.toContain(p);
    expect(await lienValide(c.db, jeton)).toEqual({ orientationId: o.id });
    expect(await lienValide(c.db, "inconnu-inconnu-inconnu-inconnu")).toBeNull();
    const lien: Acteur = { type: "lien", orientationId: o.id };
    const vue = await lireOrientation(o.s, lien, o.id);
    expect(vue).toMatchObject({ statut: "vue", cotes: ["destinataire"], personne: { prenom: "Josiane" } });
    expect(vue.evenements.map((e) => e.evenement)).toEqual(["envoyee", "lien_envoye", "vue", "donnees_lues"]);
    expect(vue.evenements.find((e) => e.evenement === "vue")?.par).toBe("lien reçu par courriel");
    expect(await traiterOrientation(o.s, lien, o.id, { action: "accepter", rdvLe: null })).toEqual({ statut: "acceptee" });
    const [ev] = await c.db.select().from(evenements_orientations).where(and(eq(evenements_orientations.orientation_id, o.id), eq(evenements_orientations.evenement, "acceptee")));
    expect(ev).toMatchObject({ par_lien: true, utilisateur_id: null });
    expect(await c.db.select().from(journal_audit).where(and(eq(journal_audit.action, "orientation.lire_donnees"), eq(journal_audit.objet_id, o.id)))).toHaveLength(1);
    // The sender cancels: the place's address is told (no link in it: tokens are only in their own mail).
    await traiterOrientation(o.s, await compte(o.emetteur), o.id, { action: "annuler" });
    expect((await mailsA(adresse)).map((m) => m.sujet)).toContain(`Orientation ${o.code.slice(0, 4)}-${o.code.slice(4)} : annulée`);

    const y = await orientationDeTest(c.db, { sansCompte: true });
    expect(await erreur(lireOrientation(o.s, lien, y.id))).toBe("introuvable");
    expect(await erreur(traiterOrientation(o.s, lien, y.id, { action: "refuser", motif: "complet" }))).toBe("introuvable");
    expect(await erreur(enregistrerNote(o.s, lien, y.id, "x"))).toBe("introuvable");
  });

  it("expiré : renouvelé à la MÊME adresse, pas deux fois par jour, pas tant qu'il est valide", async () => {
    const o = await orientationDeTest(c.db, { sansCompte: true });
    const adresse = o.courrielOrientation ?? "";
    const jeton = await dernierJetonLien(c.db, adresse);
    expect(await erreur(renouvelerLien(o.s, jeton))).toBe("conflit");
    const plusTard = new Date(Date.now() + 9 * 24 * 3600 * 1000);
    expect(await lienValide(c.db, jeton, plusTard)).toEqual({ expire: true, orientationId: o.id });
    const avant = (await mailsA(adresse)).length;
    await renouvelerLien(o.s, jeton, plusTard);
    expect(await mailsA(adresse)).toHaveLength(avant + 1);
    const nouveau = await dernierJetonLien(c.db, adresse);
    expect(nouveau).not.toBe(jeton);
    expect(await lienValide(c.db, nouveau, plusTard)).toEqual({ orientationId: o.id });
    expect(await erreur(renouvelerLien(o.s, jeton, plusTard))).toBe("conflit");
    expect(await erreur(renouvelerLien(o.s, "jeton-qui-n-existe-pas-du-tout"))).toBe("introuvable");
    const [audit] = await c.db.select().from(journal_audit).where(and(eq(journal_audit.action, "orientation.renouveler_lien"), eq(journal_audit.objet_id, o.id)));
    expect(audit).toBeDefined();
    // A link to another address for this referral does not change where renewals go.
    const autre = await creerLien(o.s, o.id, "autre@epn.exemple.fr");
    expect(await lienValide(c.db, autre)).toEqual({ orientationId: o.id });
  });

  it("une structure avec membres reçoit dans sa boîte, même si le lieu a une adresse", async () => {
    const o = await orientationDeTest(c.db);
    const [l] = await c.db.select().from(lieux_structures).where(eq(lieux_structures.lieu_id, o.lieuId));
    expect(await destinationDe(c.db, o.lieuId)).toMatchObject({ type: "structure", structureId: l?.structure_id });
  });
});

