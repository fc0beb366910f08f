import { asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ajouterAdministrateur, retirerAdministrateur } from "~/comptes/administrateurs.server";
import { utilisateurs } from "~/comptes/comptes.schema";
import { lieux, signalements } from "~/lieux/lieux.schema";
import { enregistrerSignalement } from "~/lieux/signalements/enregistrer.server";
import type { Connexion } from "~/platform/db/connexion.server";
import { ErreurPasserelle } from "~/platform/erreurs";
import { baseDeTest } from "../../../test/aide/base";
import { journal_audit } from "./audit.schema";
import { actionsJournalisees, idDeCourriel, journaliser, lireJournal, PAR_PAGE_JOURNAL } from "./journal.server";

let c: Connexion;
const LIEU = "0c0c0c0c-0000-4000-8000-000000000001";

beforeAll(async () => {
  c = await baseDeTest();
  await c.db.insert(lieux).values({ id: LIEU, pivot: "00000000000000", nom: "EPN test", commune: "Loudéac", code_postal: "22600", adresse: "1 rue X", date_maj: "2024-01-01" });
});
afterAll(async () => c.fermer());

const code = (e: unknown) => (e instanceof ErreurPasserelle ? e.code : String(e));
const toutes = () => c.db.select().from(journal_audit).orderBy(asc(journal_audit.id));

describe("journaliser", () => {
  it("refuse une action mal formée et une adresse électronique dans les détails", async () => {
    await expect(journaliser(c.db, { action: "Signalement créé", utilisateurId: null, objetType: "x" }).catch(code)).resolves.toBe("entree_invalide");
    await expect(journaliser(c.db, { action: "x.lire", utilisateurId: null, objetType: "x", details: { qui: "Jean@Exemple.fr" } }).catch(code)).resolves.toBe("entree_invalide");
    await expect(journaliser(c.db, { action: "x.lire", utilisateurId: null, objetType: "x", details: { a: ["id-1", "b@c.fr"] } }).catch(code)).resolves.toBe("entree_invalide");
    expect(await toutes()).toEqual([]);
  });

  it("dans la transaction de la modification : annulée avec elle", async () => {
    await c.db
      .transaction(async (tx) => {
        await journaliser(tx, { action: "essai.annuler", utilisateurId: null, objetType: "essai" });
        throw new Error("échec après coup");
      })
      .catch(() => undefined);
    expect(await toutes()).toEqual([]);
  });
});

describe("les modifications existantes sont journalisées, sans donnée personnelle", () => {
  it("un signalement : l'id du lieu et les noms des champs remplis, jamais le message ni l'adresse", async () => {
    await enregistrerSignalement(c.db, LIEU, { categories: ["horaires"], message: "Fermé le lundi, appelez Jean", courriel: "jean@exemple.fr", piege: "" });
    await enregistrerSignalement(c.db, LIEU, { categories: ["horaires"], message: "spam", courriel: "", piege: "http://spam" });
    const [s] = await c.db.select({ id: signalements.id }).from(signalements);
    const lignes = await toutes();
    expect(lignes).toHaveLength(1);
    expect(lignes[0]).toMatchObject({ action: "signalement.creer", utilisateur_id: null, objet_type: "signalement", objet_id: s?.id, details: { lieu_id: LIEU, champs: ["categories", "message", "courriel"] } });
    expect(JSON.stringify(lignes[0])).not.toMatch(/jean|lundi/i);
  });

  it("un signalement sur un lieu inconnu : ni signalement ni entrée", async () => {
    const avant = (await toutes()).length;
    await expect(enregistrerSignalement(c.db, "6f1c1f8e-0000-4000-8000-000000000000", { categories: ["horaires"], message: "", courriel: "", piege: "" }).catch(code)).resolves.toBe("introuvable");
    expect(await toutes()).toHaveLength(avant);
  });

  it("ajouter et retirer un administrateur (ligne de commande) : l'id du compte, pas l'adresse", async () => {
    await ajouterAdministrateur(c.db, "chef@hub.bzh");
    await ajouterAdministrateur(c.db, "chef@hub.bzh");
    await retirerAdministrateur(c.db, "chef@hub.bzh");
    await expect(retirerAdministrateur(c.db, "chef@hub.bzh").catch(code)).resolves.toBe("introuvable");
    const id = await idDeCourriel(c.db, " Chef@hub.bzh");
    const lignes = (await toutes()).filter((l) => l.objet_type === "utilisateur");
    expect(lignes.map((l) => [l.action, l.utilisateur_id, l.objet_id, l.details])).toEqual([
      ["administrateur.ajouter", null, id, { compte_cree: true }],
      ["administrateur.ajouter", null, id, { compte_cree: false }],
      ["administrateur.retirer", null, id, {}],
    ]);
    expect(JSON.stringify(lignes)).not.toContain("chef@");
  });
});

describe("lireJournal", () => {
  it("filtre par action, personne et jour (heure de Paris), du plus récent au plus ancien, par pages", async () => {
    await c.db.delete(journal_audit);
    const [u] = await c.db.insert(utilisateurs).values({ courriel: "agent@exemple.fr" }).returning({ id: utilisateurs.id });
    const agent = u?.id ?? "";
    // 60 reads by the agent on 2025-03-01 (Paris), then 3 reports the next day; 23:30 UTC on 1 March is 2 March in Paris.
    for (let i = 0; i < 60; i++) await journaliser(c.db, { action: "courriels.consulter", utilisateurId: agent, objetType: "courriel", details: { page: i + 1 } });
    await c.db.update(journal_audit).set({ cree_le: sql`'2025-03-01T10:00:00Z'::timestamptz + (${journal_audit.id} * interval '1 second')` });
    for (let i = 0; i < 3; i++) await journaliser(c.db, { action: "signalement.creer", utilisateurId: null, objetType: "signalement", objetId: `s${i}` });
    await c.db.update(journal_audit).set({ cree_le: new Date("2025-03-01T23:30:00Z") }).where(eq(journal_audit.action, "signalement.creer"));

    const p1 = await lireJournal(c.db, {}, 1);
    expect(p1.total).toBe(63);
    expect(p1.lignes).toHaveLength(PAR_PAGE_JOURNAL);
    expect(p1.lignes.slice(0, 3).map((l) => l.objetId)).toEqual(["s2", "s1", "s0"]);
    expect(p1.lignes[3]).toMatchObject({ action: "courriels.consulter", courriel: "agent@exemple.fr", details: { page: 60 } });
    const p2 = await lireJournal(c.db, {}, 2);
    expect(p2.lignes).toHaveLength(13);
    expect(p2.lignes.at(-1)?.details).toEqual({ page: 1 });

    expect((await lireJournal(c.db, { action: "signalement.creer" }, 1)).total).toBe(3);
    expect((await lireJournal(c.db, { utilisateurId: agent }, 1)).total).toBe(60);
    expect((await lireJournal(c.db, { du: "2025-03-02" }, 1)).total).toBe(3);
    expect((await lireJournal(c.db, { au: "2025-03-01" }, 1)).total).toBe(60);
    expect((await lireJournal(c.db, { du: "2025-03-01", au: "2025-03-01", utilisateurId: agent, action: "courriels.consulter" }, 1)).total).toBe(60);
    expect((await lireJournal(c.db, { du: "2025-03-03" }, 1)).total).toBe(0);
    expect(await actionsJournalisees(c.db)).toEqual(["courriels.consulter", "signalement.creer"]);
  });

  it("l'entrée d'un compte supprimé reste, sans adresse", async () => {
    const [u] = await c.db.insert(utilisateurs).values({ courriel: "parti@exemple.fr" }).returning({ id: utilisateurs.id });
    await journaliser(c.db, { action: "compte.supprimer", utilisateurId: u?.id ?? null, objetType: "utilisateur", objetId: u?.id });
    await c.db.delete(utilisateurs).where(eq(utilisateurs.courriel, "parti@exemple.fr"));
    const { lignes } = await lireJournal(c.db, { action: "compte.supprimer" }, 1);
    expect(lignes).toHaveLength(1);
    expect(lignes[0]).toMatchObject({ utilisateurId: u?.id, courriel: null });
  });
});
