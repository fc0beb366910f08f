import { eq } from "drizzle-orm";
import nodemailer from "nodemailer";
import type { BaseDeDonnees } from "~/platform/db/connexion.server";
import { ErreurPasserelle } from "~/platform/erreurs";
import { courriels } from "./courriels.schema";

export interface Courriel {
  destinataire: string;
  sujet: string;
  /** The plain-text part, always present (read as is by screen readers and text-only clients). */
  texte: string;
  html: string;
}

export interface Messagerie {
  /** True when mails leave through SMTP, false when they stay in the outbox. */
  readonly smtp: boolean;
  /**
   * Stores the mail, then sends it when SMTP is configured. Throws `indisponible` when the SMTP server
   * cannot be reached or refuses it (the row keeps the reason), so the person can be told to retry.
   */
  envoyer(courriel: Courriel): Promise<void>;
}

export interface OptionsMessagerie {
  /** `smtp://user:password@host:587` or `smtps://…:465`; undefined keeps every mail in the outbox. */
  smtpUrl: string | undefined;
  /** The From header, e.g. `Passerelle <ne-pas-repondre@passerelle.bzh>`. */
  expediteur: string;
}

// A person waits on the sign-in page while the mail leaves: never minutes (nodemailer's defaults).
const DELAIS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 };

export function creerMessagerie(db: BaseDeDonnees, { smtpUrl, expediteur }: OptionsMessagerie): Messagerie {
  const transport = smtpUrl === undefined ? undefined : nodemailer.createTransport({ url: smtpUrl, ...DELAIS });
  return {
    smtp: transport !== undefined,
    async envoyer(courriel) {
      const [ligne] = await db.insert(courriels).values(courriel).returning({ id: courriels.id });
      if (transport === undefined || ligne === undefined) return;
      try {
        await transport.sendMail({ from: expediteur, to: courriel.destinataire, subject: courriel.sujet, text: courriel.texte, html: courriel.html });
        await db.update(courriels).set({ envoye_le: new Date(), erreur: null }).where(eq(courriels.id, ligne.id));
      } catch (e) {
        // The server's reply (or the network error), without the mail: it holds a sign-in link.
        const raison = e instanceof Error ? e.message.split("\n")[0]?.slice(0, 500) ?? "" : String(e);
        await db.update(courriels).set({ erreur: raison }).where(eq(courriels.id, ligne.id));
        throw new ErreurPasserelle("indisponible", "Le courriel n'a pas pu être envoyé. Réessayez dans quelques minutes.");
      }
    },
  };
}
