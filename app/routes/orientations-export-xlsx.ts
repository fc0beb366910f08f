import { repondreExport } from "~/orientation/suivi/exports-reponse.server";
import type { Route } from "./+types/orientations-export-xlsx";

/** GET /orientations/export.xlsx?structure=&sens=&depuis=&jusqua=: the same rows as the CSV, as a workbook. */
export function loader({ request, context }: Route.LoaderArgs) {
  return repondreExport(request, context, "xlsx");
}
