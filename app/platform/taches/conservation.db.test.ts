import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { effacerAdressesSignalements } from "~/lieux/signalements/conservation.server";
import { lieux, signalements } from "~/lieux/lieux.schema";
import { journal_audit } from "~/platform/audit/audit.schema";
import { courriels } from "~/platform/courriel/courriels.schema";
import type { Connexion } from "~/platform/db/connexion.server";
import { baseDeTest } from "../../../test/aide/base";
import { purgerConservation, tachesConservation } from "./conservation.server";

let c: Connexion;
const LIEU = "0e0e0e0e-0000-4000-8000-000000000001";
const MAINTENANT = new Date("2027-06-15T03:15:00Z");
const il_y_a = (jours: number, heures = 0) => new Date(MAINTENANT.getTime() - (jours * 24 + heures) * 3600 * 1000);

beforeAll(async () => {
  c = await baseDeTest();
  await c.db.insert(lieux).values({ id: LIEU, pivot: "00000000000000", nom: "EPN test", commune: "Loudéac", code_postal: "22600", adresse: "1 rue X", date_maj: "2024-01-01" });
});
afterAll(async () => c.fermer());

describe("purge quotidienne des courriels et du journal", () => {
  it("supprime ce qui a passé sa durée de conservation, garde le reste, et se journalise avec ses seuls nombres", async () => {
    const mail = (sujet: string, cree_le: Date) => ({ destinataire: "camille@exemple.fr", sujet, texte: "…", html: "…", cree_le });
    await c.db.insert(courriels).values([mail("vieux", il_y_a(30, 1)), mail("récent", il_y_a(29, 23))]);
    const entree = (action: string, cree_le: Date) => ({ action, objet_type: "x", cree_le });
    await c.db.insert(journal_audit).values([entree("x.ancien", il_y_a(365, 1)), entree("x.recent", il_y_a(364))]);

    expect(await purgerConservation(c.db, { courrielsJours: 30, journalJours: 365 }, MAINTENANT)).toEqual({ courriels: 1, journal: 1 });
    expect((await c.db.select({ sujet: courriels.sujet }).from(courriels)).map((m) => m.sujet)).toEqual(["récent"]);
    const restantes = await c.db.select({ action: journal_audit.action, details: journal_audit.details }).from(journal_audit).orderBy(asc(journal_audit.id));
    expect(restantes).toEqual([
      { action: "x.recent", details: {} },
      { action: "conservation.purger", details: { courriels: 1, journal: 1 } },
    ]);
    // Nothing left to purge: nothing written.
    expect(await purgerConservation(c.db, { courrielsJours: 30, journalJours: 365 }, MAINTENANT)).toEqual({ courriels: 0, journal: 0 });
    expect(await c.db.select().from(journal_audit)).toHaveLength(2);
  });

  it("est planifiée chaque nuit", () => {
    expect(tachesConservation(c.db, { courrielsJours: 30, journalJours: 365 }).map((t) => [t.file, t.cron])).toEqual([["plateforme-conservation", "15 3 * * *"]]);
  });
});

describe("adresses des personnes qui signalent une erreur", () => {
  it("effacées 30 jours après « corrigé » ou « rejeté », ou un an après l'envoi ; le signalement reste", async () => {
    const ticket = async (statut: "nouveau" | "en_cours" | "corrige" | "rejete", cree_le: Date, modifie_le: Date) =>
      (await c.db.insert(signalements).values({ lieu_id: LIEU, categories: ["horaires"], message: `${statut}`, courriel: "reporter@exemple.fr", statut, cree_le, modifie_le }).returning({ id: signalements.id }))[0]?.id ?? "";
    const corrigeVieux = await ticket("corrige", il_y_a(60), il_y_a(31));
    const rejeteRecent = await ticket("rejete", il_y_a(40), il_y_a(29));
    const enCours = await ticket("en_cours", il_y_a(200), il_y_a(100));
    const oublie = await ticket("nouveau", il_y_a(366), il_y_a(366));
    expect(await effacerAdressesSignalements(c.db, MAINTENANT)).toEqual({ adresses: 2 });
    const adresse = async (id: string) => (await c.db.select({ courriel: signalements.courriel, message: signalements.message }).from(signalements).where(eq(signalements.id, id)))[0];
    expect(await adresse(corrigeVieux)).toEqual({ courriel: null, message: "corrige" });
    expect(await adresse(oublie)).toEqual({ courriel: null, message: "nouveau" });
    expect((await adresse(rejeteRecent))?.courriel).toBe("reporter@exemple.fr");
    expect((await adresse(enCours))?.courriel).toBe("reporter@exemple.fr");
    const [e] = await c.db.select({ details: journal_audit.details }).from(journal_audit).where(eq(journal_audit.action, "signalement.effacer_adresses"));
    expect(e?.details).toEqual({ nombre: 2 });
  });
});
