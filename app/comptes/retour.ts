/**
 * Where to go after signing in: a path of this site only (`/lieux?x=1`), never another site —
 * `//evil.example`, `/\evil.example` and absolute URLs fall back to the account page.
 */
export const RETOUR_PAR_DEFAUT = "/compte";

export function cheminDeRetour(valeur: unknown): string {
  if (typeof valeur !== "string" || valeur === "") return RETOUR_PAR_DEFAUT;
  if (!valeur.startsWith("/") || valeur.startsWith("//") || valeur.startsWith("/\\") || /[\p{Cc}\\]/u.test(valeur)) return RETOUR_PAR_DEFAUT;
  const url = new URL(valeur, "http://passerelle.invalid");
  if (url.origin !== "http://passerelle.invalid") return RETOUR_PAR_DEFAUT;
  // The sign-in pages themselves are no place to come back to.
  if (url.pathname === "/connexion" || url.pathname.startsWith("/connexion/") || url.pathname === "/deconnexion") return RETOUR_PAR_DEFAUT;
  return `${url.pathname}${url.search}${url.hash}`;
}
