import { randomBytes } from "node:crypto";
import { chmodSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * `PASSERELLE_SECRET`, or the one generated at the first start and kept in `<dossier>/secret`
 * (mode 600), so that `npm start` on a new machine works without configuration. Several machines
 * behind a load balancer must share one: set PASSERELLE_SECRET there.
 */
export function secretDe(config: { secret: string | undefined; dossierDonnees: string }): string {
  if (config.secret !== undefined) return config.secret;
  const fichier = path.join(config.dossierDonnees, "secret");
  mkdirSync(config.dossierDonnees, { recursive: true });
  // Written aside then linked: when several processes start together, the first link wins and the
  // others read a complete file (never a half-written one).
  const brouillon = `${fichier}.${process.pid}`;
  writeFileSync(brouillon, `${randomBytes(32).toString("base64url")}\n`, { mode: 0o600 });
  try {
    linkSync(brouillon, fichier);
  } catch (e) {
    if (!(e instanceof Error && "code" in e && e.code === "EEXIST")) throw e;
  } finally {
    rmSync(brouillon, { force: true });
  }
  chmodSync(fichier, 0o600);
  const secret = readFileSync(fichier, "utf8").trim();
  if (secret.length < 32) throw new Error(`Le secret de ${fichier} est trop court (32 caractères au moins) : supprimez le fichier ou définissez PASSERELLE_SECRET.`);
  return secret;
}
