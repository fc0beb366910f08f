import { desc, eq } from "drizzle-orm";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Connexion } from "~/platform/db/connexion.server";
import { ErreurPasserelle } from "~/platform/erreurs";
import { baseDeTest } from "../../../test/aide/base";
import { effacerCourrielsDe, lireBoiteEnvoi } from "./boite-envoi.server";
import { courriels } from "./courriels.schema";
import { creerMessagerie, type Courriel } from "./messagerie.server";

let c: Connexion;
/** A local SMTP server that keeps what it receives and refuses one address. */
let serveur: SMTPServer;
let port: number;
const recus: { de: string; a: string[]; brut: string }[] = [];

beforeAll(async () => {
  c = await baseDeTest();
  serveur = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(adresse, _session, rappel) {
      if (adresse.address === "refuse@exemple.fr") rappel(Object.assign(new Error("Boîte inconnue"), { responseCode: 550 }));
      else rappel();
    },
    onData(flux, session, rappel) {
      let brut = "";
      flux.on("data", (d: Buffer) => (brut += d.toString("utf8")));
      flux.on("end", () => {
        const de = session.envelope.mailFrom ? session.envelope.mailFrom.address : "";
        recus.push({ de, a: session.envelope.rcptTo.map((r) => r.address), brut });
        rappel();
      });
    },
  });
  await new Promise<void>((ok) => serveur.listen(0, "127.0.0.1", ok));
  const adresse = serveur.server.address();
  port = typeof adresse === "object" && adresse !== null ? (adresse satisfies AddressInfo).port : 0;
});
afterAll(async () => {
  await new Promise<void>((ok) => serveur.close(() => ok()));
  await c.fermer();
});

const courriel = (destinataire: string): Courriel => ({ destinataire, sujet: "Votre lien de connexion à Passerelle", texte: "Bonjour,\nVoici le lien.\n", html: "<p>Bonjour,</p>" });

async function ligneDe(destinataire: string) {
  const [l] = await c.db.select().from(courriels).where(eq(courriels.destinataire, destinataire)).orderBy(desc(courriels.cree_le)).limit(1);
  return l;
}

describe("messagerie", () => {
  it("sans SMTP : le courriel reste dans la boîte d'envoi, non envoyé", async () => {
    const m = creerMessagerie(c.db, { smtpUrl: undefined, expediteur: "Passerelle <ne-pas-repondre@localhost>" });
    expect(m.smtp).toBe(false);
    await m.envoyer(courriel("sans-smtp@exemple.fr"));
    expect(await ligneDe("sans-smtp@exemple.fr")).toMatchObject({ sujet: "Votre lien de connexion à Passerelle", texte: "Bonjour,\nVoici le lien.\n", html: "<p>Bonjour,</p>", envoye_le: null, erreur: null });
  });

  it("avec SMTP : remis au serveur avec une partie texte et une partie HTML, et daté dans l'historique", async () => {
    const m = creerMessagerie(c.db, { smtpUrl: `smtp://127.0.0.1:${port}`, expediteur: "Passerelle <ne-pas-repondre@passerelle.bzh>" });
    expect(m.smtp).toBe(true);
    await m.envoyer(courriel("agent@exemple.fr"));
    const recu = recus.find((r) => r.a.includes("agent@exemple.fr"));
    expect(recu?.de).toBe("ne-pas-repondre@passerelle.bzh");
    expect(recu?.brut).toMatch(/^Content-Type: multipart\/alternative/m);
    expect(recu?.brut).toMatch(/^Content-Type: text\/plain; charset=utf-8/m);
    expect(recu?.brut).toMatch(/^Content-Type: text\/html; charset=utf-8/m);
    const l = await ligneDe("agent@exemple.fr");
    expect(l?.envoye_le).toBeInstanceOf(Date);
    expect(l?.erreur).toBeNull();
  });

  it("SMTP qui refuse : erreur « indisponible » pour la personne, la raison gardée dans la ligne", async () => {
    const m = creerMessagerie(c.db, { smtpUrl: `smtp://127.0.0.1:${port}`, expediteur: "Passerelle <ne-pas-repondre@passerelle.bzh>" });
    await expect(m.envoyer(courriel("refuse@exemple.fr"))).rejects.toSatisfy((e) => e instanceof ErreurPasserelle && e.code === "indisponible");
    const l = await ligneDe("refuse@exemple.fr");
    expect(l?.envoye_le).toBeNull();
    expect(l?.erreur).toMatch(/550/);
    expect(l?.erreur).not.toContain("Voici le lien");
  });

  it("la boîte d'envoi : la plus récente d'abord avec son état ; effacer ceux d'une adresse, sans égard à la casse", async () => {
    const { courriels: liste, total } = await lireBoiteEnvoi(c.db, 1);
    expect(total).toBe(3);
    expect(liste.map((x) => [x.destinataire, x.etat])).toEqual([
      ["refuse@exemple.fr", "echec"],
      ["agent@exemple.fr", "envoye"],
      ["sans-smtp@exemple.fr", "en_attente"],
    ]);
    await effacerCourrielsDe(c.db, "Agent@Exemple.fr");
    expect((await lireBoiteEnvoi(c.db, 1)).courriels.map((x) => x.destinataire)).toEqual(["refuse@exemple.fr", "sans-smtp@exemple.fr"]);
  });
});
