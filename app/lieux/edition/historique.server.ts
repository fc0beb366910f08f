import { desc, eq } from "drizzle-orm";
import { utilisateurs } from "~/comptes/comptes.schema";
import type { BaseDeDonnees } from "~/platform/db/connexion.server";
import { historiqueLieux } from "../lieux.schema";
import type { ValeurChamp } from "./champs";

export interface EntreeHistorique {
  id: string;
  version: number;
  /** The account's name, "compte supprimé", or "compte sans nom". */
  qui: string;
  quand: Date;
  changements: { champ: string; avant: ValeurChamp; apres: ValeurChamp }[];
  /** Id of the entry this one restored. */
  restaure: string | null;
}

function valeur(v: unknown): ValeurChamp {
  if (v === null || typeof v === "string" || typeof v === "number") return v;
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === "string");
  return null;
}

/** The edits of a place, newest first. */
export async function historiqueDe(db: BaseDeDonnees, lieuId: string): Promise<EntreeHistorique[]> {
  const lignes = await db
    .select({ h: historiqueLieux, nom: utilisateurs.nom, compte: utilisateurs.id })
    .from(historiqueLieux)
    .leftJoin(utilisateurs, eq(utilisateurs.id, historiqueLieux.utilisateur_id))
    .where(eq(historiqueLieux.lieu_id, lieuId))
    .orderBy(desc(historiqueLieux.version));
  return lignes.map(({ h, nom, compte }) => {
    const avant: Record<string, unknown> = typeof h.avant === "object" && h.avant !== null ? { ...h.avant } : {};
    const apres: Record<string, unknown> = typeof h.apres === "object" && h.apres !== null ? { ...h.apres } : {};
    const champs = [...new Set([...Object.keys(avant), ...Object.keys(apres)])];
    return {
      id: h.id,
      version: h.version,
      qui: compte === null ? "compte supprimé" : nom === null || nom.trim() === "" ? "compte sans nom" : nom,
      quand: h.modifie_le,
      changements: champs.map((champ) => ({ champ, avant: valeur(avant[champ]), apres: valeur(apres[champ]) })),
      restaure: h.restaure,
    };
  });
}
