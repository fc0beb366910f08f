import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { utilisateurs } from "~/comptes/comptes.schema";
import { journal_audit } from "~/platform/audit/audit.schema";
import { lieux } from "~/lieux/lieux.schema";
import type { Connexion } from "~/platform/db/connexion.server";
import { baseDeTest } from "../../test/aide/base";
import type { ServicesStructures } from "./contexte.server";
import { ajouterCoordination, listerCoordinations, retirerCoordination } from "./coordinations.server";
import { droitsDe } from "./droits.server";
import { accepterInvitation, inviter } from "./invitations.server";
import { delierLieu, lieuxDe, lierLieu, rechercherLieux, structureDuLieu } from "./lieux-structures.server";
import { changerRole, retirerMembre } from "./membres.server";
import { creerStructure, lireStructure, membresDe, mesStructures, modifierStructure, rechercherStructures } from "./structures.server";
import { compte, lieu, RENNES_METROPOLE, saisie, servicesDeTest } from "./test-outils";

let c: Connexion;
let s: ServicesStructures;

beforeAll(async () => {
  c = await baseDeTest();
  s = servicesDeTest(c.db);
});
afterAll(async () => {
  await c.fermer();
});

describe("structures", () => {
  it("la créatrice devient responsable ; la structure se retrouve par nom, SIRET ou commune", async () => {
    const anne = await compte(c.db, "anne@exemple.fr");
    const id = await creerStructure(s, anne, saisie({ nom: "Médiathèque Champs Libres", type: "mediatheque_bibliotheque", siret: "13002603200016", reseau: "Réseau des médiathèques" }));
    expect(await mesStructures(c.db, s.referentiel, anne.id)).toMatchObject([{ id, nom: "Médiathèque Champs Libres", role: "responsable", commune: "Rennes" }]);
    expect((await rechercherStructures(c.db, s.referentiel, "champs libres")).map((x) => x.id)).toEqual([id]);
    expect((await rechercherStructures(c.db, s.referentiel, "mediatheque")).map((x) => x.id)).toEqual([id]);
    expect((await rechercherStructures(c.db, s.referentiel, "130 026 032")).map((x) => x.id)).toEqual([id]);
    expect((await rechercherStructures(c.db, s.referentiel, "Rennes")).map((x) => x.id)).toEqual([id]);
    expect(await rechercherStructures(c.db, s.referentiel, "Brest")).toEqual([]);
  });

  it("un SIRET déjà pris est refusé sur le champ siret, à la création comme à la modification", async () => {
    const bob = await compte(c.db, "bob@exemple.fr");
    await expect(creerStructure(s, bob, saisie({ siret: "13002603200016" }))).rejects.toMatchObject({ code: "conflit", details: [{ champ: "siret" }] });
    const id = await creerStructure(s, bob, saisie({ nom: "Centre social Ty Blosne", type: "centre_social" }));
    await expect(modifierStructure(s, bob, id, saisie({ siret: "13002603200016" }))).rejects.toMatchObject({ code: "conflit", details: [{ champ: "siret" }] });
    await modifierStructure(s, bob, id, saisie({ nom: "Centre social du Blosne", type: "centre_social", code_insee: "35051", reseau: "CAF" }));
    expect(await lireStructure(c.db, s.referentiel, id)).toMatchObject({ nom: "Centre social du Blosne", commune: "Cesson-Sévigné", reseau: "CAF", siret: null });
  });

  it("une structure garde au moins un responsable", async () => {
    const r = await compte(c.db, "resp@exemple.fr");
    const m = await compte(c.db, "med@exemple.fr");
    const id = await creerStructure(s, r, saisie({ nom: "Asso A" }));
    await expect(changerRole(s, r, id, r.id, "mediateur")).rejects.toMatchObject({ code: "conflit" });
    await expect(retirerMembre(s, r, id, r.id)).rejects.toMatchObject({ code: "conflit" });
    await expect(changerRole(s, r, id, m.id, "mediateur")).rejects.toMatchObject({ code: "introuvable" });
    const admin = await compte(c.db, "admin-a@exemple.fr", "administrateur");
    // The administrator brings in a second responsable, after which the first may step down.
    await accepterInvitation(s, m, await inviter(s, admin, id, "med@exemple.fr", "responsable"));
    await changerRole(s, r, id, r.id, "mediateur");
    await retirerMembre(s, m, id, r.id);
    expect(await membresDe(c.db, id)).toEqual([{ utilisateurId: m.id, nom: "", courriel: "med@exemple.fr", role: "responsable" }]);
    // Each change is in the audit log, with ids only.
    const journal = await c.db.select().from(journal_audit).where(eq(journal_audit.objet_id, id));
    expect(journal.map((j) => [j.action, j.utilisateur_id])).toEqual([
      ["structure.creer", r.id],
      ["membre.changer_role", r.id],
      ["membre.retirer", m.id],
    ]);
    expect(journal[2]?.details).toEqual({ utilisateur_id: r.id });
    expect(JSON.stringify(await c.db.select().from(journal_audit))).not.toContain("@");
  });
});

describe("lieux des structures", () => {
  it("rattacher un lieu ne change pas sa version ; un lieu déjà géré ne peut pas être pris", async () => {
    const r = await compte(c.db, "r-lieux@exemple.fr");
    const r2 = await compte(c.db, "r2-lieux@exemple.fr");
    const S = await creerStructure(s, r, saisie({ nom: "S lieux" }));
    const T = await creerStructure(s, r2, saisie({ nom: "T lieux" }));
    const l = await lieu(c.db, "Point numérique de Maurepas");
    await lierLieu(s, r, S, l);
    await lierLieu(s, r, S, l); // twice: nothing changes
    expect(await lieuxDe(c.db, S)).toEqual([{ id: l, nom: "Point numérique de Maurepas", commune: "Rennes", adresse: "1 rue de test" }]);
    const [v] = await c.db.select({ version: lieux.version }).from(lieux).where(eq(lieux.id, l));
    expect(v?.version).toBe(1);
    await expect(lierLieu(s, r2, T, l)).rejects.toMatchObject({ code: "conflit", details: [{ champ: "lieu" }] });
    expect(await rechercherLieux(c.db, "maurepas")).toMatchObject([{ id: l, structure: "S lieux" }]);
    await delierLieu(s, r, S, l);
    expect(await structureDuLieu(c.db, l)).toBeNull();
    await lierLieu(s, r2, T, l);
    expect(await structureDuLieu(c.db, l)).toBe(T);
  });

  it("un lieu fusionné ou inconnu n'est pas rattachable", async () => {
    const r = await compte(c.db, "r-fusion@exemple.fr");
    const S = await creerStructure(s, r, saisie({ nom: "S fusion" }));
    const vivant = await lieu(c.db, "Vivant");
    const absorbe = await lieu(c.db, "Absorbé");
    await c.db.update(lieux).set({ fusionne_dans: vivant }).where(eq(lieux.id, absorbe));
    await expect(lierLieu(s, r, S, absorbe)).rejects.toMatchObject({ code: "introuvable" });
    await expect(lierLieu(s, r, S, "pas-un-uuid")).rejects.toMatchObject({ code: "introuvable" });
  });
});

describe("coordinations", () => {
  it("nommer crée le compte au besoin, une seule fois par territoire, et donne la portée", async () => {
    expect(await ajouterCoordination(s, "console", { courriel: " Coord@Exemple.fr ", type: "epci", code: RENNES_METROPOLE })).toEqual({ nouvelle: true });
    expect(await ajouterCoordination(s, "console", { courriel: "coord@exemple.fr", type: "epci", code: RENNES_METROPOLE })).toEqual({ nouvelle: false });
    await ajouterCoordination(s, "console", { courriel: "coord@exemple.fr", type: "departement", code: "29" });
    expect(await listerCoordinations(c.db, s.referentiel)).toEqual([
      { courriel: "coord@exemple.fr", nom: "", type: "departement", code: "29", territoire: "Finistère" },
      { courriel: "coord@exemple.fr", nom: "", type: "epci", code: RENNES_METROPOLE, territoire: "Rennes Métropole" },
    ]);
    await expect(ajouterCoordination(s, "console", { courriel: "coord@exemple.fr", type: "departement", code: "75" })).rejects.toMatchObject({ code: "entree_invalide", details: [{ champ: "code" }] });
    await expect(ajouterCoordination(s, "console", { courriel: "coord@exemple.fr", type: "epci", code: "123456789" })).rejects.toMatchObject({ code: "entree_invalide" });
    await retirerCoordination(s, "console", { courriel: "coord@exemple.fr", type: "departement", code: "29" });
    await expect(retirerCoordination(s, "console", { courriel: "coord@exemple.fr", type: "departement", code: "29" })).rejects.toMatchObject({ code: "introuvable" });
    const [u] = (await listerCoordinations(c.db, s.referentiel)).map((x) => x.code);
    expect(u).toBe(RENNES_METROPOLE);
    const [compteCoord] = await c.db.select({ id: utilisateurs.id }).from(utilisateurs).where(eq(utilisateurs.courriel, "coord@exemple.fr"));
    const droits = await droitsDe(c.db, compteCoord ?? null, s.referentiel);
    // Rennes Métropole: 43 communes.
    expect(droits?.communesCoordonnees.size).toBe(43);
  });
});
