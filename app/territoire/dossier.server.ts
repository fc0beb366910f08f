import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The `reference-data/` folder (holding `referentiel/` and `geo/`), in this order:
 * the explicit argument, `PASSERELLE_REFERENCE_DIR`, the folder next to the sources
 * (`../../reference-data/` from this file), then `./reference-data` under the
 * working directory. The last one is needed because a bundled server build
 * (`build/server/index.js`) moves `import.meta.url`, so the relative path misses.
 */
export function dossierReference(dossier?: string): string {
  if (dossier !== undefined && dossier !== "") return path.resolve(dossier);
  const env = process.env["PASSERELLE_REFERENCE_DIR"];
  if (env !== undefined && env !== "") return path.resolve(env);
  const aCoteDesSources = fileURLToPath(new URL("../../reference-data/", import.meta.url));
  if (existsSync(path.join(aCoteDesSources, "referentiel"))) return path.resolve(aCoteDesSources);
  return path.resolve(process.cwd(), "reference-data");
}
