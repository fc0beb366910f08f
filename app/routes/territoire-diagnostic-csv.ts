import { csvCommunes } from "~/diagnostic/exports/csv";
import { repondreFichier } from "~/diagnostic/exports/reponses.server";
import type { Route } from "./+types/territoire-diagnostic-csv";

/** The communes of the diagnostic, one row each, for a spreadsheet. */
export function loader({ params, context }: Route.LoaderArgs) {
  return repondreFichier(context, params, (r) => ({ corps: csvCommunes(r), type: "text/csv; charset=utf-8", extension: "csv" }));
}
