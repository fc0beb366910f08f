import { asc, eq } from "drizzle-orm";
import type { BaseDeDonnees } from "~/platform/db/connexion.server";
import { ErreurPasserelle } from "~/platform/erreurs";
import { ouvertA, prochainChangement, semaine, type JourHoraires } from "../horaires";
import { dateIso, dateMurale } from "../horaires/paris";
import { libelleSource } from "../libelles-sources";
import { lieuxActuels } from "../identite.server";
import { lieuxSources } from "../lieux.schema";
import { versLieuStandard } from "../lignes";
import type { LieuStandard } from "../standard/lieu";
import { fraicheur, type Fraicheur } from "./fraicheur";
import { LIBELLES_CHAMPS } from "./libelles-champs";
import { estSurRendezVous } from "../recherche/filtres";

export interface SourceFiche {
  source: string;
  libelle: string;
  /** Update date the source declared (YYYY-MM-DD). */
  date_maj: string;
  fraicheur: Fraicheur;
  /** When Passerelle last read this source record (ISO instant). */
  importe_le: string;
}

export interface ProvenanceFiche {
  champ: string;
  libelle: string;
  source: string;
  date: string;
}

export interface FicheLieu {
  lieu: LieuStandard;
  position_approchee: boolean;
  sur_rendez_vous: boolean;
  /** Undefined when the place publishes no usable hours: unknown is never shown as closed. */
  ouvert_maintenant?: boolean;
  /** Next opening or closing (ISO instant), within a week. */
  prochain_changement?: string;
  /** This week, Monday → Sunday, with holidays; empty without usable hours. */
  semaine: JourHoraires[];
  /** Today in Paris (YYYY-MM-DD), to highlight this day and compute freshness identically everywhere. */
  aujourdhui: string;
  fraicheur: Fraicheur;
  sources: SourceFiche[];
  provenance: ProvenanceFiche[];
}

export type ResultatFiche = { type: "fiche"; fiche: FicheLieu } | { type: "fusionne"; vers: string };


/**
 * Everything a place page shows. A merged-away id answers where it now lives (the caller redirects),
 * following chains of merges; an unknown id is `introuvable`.
 */
export async function chargerFiche(db: BaseDeDonnees, id: string, options: { maintenant?: Date; fraicheurMois?: number } = {}): Promise<ResultatFiche> {
  const maintenant = options.maintenant ?? new Date();
  const ligne = (await lieuxActuels(db, [id])).get(id);
  if (!ligne) throw new ErreurPasserelle("introuvable", "Ce lieu n'existe pas.");
  if (ligne.id !== id.toLowerCase()) return { type: "fusionne", vers: ligne.id };
  const sources = await db
    .select({ source: lieuxSources.source, date_maj: lieuxSources.date_maj, importe_le: lieuxSources.importe_le })
    .from(lieuxSources)
    .where(eq(lieuxSources.lieu_id, ligne.id))
    .orderBy(asc(lieuxSources.source));
  return { type: "fiche", fiche: composerFiche(versLieuStandard(ligne), ligne.position_approchee, ligne.provenance, sources, maintenant, options.fraicheurMois) };
}

function composerFiche(
  lieu: LieuStandard,
  positionApprochee: boolean,
  provenance: Record<string, { source: string; date: string }>,
  sources: readonly { source: string; date_maj: string; importe_le: Date }[],
  maintenant: Date,
  fraicheurMois: number | undefined,
): FicheLieu {
  const aujourdhui = dateIso(dateMurale(maintenant));
  const jourUtc = new Date(`${aujourdhui}T12:00:00Z`);
  const horaires = lieu.horaires ?? "";
  const ouvert = ouvertA(horaires, maintenant);
  const changement = prochainChangement(horaires, maintenant);
  const fiche: FicheLieu = {
    lieu,
    position_approchee: positionApprochee,
    sur_rendez_vous: estSurRendezVous(lieu.modalites_acces),
    semaine: semaine(horaires, maintenant),
    aujourdhui,
    fraicheur: fraicheur(lieu.date_maj, jourUtc, fraicheurMois),
    sources: sources.map((s) => ({
      source: s.source,
      libelle: libelleSource(s.source),
      date_maj: s.date_maj,
      fraicheur: fraicheur(s.date_maj, jourUtc, fraicheurMois),
      importe_le: s.importe_le.toISOString(),
    })),
    // Longitude goes with latitude ("Position"); fields in the standard's order of the labels.
    provenance: Object.keys(LIBELLES_CHAMPS).flatMap((champ) => {
      const p = provenance[champ];
      return p ? [{ champ, libelle: LIBELLES_CHAMPS[champ] ?? champ, source: libelleSource(p.source), date: p.date }] : [];
    }),
  };
  if (ouvert !== undefined) fiche.ouvert_maintenant = ouvert;
  if (changement) fiche.prochain_changement = changement.a.toISOString();
  return fiche;
}
