import { documentOpenApi } from "~/lieux/recherche/openapi";
import { CHEMIN_BOITE } from "~/orientation/suivi/openapi-boite";
import { CHEMIN_ENVOI, CHEMIN_ORIENTATION, CHEMIN_TRANSITIONS } from "~/orientation/suivi/openapi-orientation";
import { CHEMIN_REMONTEES } from "~/remontees/openapi";
import { reponseJson } from "./reponses";
import type { Route } from "./+types/openapi";

// Generated once: the schemas do not change while the process runs.
const DOCUMENT = documentOpenApi();

/** Adds operations to a path of the document, keeping those another module put there (GET and POST of one path). */
function ajouterChemin(document: Record<string, unknown>, chemin: string, operations: Record<string, unknown>): void {
  const chemins = document.paths;
  if (typeof chemins !== "object" || chemins === null) return;
  const existant: unknown = Reflect.get(chemins, chemin);
  Reflect.set(chemins, chemin, { ...(typeof existant === "object" && existant !== null ? existant : {}), ...operations });
}
// In a declaration, not top-level statements: the client build drops unused declarations but keeps
// statements, and with them the document's server-only imports (the build failed: "Server-only module referenced by client").
function documentComplet(): Record<string, unknown> {
  ajouterChemin(DOCUMENT, "/orientations", CHEMIN_BOITE);
  ajouterChemin(DOCUMENT, "/orientations", CHEMIN_ENVOI);
  ajouterChemin(DOCUMENT, "/orientations/{id}", CHEMIN_ORIENTATION);
  ajouterChemin(DOCUMENT, "/orientations/{id}/transitions", CHEMIN_TRANSITIONS);
  ajouterChemin(DOCUMENT, "/remontees", CHEMIN_REMONTEES);
  return DOCUMENT;
}
const COMPLET = documentComplet();

/** GET /api/v1/openapi.json. */
export function loader({ request }: Pick<Route.LoaderArgs, "request">) {
  return reponseJson(request, COMPLET);
}
