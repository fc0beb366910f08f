import { rapportDiagnostic } from "~/diagnostic/diagnostic.server";

// Placeholder until the diagnostic views and API are written.
export async function loader({ context, params }: { context: import("react-router").AppLoadContext; params: { type?: string; code?: string } }) {
  const r = await rapportDiagnostic(context.db, context.referentiel, params.type ?? "", params.code ?? "");
  return Response.json(r);
}
