import type { LiensRecherche } from "./liens-recherche.server";

/** The URL of one results page, keeping every criterion. */
export function lienPage(l: Pick<LiensRecherche, "chemin" | "requete">, page: number): string {
  const p = new URLSearchParams(l.requete);
  if (page > 1) p.set("page", String(page));
  return `${l.chemin}?${p.toString()}`;
}
