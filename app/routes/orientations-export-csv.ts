import { repondreExport } from "~/orientation/suivi/exports-reponse.server";
import type { Route } from "./+types/orientations-export-csv";

/** GET /orientations/export.csv?structure=&sens=&depuis=&jusqua=: a structure's referrals without personal data. */
export function loader({ request, context }: Route.LoaderArgs) {
  return repondreExport(request, context, "csv");
}
