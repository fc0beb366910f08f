import { estAJour, frontieresCarte } from "~/territoire/carte/frontieres-carte.server";
import type { Route } from "./+types/carte-frontieres";

/** The offline base layer of the map (GeoJSON); gzip is applied by the server's compression middleware. */
export function loader({ request }: Route.LoaderArgs) {
  const { corps, etag } = frontieresCarte();
  const entetes = { "Cache-Control": "public, max-age=86400", ETag: etag };
  if (estAJour(request.headers.get("If-None-Match"), etag)) return new Response(null, { status: 304, headers: entetes });
  return new Response(corps, { headers: { ...entetes, "Content-Type": "application/geo+json; charset=utf-8" } });
}
