import { desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { courriels } from "~/platform/courriel/courriels.schema";
import type { Connexion } from "~/platform/db/connexion.server";
import { baseDeTest } from "../../test/aide/base";
import { demanderAdhesion, deciderDemande, demandesDe } from "./adhesions.server";
import type { ServicesStructures } from "./contexte.server";
import { accepterInvitation, accepterInvitationAdressee, hacherJeton, invitationsEnAttente, inviter, lireInvitation } from "./invitations.server";
import { creerStructure, membresDe, mesStructures } from "./structures.server";
import { invitations_structures } from "./structures.schema";
import { compte, saisie, servicesDeTest, URL_TEST } from "./test-outils";

let c: Connexion;
let s: ServicesStructures;

beforeAll(async () => {
  c = await baseDeTest();
  s = servicesDeTest(c.db);
});
afterAll(async () => {
  await c.fermer();
});

async function courrielsA(adresse: string) {
  return c.db.select().from(courriels).where(eq(courriels.destinataire, adresse)).orderBy(desc(courriels.cree_le));
}

describe("invitations", () => {
  it("le courriel porte le lien ; la base ne garde que l'empreinte ; n'importe quel compte accepte, une seule fois", async () => {
    const r = await compte(c.db, "resp-inv@exemple.fr");
    const S = await creerStructure(s, r, saisie({ nom: "Asso Ker Digital" }));
    const jeton = await inviter(s, r, S, "  Invitee@Exemple.FR ", "prescripteur");
    const [mail] = await courrielsA("invitee@exemple.fr");
    expect(mail?.sujet).toBe("Invitation à rejoindre Asso Ker Digital sur Passerelle");
    expect(mail?.texte).toContain(`${URL_TEST}/invitations/${jeton}`);
    expect(mail?.texte).toContain("Prescripteur·rice");
    expect(mail?.html).toContain(`${URL_TEST}/invitations/${jeton}`);
    const lignes = await c.db.select().from(invitations_structures).where(eq(invitations_structures.structure_id, S));
    expect(lignes).toHaveLength(1);
    expect(lignes[0]?.hash_jeton).toBe(hacherJeton(jeton));
    expect(JSON.stringify(lignes)).not.toContain(jeton);
    // Valid 14 days.
    const jours = ((lignes[0]?.expire_le.getTime() ?? 0) - (lignes[0]?.cree_le.getTime() ?? 0)) / 86_400_000;
    expect(Math.round(jours)).toBe(14);
    expect(await lireInvitation(c.db, jeton)).toMatchObject({ structure: "Asso Ker Digital", role: "prescripteur", etat: "valide", courriel: "invitee@exemple.fr" });

    // Accepted from another address: the account that accepts joins.
    const autre = await compte(c.db, "autre-adresse@exemple.fr");
    expect(await accepterInvitation(s, autre, jeton)).toBe(S);
    expect((await mesStructures(c.db, s.referentiel, autre.id)).map((x) => [x.nom, x.role])).toEqual([["Asso Ker Digital", "prescripteur"]]);
    expect(await lireInvitation(c.db, jeton)).toMatchObject({ etat: "acceptee" });
    const troisieme = await compte(c.db, "troisieme@exemple.fr");
    await expect(accepterInvitation(s, troisieme, jeton)).rejects.toMatchObject({ code: "conflit" });
    await expect(accepterInvitation(s, troisieme, "jeton-invente")).rejects.toMatchObject({ code: "introuvable" });
    expect(await membresDe(c.db, S)).toHaveLength(2);
  });

  it("une invitation expirée est refusée ; inviter un membre ou une adresse invalide est une erreur sur le champ courriel", async () => {
    const r = await compte(c.db, "resp-exp@exemple.fr");
    const S = await creerStructure(s, r, saisie({ nom: "Asso expirée" }));
    const jeton = await inviter(s, r, S, "tard@exemple.fr", "mediateur");
    await c.db.update(invitations_structures).set({ expire_le: new Date(Date.now() - 1000) }).where(eq(invitations_structures.hash_jeton, hacherJeton(jeton)));
    const tard = await compte(c.db, "tard@exemple.fr");
    await expect(accepterInvitation(s, tard, jeton)).rejects.toMatchObject({ code: "conflit", message: expect.stringContaining("expiré") });
    await expect(inviter(s, r, S, "resp-exp@exemple.fr", "mediateur")).rejects.toMatchObject({ code: "conflit", details: [{ champ: "courriel" }] });
    await expect(inviter(s, r, S, "pas une adresse", "mediateur")).rejects.toMatchObject({ code: "entree_invalide", details: [{ champ: "courriel" }] });
  });

  it("la personne invitée voit l'invitation adressée à son compte et l'accepte sans le lien", async () => {
    const r = await compte(c.db, "resp-liste@exemple.fr");
    const S = await creerStructure(s, r, saisie({ nom: "Asso liste" }));
    await inviter(s, r, S, "liste@exemple.fr", "mediateur");
    const moi = await compte(c.db, "liste@exemple.fr");
    const [inv] = await invitationsEnAttente(c.db, { courriel: "liste@exemple.fr" });
    expect(inv).toMatchObject({ structure: "Asso liste", role: "mediateur" });
    const intrus = await compte(c.db, "intrus@exemple.fr");
    await expect(accepterInvitationAdressee(s, intrus, inv?.id ?? "")).rejects.toMatchObject({ code: "introuvable" });
    expect(await accepterInvitationAdressee(s, moi, inv?.id ?? "")).toBe(S);
    expect(await invitationsEnAttente(c.db, { structureId: S })).toEqual([]);
  });
});

describe("demandes d'adhésion", () => {
  it("les responsables reçoivent un courriel, acceptent avec un rôle ; la personne est prévenue", async () => {
    const r1 = await compte(c.db, "r1@exemple.fr");
    const r2 = await compte(c.db, "r2@exemple.fr");
    const S = await creerStructure(s, r1, saisie({ nom: "France services Redon", type: "espace_france_services" }));
    await accepterInvitation(s, r2, await inviter(s, r1, S, "r2@exemple.fr", "responsable"));
    const med = await compte(c.db, "mediatrice@exemple.fr");
    const id = await demanderAdhesion(s, med, S, "  Je suis conseillère numérique à Redon.  ");
    await expect(demanderAdhesion(s, med, S, "encore")).rejects.toMatchObject({ code: "conflit" });
    for (const r of ["r1@exemple.fr", "r2@exemple.fr"]) {
      const [mail] = await courrielsA(r);
      expect(mail?.sujet).toBe("Demande pour rejoindre France services Redon");
      expect(mail?.texte).toContain("« Je suis conseillère numérique à Redon. »");
      expect(mail?.texte).toContain(`${URL_TEST}/structures/${S}#demandes`);
    }
    expect((await demandesDe(c.db, { structureId: S })).map((d) => [d.courriel, d.statut])).toEqual([["mediatrice@exemple.fr", "en_attente"]]);
    await deciderDemande(s, r2, id, "acceptee", "mediateur");
    await expect(deciderDemande(s, r1, id, "refusee")).rejects.toMatchObject({ code: "conflit" });
    expect((await mesStructures(c.db, s.referentiel, med.id)).map((x) => x.role)).toEqual(["mediateur"]);
    expect(await demandesDe(c.db, { structureId: S })).toEqual([]);
    expect((await demandesDe(c.db, { utilisateurId: med.id })).map((d) => d.statut)).toEqual(["acceptee"]);
    expect((await courrielsA("mediatrice@exemple.fr"))[0]?.sujet).toBe("Vous avez rejoint France services Redon");
    await expect(demanderAdhesion(s, med, S, "")).rejects.toMatchObject({ code: "conflit" });
  });

  it("une demande refusée n'ajoute personne et peut être refaite", async () => {
    const r = await compte(c.db, "r-refus@exemple.fr");
    const S = await creerStructure(s, r, saisie({ nom: "Asso refus" }));
    const p = await compte(c.db, "postulant@exemple.fr");
    await deciderDemande(s, r, await demanderAdhesion(s, p, S, ""), "refusee");
    expect(await mesStructures(c.db, s.referentiel, p.id)).toEqual([]);
    expect((await courrielsA("postulant@exemple.fr"))[0]?.sujet).toBe("Votre demande pour rejoindre Asso refus");
    await demanderAdhesion(s, p, S, "Deuxième essai");
    expect((await demandesDe(c.db, { utilisateurId: p.id })).map((d) => d.statut).sort()).toEqual(["en_attente", "refusee"]);
  });
});
