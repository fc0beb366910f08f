import { desc, eq } from "drizzle-orm";
import { lireConfig, type Config } from "~/platform/config.server";
import { courriels } from "~/platform/courriel/courriels.schema";
import { creerMessagerie } from "~/platform/courriel/messagerie.server";
import type { BaseDeDonnees } from "~/platform/db/connexion.server";
import { creerComptes, ENTETE_IP, type Comptes, type OptionsComptes } from "./auth.server";

/** Test helpers of the accounts: a Passerelle at a fixed public URL, its outbox, cookies. */

export const URL_TEST = "http://passerelle.test";
export const FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

export function comptesDeTest(db: BaseDeDonnees, env: Record<string, string> = {}, options: OptionsComptes = {}): { comptes: Comptes; config: Config } {
  const config = lireConfig({ PASSERELLE_SECRET: "secret-de-test-de-trente-deux-caracteres", PASSERELLE_URL_PUBLIQUE: URL_TEST, ...env });
  return { comptes: creerComptes(db, config, creerMessagerie(db, config), options), config };
}

/** Headers of a same-origin browser request from `ip`. */
export function entetesNavigateur(ip: string, cookie?: string): Record<string, string> {
  return { origin: URL_TEST, "user-agent": FIREFOX, [ENTETE_IP]: ip, "sec-fetch-site": "same-origin", "sec-fetch-mode": "navigate", ...(cookie ? { cookie } : {}) };
}

/** The token of the last sign-in link mailed to `adresse`. */
export async function dernierJeton(db: BaseDeDonnees, adresse: string): Promise<string> {
  const [c] = await db.select().from(courriels).where(eq(courriels.destinataire, adresse)).orderBy(desc(courriels.cree_le)).limit(1);
  const lien = c?.texte.match(/https?:\/\/\S+\/connexion\/lien\?\S+/)?.[0];
  const jeton = lien ? new URL(lien).searchParams.get("jeton") : null;
  if (!jeton) throw new Error(`Aucun lien de connexion pour ${adresse}`);
  return jeton;
}

/** `name=value` pairs of a response's Set-Cookie headers, as a Cookie header. */
export function enCookie(reponse: Response): string {
  return reponse.headers
    .getSetCookie()
    .map((c) => c.split(";")[0] ?? "")
    .filter((c) => !c.endsWith("="))
    .join("; ");
}
