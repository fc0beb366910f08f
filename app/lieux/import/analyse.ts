import type { Referentiel } from "~/territoire/types";
import type { LieuStandard, ProblemeImport } from "../standard/lieu";
import { distanceMetres } from "../doublons/signaux";
import { validerLieu } from "../standard/valider";
import { lireFichier, type FormatImport } from "./lecture";

/** A record that passed validation, ready to be stored. */
export interface RecordAccepte {
  ligne: number;
  lieu: LieuStandard;
  positionApprochee: boolean;
}

export interface Analyse {
  records: number;
  acceptes: RecordAccepte[];
  rejetes: number;
  problemes: ProblemeImport[];
  sourceParDefaut: string | undefined;
}

/**
 * Reads and validates a whole file without touching the database: every problem of every
 * row is collected. Throws FichierInutilisable only when the file as a whole cannot be read.
 */
export function analyserFichier(octets: Uint8Array, format: FormatImport, referentiel: Referentiel): Analyse {
  const lecture = lireFichier(octets, format);
  const problemes: ProblemeImport[] = [...lecture.problemesFichier];
  const acceptes: RecordAccepte[] = [];
  const premiereLigneParId = new Map<string, number>();
  let rejetes = 0;

  for (const record of lecture.records) {
    const { lieu, problemes: problemesValidation } = validerLieu(record.brut, record.ligne, { referentiel });
    const problemesLigne = [...record.problemes, ...problemesValidation];
    if (lieu) {
      const dejaVu = premiereLigneParId.get(lieu.id);
      if (dejaVu !== undefined) {
        problemesLigne.push({
          line: record.ligne,
          field: "id",
          severity: "error",
          value: lieu.id,
          message: `Identifiant déjà présent ligne ${dejaVu} : chaque lieu doit avoir un id unique dans le fichier.`,
        });
      } else {
        premiereLigneParId.set(lieu.id, record.ligne);
      }
    }
    problemes.push(...problemesLigne);
    if (!lieu || problemesLigne.some((p) => p.severity === "error")) {
      rejetes++;
      continue;
    }
    acceptes.push(positionner(lieu, record.ligne, referentiel, problemes));
  }
  return { records: lecture.records.length, acceptes, rejetes, problemes, sourceParDefaut: lecture.sourceParDefaut };
}

/** The largest Breton communes span about 20 km: a point farther than this from the commune's is a geocoding error. */
const DISTANCE_MAX_COMMUNE_KM = 25;

/** A place without coordinates is put at its commune's point, flagged as approximate, so it still shows on the map. */
function positionner(lieu: LieuStandard, ligne: number, referentiel: Referentiel, problemes: ProblemeImport[]): RecordAccepte {
  const commune = lieu.code_insee ? referentiel.commune(lieu.code_insee) : undefined;
  if (lieu.latitude !== undefined && lieu.longitude !== undefined) {
    if (!commune) return { ligne, lieu, positionApprochee: false };
    const km = distanceMetres(lieu.latitude, lieu.longitude, commune.latitude, commune.longitude) / 1000;
    if (km <= DISTANCE_MAX_COMMUNE_KM) return { ligne, lieu, positionApprochee: false };
    problemes.push({
      line: ligne,
      field: "latitude",
      severity: "warning",
      value: `${lieu.latitude}, ${lieu.longitude}`,
      message: `Coordonnées à ${Math.round(km)} km de ${commune.nom} : ignorées, le lieu est placé au centre de la commune (position approchée).`,
    });
  } else {
    if (!commune) return { ligne, lieu, positionApprochee: false };
    problemes.push({
      line: ligne,
      field: "latitude",
      severity: "warning",
      value: "",
      message: `Pas de coordonnées : le lieu est placé au centre de ${commune.nom} (position approchée).`,
    });
  }
  return { ligne, lieu: { ...lieu, latitude: commune.latitude, longitude: commune.longitude }, positionApprochee: true };
}
