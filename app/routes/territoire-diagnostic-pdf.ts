import { repondreFichier } from "~/diagnostic/exports/reponses.server";
import { rapportPdf } from "~/diagnostic/pdf/rapport-pdf.server";
import { cartesDiagnostic } from "~/diagnostic/vues/cartes.server";
import { choisirIndicateur, servicesDe } from "~/diagnostic/vues/indicateurs-carte";
import type { Route } from "./+types/territoire-diagnostic-pdf";

/** The report for elected officials, as a tagged PDF; `?carte=` chooses the maps' indicator, as on the page. */
export function loader({ params, context, request }: Route.LoaderArgs) {
  const url = new URL(request.url);
  return repondreFichier(context, params, async (r) => {
    const cartes = cartesDiagnostic(r, choisirIndicateur(url.searchParams.get("carte"), servicesDe(r)));
    const pdf = await rapportPdf(r, cartes, `${url.origin}/territoires/${r.type}/${r.code}/diagnostic`);
    return { corps: new Uint8Array(pdf), type: "application/pdf", extension: "pdf" };
  });
}
