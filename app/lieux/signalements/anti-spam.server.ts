import { createHmac, timingSafeEqual } from "node:crypto";

/** People take more than this to fill the form; bots post at once. */
export const DUREE_MINIMALE_MS = 3000;

function signature(secret: string, horodatage: string): string {
  return createHmac("sha256", secret).update(`formulaire-signalement:${horodatage}`).digest("base64url");
}

/** The hidden field of the form: when the page was shown, signed with the app secret. */
export function jetonFormulaire(secret: string, maintenant = Date.now()): string {
  return `${maintenant}.${signature(secret, String(maintenant))}`;
}

/**
 * True when the form was shown at least 3 s before it was sent, by us (the signature). A missing,
 * forged or too fast token is refused quietly, like the honeypot, so bots learn nothing.
 */
export function jetonValide(secret: string, jeton: unknown, maintenant = Date.now()): boolean {
  if (typeof jeton !== "string") return false;
  const [horodatage = "", sig = ""] = jeton.split(".");
  if (!/^\d{13}$/.test(horodatage)) return false;
  const attendue = Buffer.from(signature(secret, horodatage));
  const recue = Buffer.from(sig);
  if (attendue.length !== recue.length || !timingSafeEqual(attendue, recue)) return false;
  return maintenant - Number(horodatage) >= DUREE_MINIMALE_MS;
}
