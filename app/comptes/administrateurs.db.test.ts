import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Connexion } from "~/platform/db/connexion.server";
import { ErreurPasserelle } from "~/platform/erreurs";
import { baseDeTest } from "../../test/aide/base";
import { ajouterAdministrateur, listerAdministrateurs, retirerAdministrateur } from "./administrateurs.server";
import { utilisateurs } from "./comptes.schema";

let c: Connexion;
beforeAll(async () => {
  c = await baseDeTest();
});
afterAll(async () => c.fermer());

const code = (e: unknown) => (e instanceof ErreurPasserelle ? e.code : String(e));

describe("administrateurs du hub", () => {
  it("ajouter crée le compte (adresse en minuscules, non vérifiée) la première fois, et seulement le rôle ensuite", async () => {
    expect(await ajouterAdministrateur(c.db, " Chef@Hub.BZH ")).toEqual({ cree: true });
    expect(await ajouterAdministrateur(c.db, "chef@hub.bzh")).toEqual({ cree: false });
    const lignes = await c.db.select().from(utilisateurs).where(eq(utilisateurs.courriel, "chef@hub.bzh"));
    expect(lignes).toHaveLength(1);
    expect(lignes[0]).toMatchObject({ role: "administrateur", courriel_verifie: false, nom: "" });
  });

  it("un compte existant devient administrateur ; retirer le rôle garde le compte ; la liste est triée", async () => {
    await c.db.insert(utilisateurs).values({ courriel: "agent@exemple.fr", nom: "Camille Martin", courriel_verifie: true });
    expect(await ajouterAdministrateur(c.db, "agent@exemple.fr")).toEqual({ cree: false });
    expect(await listerAdministrateurs(c.db)).toEqual([
      { courriel: "agent@exemple.fr", nom: "Camille Martin" },
      { courriel: "chef@hub.bzh", nom: "" },
    ]);
    await retirerAdministrateur(c.db, "AGENT@exemple.fr");
    expect(await listerAdministrateurs(c.db)).toEqual([{ courriel: "chef@hub.bzh", nom: "" }]);
    expect(await c.db.select({ role: utilisateurs.role }).from(utilisateurs).where(eq(utilisateurs.courriel, "agent@exemple.fr"))).toEqual([{ role: null }]);
  });

  it("retirer un non-administrateur : introuvable ; une adresse invalide : entrée invalide", async () => {
    expect(code(await retirerAdministrateur(c.db, "agent@exemple.fr").catch((e: unknown) => e))).toBe("introuvable");
    expect(code(await ajouterAdministrateur(c.db, "pas-une-adresse").catch((e: unknown) => e))).toBe("entree_invalide");
  });
});
