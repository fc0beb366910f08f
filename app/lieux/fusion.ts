import { appartient } from "~/platform/listes";
import { CHAMPS, CHAMPS_LISTES, type Champ, type ChampListe } from "./standard/champs";
import type { LieuStandard } from "./standard/lieu";
import type { ProvenanceChamp } from "./lieux.schema";

/** One source's record of a place, as stored in `lieux_sources`. */
export interface RecordSource {
  source: string;
  lieu: LieuStandard;
  /** The commune's point stands in for the place's own position. */
  positionApprochee: boolean;
}

/** Lists whose values add up across sources: each source knows part of what the place offers. */
const LISTES_CUMULEES: ReadonlySet<ChampListe> = new Set([
  "typologie",
  "courriels",
  "site_web",
  "services",
  "dispositif_programmes_nationaux",
  "formations_labels",
  "autres_formations_labels",
]);

const PIVOT_INCONNU = /^0+$/;

export interface LieuFusionne {
  lieu: Omit<LieuStandard, "id">;
  positionApprochee: boolean;
  provenance: Record<string, ProvenanceChamp>;
}

function estListe(champ: Champ): champ is ChampListe {
  return appartient(CHAMPS_LISTES, champ);
}

function vide(valeur: unknown): boolean {
  return valeur === undefined || valeur === "" || (Array.isArray(valeur) && valeur.length === 0);
}

/**
 * Survivorship: the freshest source wins for single values (the place's own position beats a
 * commune point; a real SIRET beats the "unknown" placeholder); lists such as services and
 * national programmes are unioned. Every field remembers the source and date it came from.
 */
export function fusionnerRecords(records: readonly RecordSource[]): LieuFusionne {
  const [premier] = records;
  if (!premier) throw new Error("fusionnerRecords: aucun enregistrement");
  const ordonnes = [...records].sort((a, b) => b.lieu.date_maj.localeCompare(a.lieu.date_maj) || a.source.localeCompare(b.source));
  const lieu: LieuStandard = { ...premier.lieu };
  const provenance: Record<string, ProvenanceChamp> = {};
  const trace = (champ: string, r: RecordSource) => {
    provenance[champ] = { source: r.source, date: r.lieu.date_maj };
  };

  for (const champ of CHAMPS) {
    if (champ === "id" || champ === "latitude" || champ === "longitude") continue;
    if (estListe(champ)) {
      const valeurs: string[] = [];
      const contributeurs: RecordSource[] = [];
      for (const r of LISTES_CUMULEES.has(champ) ? ordonnes : ordonnes.filter((r) => !vide(r.lieu[champ])).slice(0, 1)) {
        const nouvelles = r.lieu[champ].filter((v) => !valeurs.includes(v));
        if (nouvelles.length > 0) contributeurs.push(r);
        valeurs.push(...nouvelles);
      }
      lieu[champ] = valeurs;
      const [principal] = contributeurs;
      if (principal) trace(champ, principal);
      continue;
    }
    const choisi =
      champ === "pivot"
        ? (ordonnes.find((r) => !PIVOT_INCONNU.test(r.lieu.pivot)) ?? ordonnes[0])
        : ordonnes.find((r) => !vide(r.lieu[champ]));
    if (!choisi) continue;
    assignerScalaire(lieu, champ, choisi.lieu);
    trace(champ, choisi);
  }

  const positionne = ordonnes.find((r) => !r.positionApprochee && r.lieu.latitude !== undefined) ?? ordonnes.find((r) => r.lieu.latitude !== undefined);
  delete lieu.latitude;
  delete lieu.longitude;
  if (positionne && positionne.lieu.latitude !== undefined && positionne.lieu.longitude !== undefined) {
    lieu.latitude = positionne.lieu.latitude;
    lieu.longitude = positionne.lieu.longitude;
    trace("latitude", positionne);
    trace("longitude", positionne);
  }
  const { id: _id, ...sansId } = lieu;
  return { lieu: sansId, positionApprochee: positionne?.positionApprochee ?? false, provenance };
}

type ChampScalaire = Exclude<Champ, ChampListe | "id" | "latitude" | "longitude">;

function assignerScalaire(cible: LieuStandard, champ: ChampScalaire, depuis: LieuStandard): void {
  switch (champ) {
    case "pivot":
    case "nom":
    case "commune":
    case "code_postal":
    case "adresse":
    case "date_maj":
      cible[champ] = depuis[champ];
      return;
    default: {
      const valeur = depuis[champ];
      if (valeur === undefined) delete cible[champ];
      else cible[champ] = valeur;
    }
  }
}
