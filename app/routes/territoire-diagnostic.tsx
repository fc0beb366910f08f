import { data } from "react-router";
import { rapportDiagnostic } from "~/diagnostic/diagnostic.server";
import { vueDiagnostic } from "~/diagnostic/vues/page.server";
import { ErreurPasserelle } from "~/platform/erreurs";
import type { HandleSansScripts } from "~/ui/chrome";
import { PageDiagnostic } from "~/ui/diagnostic/PageDiagnostic";
import type { Route } from "./+types/territoire-diagnostic";
import "~/ui/lieux.css";
import "~/ui/diagnostic/diagnostic.css";

// Maps and tables are drawn on the server: without hydration the page's data is sent once, not twice.
export const handle: HandleSansScripts = { sansScripts: true };

export async function loader({ params, request, context }: Route.LoaderArgs) {
  try {
    const rapport = await rapportDiagnostic(context.db, context.referentiel, params.type, params.code);
    return vueDiagnostic(rapport, new URL(request.url));
  } catch (e) {
    if (e instanceof ErreurPasserelle && e.code === "introuvable") throw data("Territoire introuvable", { status: 404 });
    throw e;
  }
}

export function meta({ data: vue }: Route.MetaArgs) {
  return [
    { title: vue ? `Diagnostic du territoire : ${vue.rapport.nom} — Passerelle` : "Territoire introuvable — Passerelle" },
    ...(vue ? [{ name: "description", content: `Besoins d'accompagnement au numérique et offre de médiation numérique de ${vue.rapport.nom} (méthode PORTREA).` }] : []),
  ];
}

export default function Diagnostic({ loaderData }: Route.ComponentProps) {
  return <PageDiagnostic vue={loaderData} />;
}
