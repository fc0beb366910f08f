import { ErreurPasserelle } from "~/platform/erreurs";
import type { BaseDeDonnees } from "~/platform/db/connexion.server";
import type { Referentiel } from "~/territoire/types";
import { rapportDiagnostic } from "../diagnostic.server";
import type { RapportDiagnostic } from "../types";
import { nomFichier } from "./colonnes-export";

/** The file routes of a diagnostic (CSV, GeoJSON, PDF): one way to answer a file and a 404. */

export interface Fichier {
  corps: string | Uint8Array<ArrayBuffer>;
  type: string;
  extension: string;
}

/**
 * Computes the report and answers `fabriquer`'s file as a download named after the territory;
 * an unknown territory gets a plain-text 404, like the place files.
 */
export async function repondreFichier(
  contexte: { db: BaseDeDonnees; referentiel: Referentiel },
  params: { type: string; code: string },
  fabriquer: (r: RapportDiagnostic) => Fichier | Promise<Fichier>,
): Promise<Response> {
  let rapport: RapportDiagnostic;
  try {
    rapport = await rapportDiagnostic(contexte.db, contexte.referentiel, params.type, params.code);
  } catch (e) {
    if (e instanceof ErreurPasserelle && e.code === "introuvable") {
      return new Response("Territoire introuvable.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
    }
    throw e;
  }
  const f = await fabriquer(rapport);
  return new Response(f.corps, {
    headers: {
      "Content-Type": f.type,
      "Content-Disposition": `attachment; filename="${nomFichier(rapport, f.extension)}"`,
    },
  });
}
