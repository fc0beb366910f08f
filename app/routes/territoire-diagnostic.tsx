import { rapportDiagnostic } from "~/diagnostic/diagnostic.server";
import type { Route } from "./+types/territoire-diagnostic";

// Placeholder until the diagnostic page is written.
export async function loader({ context, params }: Route.LoaderArgs) {
  return rapportDiagnostic(context.db, context.referentiel, params.type, params.code);
}

export default function PageDiagnostic({ loaderData }: Route.ComponentProps) {
  return <h1>Diagnostic — {loaderData.nom}</h1>;
}
