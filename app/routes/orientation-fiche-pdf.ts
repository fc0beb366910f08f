import { lireParametresFiche } from "~/orientation/fiche";
import { fichePdf } from "~/orientation/fiche-pdf.server";
import { chargerFiche } from "~/orientation/fiche.server";
import { ErreurPasserelle } from "~/platform/erreurs";
import type { Route } from "./+types/orientation-fiche-pdf";

const texte = (message: string, status: number) =>
  new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

/** The sheet as a tagged PDF, with the same parameters as the page. May hold a first name: no-store. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const lus = lireParametresFiche(url.searchParams);
  if (!lus.success) return texte("Choisissez de 1 à 3 lieux pour faire une fiche.", 400);
  try {
    const pdf = await fichePdf(await chargerFiche(context.db, lus.data, url.origin));
    return new Response(new Uint8Array(pdf), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": 'attachment; filename="fiche-orientation.pdf"',
        "Cache-Control": "no-store",
      },
    });
  } catch (e) {
    if (e instanceof ErreurPasserelle && e.code === "introuvable") return texte(e.message, 404);
    if (e instanceof ErreurPasserelle && e.code === "entree_invalide") return texte(e.message, 400);
    throw e;
  }
}
