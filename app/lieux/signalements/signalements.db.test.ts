import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { journal_audit } from "~/platform/audit/audit.schema";
import { courriels } from "~/platform/courriel/courriels.schema";
import { creerMessagerie } from "~/platform/courriel/messagerie.server";
import type { Connexion } from "~/platform/db/connexion.server";
import { ErreurPasserelle } from "~/platform/erreurs";
import { coordinations, lieux_structures, membres_structures, structures } from "~/structures/structures.schema";
import { compte, lieu, RENNES_METROPOLE } from "~/structures/test-outils";
import { chargerReferentiel } from "~/territoire/referentiel.server";
import { baseDeTest } from "../../../test/aide/base";
import { lieux, signalements } from "../lieux.schema";
import { jetonFormulaire, jetonValide } from "./anti-spam.server";
import { limitesSignalements } from "./signalements.schema";
import type { ServicesSignalements } from "./services.server";
import { LimiteAtteinte, signaler } from "./signaler.server";
import { lireSignalementJson, type Signalement } from "./signalement";
import { changerStatut, lireTicket, listerSignalements } from "./traitement.server";

const SECRET = "secret-de-test-de-32-caracteres-au-moins";
let c: Connexion;
let s: ServicesSignalements;
const sig = (m: Partial<Signalement> = {}): Signalement => ({ categories: ["horaires"], message: "Fermé le lundi.", courriel: "", piege: "", ...m });
const vieux = () => jetonFormulaire(SECRET, Date.now() - 10_000);
let ip = 0;
const api = (lieuId: string, m: Partial<Signalement> = {}) => signaler(s, lieuId, sig(m), { origine: "api", client: `10.0.0.${++ip}` });
const boite = async () => c.db.select().from(courriels).orderBy(asc(courriels.cree_le), asc(courriels.destinataire));

beforeAll(async () => {
  c = await baseDeTest();
  s = { db: c.db, messagerie: creerMessagerie(c.db, { smtpUrl: undefined, expediteur: "test@passerelle.test" }), urlPublique: "http://passerelle.test", referentiel: chargerReferentiel(), secret: SECRET };
});
afterAll(async () => c.fermer());
beforeEach(async () => {
  await c.db.delete(courriels);
  await c.db.delete(limitesSignalements);
});

describe("routage d'un signalement", () => {
  it("aux responsables et médiateurs de la structure du lieu, jamais l'adresse du signalant", async () => {
    const id = await lieu(c.db, "EPN du Blosne");
    const [st] = await c.db.insert(structures).values({ nom: "Asso Blosne", type: "association", code_insee: "35238" }).returning({ id: structures.id });
    const sid = st?.id ?? "";
    await c.db.insert(lieux_structures).values({ lieu_id: id, structure_id: sid });
    for (const [courriel, role] of [["resp@ex.fr", "responsable"], ["med@ex.fr", "mediateur"], ["presc@ex.fr", "prescripteur"]] as const) {
      const u = await compte(c.db, courriel);
      await c.db.insert(membres_structures).values({ structure_id: sid, utilisateur_id: u.id, role });
    }
    const r = await api(id, { courriel: "signalant@ex.fr", categories: ["horaires", "contacts"] });
    expect(r.issue).toBe("enregistre");
    const mails = await boite();
    expect(mails.map((m) => m.destinataire)).toEqual(["med@ex.fr", "resp@ex.fr"]);
    const m = mails[0];
    expect(m?.sujet).toBe("Erreur signalée sur « EPN du Blosne »");
    expect(m?.texte).toContain("Ce qui serait faux : Les horaires, Les contacts (téléphone, courriel, site).");
    expect(m?.texte).toContain("« Fermé le lundi. »");
    expect(m?.texte).toContain(`http://passerelle.test/signalements/${r.issue === "enregistre" ? r.id : ""}`);
    for (const x of mails) expect(`${x.texte}${x.html}`).not.toContain("signalant@ex.fr");
    const [ligne] = await c.db.select().from(signalements).where(eq(signalements.lieu_id, id));
    expect(ligne).toMatchObject({ origine: "api", statut: "nouveau", courriel: "signalant@ex.fr" });
  });

  it("sinon aux coordinateurs de l'EPCI ou du département, sinon aux administrateurs", async () => {
    const rennes = await lieu(c.db, "Médiathèque de Rennes");
    const brest = await lieu(c.db, "EPN de Brest", "29019", "Brest");
    const epci = await compte(c.db, "coord-epci@ex.fr");
    const dep = await compte(c.db, "coord-35@ex.fr");
    await compte(c.db, "coord-56@ex.fr").then((u) => c.db.insert(coordinations).values({ utilisateur_id: u.id, type_territoire: "departement", code: "56" }));
    await c.db.insert(coordinations).values([
      { utilisateur_id: epci.id, type_territoire: "epci", code: RENNES_METROPOLE },
      { utilisateur_id: dep.id, type_territoire: "departement", code: "35" },
    ]);
    await compte(c.db, "admin@ex.fr", "administrateur");
    await api(rennes);
    expect((await boite()).map((m) => m.destinataire)).toEqual(["coord-35@ex.fr", "coord-epci@ex.fr"]);
    await c.db.delete(courriels);
    await api(brest);
    const mails = await boite();
    expect(mails.map((m) => m.destinataire)).toEqual(["admin@ex.fr"]);
    expect(mails[0]?.texte).toContain("il revient aux administrateurs");
  });

  it("lieu inconnu ou fusionné : introuvable, rien n'est stocké", async () => {
    const code = (e: unknown) => (e instanceof ErreurPasserelle ? e.code : "autre");
    await expect(api("6f1c1f8e-0000-4000-8000-000000000000").catch(code)).resolves.toBe("introuvable");
    await expect(api("pas-un-uuid").catch(code)).resolves.toBe("introuvable");
    const vivant = await lieu(c.db, "Survivant");
    const fusionne = await lieu(c.db, "Doublon");
    await c.db.update(lieux).set({ fusionne_dans: vivant }).where(eq(lieux.id, fusionne));
    await expect(api(fusionne).catch(code)).resolves.toBe("introuvable");
  });
});

describe("anti-spam et limite par client", () => {
  it("5 signalements par 10 minutes et par adresse, puis 429 avec le délai ; une autre adresse passe", async () => {
    const id = await lieu(c.db, "Lieu très signalé");
    const o = { origine: "api", client: "192.0.2.1" } as const;
    for (let i = 0; i < 5; i++) expect((await signaler(s, id, sig(), o)).issue).toBe("enregistre");
    const refus = await signaler(s, id, sig(), o).catch((e: unknown) => e);
    expect(refus).toBeInstanceOf(LimiteAtteinte);
    expect(refus instanceof LimiteAtteinte && refus.reessayerDans > 590 && refus.reessayerDans <= 600).toBe(true);
    expect((await signaler(s, id, sig(), { ...o, client: "192.0.2.2" })).issue).toBe("enregistre");
    // The window ends: the same address may report again.
    await c.db.update(limitesSignalements).set({ debut: new Date(Date.now() - 601_000) });
    expect((await signaler(s, id, sig(), o)).issue).toBe("enregistre");
    const cles = await c.db.select({ cle: limitesSignalements.cle }).from(limitesSignalements);
    expect(JSON.stringify(cles)).not.toContain("192.0.2");
    expect(await c.db.select().from(signalements).where(eq(signalements.lieu_id, id))).toHaveLength(7);
  });

  it("le formulaire : jeton signé de plus de 3 s exigé, sinon refus silencieux ; pot de miel aussi", async () => {
    const id = await lieu(c.db, "Lieu du formulaire");
    const f = (jeton: unknown, m: Partial<Signalement> = {}) => signaler(s, id, sig(m), { origine: "formulaire", client: `198.51.100.${++ip}`, jeton });
    expect((await f(vieux())).issue).toBe("enregistre");
    expect((await f(jetonFormulaire(SECRET))).issue).toBe("ignore");
    expect((await f(jetonFormulaire("un-autre-secret-de-32-caracteres-xx", Date.now() - 10_000))).issue).toBe("ignore");
    expect((await f(null)).issue).toBe("ignore");
    expect((await f(vieux(), { piege: "http://spam" })).issue).toBe("ignore");
    expect(await c.db.select().from(signalements).where(eq(signalements.lieu_id, id))).toHaveLength(1);
    // Only the stored report is routed (to the two coordinators of Rennes set up above).
    expect((await boite()).map((m) => m.destinataire)).toEqual(["coord-35@ex.fr", "coord-epci@ex.fr"]);
    expect(jetonValide(SECRET, jetonFormulaire(SECRET, 1_700_000_000_000), 1_700_000_003_000)).toBe(true);
    expect(jetonValide(SECRET, jetonFormulaire(SECRET, 1_700_000_000_000), 1_700_000_002_999)).toBe(false);
  });

  it("plus de 2 liens dans le message : refusé, en français", () => {
    expect(lireSignalementJson({ message: "voir https://a.fr et www.b.fr" }).ok).toBe(true);
    expect(lireSignalementJson({ message: "https://a.fr http://b.fr www.c.fr" })).toEqual({ ok: false, erreurs: { message: "Le message contient trop de liens (2 au plus)." } });
  });
});

describe("traitement des signalements", () => {
  it("nouveau → en cours → corrigé : journalisé, le signalant prévenu avec la réponse ; 403 aux autres ; statut final", async () => {
    const id = await lieu(c.db, "Tiers-lieu de Rennes");
    const [st] = await c.db.insert(structures).values({ nom: "Tiers-lieu", type: "association", code_insee: "35238" }).returning({ id: structures.id });
    await c.db.insert(lieux_structures).values({ lieu_id: id, structure_id: st?.id ?? "" });
    const med = await compte(c.db, "mediatrice@ex.fr");
    const presc = await compte(c.db, "prescriptrice@ex.fr");
    const autre = await compte(c.db, "autre@ex.fr");
    await c.db.insert(membres_structures).values([
      { structure_id: st?.id ?? "", utilisateur_id: med.id, role: "mediateur" },
      { structure_id: st?.id ?? "", utilisateur_id: presc.id, role: "prescripteur" },
    ]);
    const r = await api(id, { courriel: "camille@ex.fr" });
    if (r.issue !== "enregistre") throw new Error("non enregistré");
    const sansAdresse = await api(id);
    await c.db.delete(courriels);

    const code = (e: unknown) => (e instanceof ErreurPasserelle ? e.code : "autre");
    await expect(lireTicket(s, presc, r.id).catch(code)).resolves.toBe("interdit");
    await expect(lireTicket(s, autre, r.id).catch(code)).resolves.toBe("interdit");
    await expect(lireTicket(s, null, r.id).catch(code)).resolves.toBe("non_authentifie");
    await expect(listerSignalements(s, autre, null).catch(code)).resolves.toBe("interdit");
    await expect(changerStatut(s, presc, r.id, "corrige", "").catch(code)).resolves.toBe("interdit");
    expect((await lireTicket(s, med, r.id)).reporterPrevenu).toBe(true);

    await changerStatut(s, med, r.id, "en_cours", "");
    await changerStatut(s, med, r.id, "corrige", "Horaires mis à jour, merci.");
    await expect(changerStatut(s, med, r.id, "rejete", "").catch(code)).resolves.toBe("conflit");
    const mails = await boite();
    expect(mails.map((m) => [m.destinataire, m.sujet])).toEqual([
      ["camille@ex.fr", "Votre signalement est en cours de traitement"],
      ["camille@ex.fr", "Votre signalement a été pris en compte"],
    ]);
    expect(mails[1]?.texte).toContain("Leur réponse : « Horaires mis à jour, merci. »");
    expect(mails[1]?.texte).toContain(`http://passerelle.test/lieux/${id}`);
    expect(await lireTicket(s, med, r.id)).toMatchObject({ statut: "corrige", reponse: "Horaires mis à jour, merci." });

    if (sansAdresse.issue !== "enregistre") throw new Error("non enregistré");
    await changerStatut(s, med, sansAdresse.id, "rejete", "Information exacte.");
    expect(await boite()).toHaveLength(2);

    const journal = await c.db.select().from(journal_audit).where(eq(journal_audit.action, "signalement.statut")).orderBy(asc(journal_audit.id));
    expect(journal.map((j) => j.details)).toEqual([
      { lieu_id: id, de: "nouveau", vers: "en_cours", reponse: false },
      { lieu_id: id, de: "en_cours", vers: "corrige", reponse: true },
      { lieu_id: id, de: "nouveau", vers: "rejete", reponse: true },
    ]);
    expect(journal.every((j) => j.utilisateur_id === med.id)).toBe(true);

    const tous = await listerSignalements(s, med, null);
    expect(tous.map((t) => [t.id, t.statut])).toEqual([
      [sansAdresse.id, "rejete"],
      [r.id, "corrige"],
    ]);
    expect((await listerSignalements(s, med, "corrige")).map((t) => t.id)).toEqual([r.id]);
  });
});
