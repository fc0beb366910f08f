import { documentOpenApi } from "~/lieux/recherche/openapi";
import { reponseJson } from "./reponses";
import type { Route } from "./+types/openapi";

// Generated once: the schemas do not change while the process runs.
const DOCUMENT = documentOpenApi();

/** GET /api/v1/openapi.json. */
export function loader({ request }: Pick<Route.LoaderArgs, "request">) {
  return reponseJson(request, DOCUMENT);
}
