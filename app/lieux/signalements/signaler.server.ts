import { eq } from "drizzle-orm";
import { ErreurPasserelle } from "~/platform/erreurs";
import { lieux } from "../lieux.schema";
import { jetonValide } from "./anti-spam.server";
import { courrielNouveauSignalement } from "./courriels";
import { stockerSignalement } from "./enregistrer.server";
import { cleClient, compterEssai } from "./limite.server";
import { destinatairesDuLieu } from "./routage.server";
import type { ServicesSignalements } from "./services.server";
import type { Signalement } from "./signalement";

/** Too many reports from one client: the 429's `Retry-After`, in seconds. */
export class LimiteAtteinte extends ErreurPasserelle {
  constructor(readonly reessayerDans: number) {
    super("trop_de_requetes", `Trop de signalements envoyés depuis votre connexion. Réessayez dans ${Math.ceil(reessayerDans / 60)} minute${reessayerDans > 60 ? "s" : ""}.`);
  }
}

export const estUuid = (v: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);

/** The place a report is about: absent, merged into another (its id), or live. */
export async function lieuSignale(s: ServicesSignalements, lieuId: string) {
  if (!estUuid(lieuId)) return undefined;
  const [l] = await s.db.select({ id: lieux.id, nom: lieux.nom, commune: lieux.commune, code_insee: lieux.code_insee, fusionne_dans: lieux.fusionne_dans }).from(lieux).where(eq(lieux.id, lieuId));
  return l;
}

export interface OptionsSignaler {
  origine: "formulaire" | "api";
  /** The client's address (`x-passerelle-ip`), for the rate limit. */
  client: string | null;
  /** The form's signed timestamp (the form only: the API has no page to fill in). */
  jeton?: unknown;
  auteurId?: string | null;
}

/**
 * A report from the place page or the API: rate limit per client, quiet refusal of bots (honeypot,
 * form sent under 3 s), storage, then a mail to the people who handle the place's tickets.
 */
export async function signaler(s: ServicesSignalements, lieuId: string, sig: Signalement, o: OptionsSignaler): Promise<{ issue: "enregistre"; id: string } | { issue: "ignore" }> {
  const lieu = await lieuSignale(s, lieuId);
  if (!lieu || lieu.fusionne_dans !== null) throw new ErreurPasserelle("introuvable", "Ce lieu n'existe pas.");
  const limite = await compterEssai(s.db, cleClient(s.secret, o.client ?? "inconnu"));
  if (!limite.autorise) throw new LimiteAtteinte(limite.reessayerDans);
  if (o.origine === "formulaire" && !jetonValide(s.secret, o.jeton)) return { issue: "ignore" };
  const r = await stockerSignalement(s.db, lieuId, sig, { auteurId: o.auteurId ?? null, origine: o.origine });
  if (r.issue === "ignore" || !s.messagerie) return r;
  const { niveau, adresses } = await destinatairesDuLieu(s.db, s.referentiel, lieu);
  for (const destinataire of adresses) {
    const mail = courrielNouveauSignalement({
      destinataire,
      lieu: lieu.nom,
      commune: lieu.commune,
      categories: [...new Set(sig.categories)],
      message: sig.message,
      reporterPrevenu: sig.courriel !== "",
      lien: `${s.urlPublique}/signalements/${r.id}`,
      niveau,
    });
    // The ticket is stored and listed on /signalements: a mail that cannot leave (kept in the outbox
    // with its reason) must not turn the reporter's success into an error.
    await s.messagerie.envoyer(mail).catch((e: unknown) => console.error("Courriel de signalement non envoyé :", e));
  }
  return r;
}
