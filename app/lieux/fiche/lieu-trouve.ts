import { ouvertA } from "../horaires";
import { versLieuStandard, type LigneLieu } from "../lignes";
import type { LieuTrouve } from "../recherche/resultat";
import { estSurRendezVous } from "../recherche/filtres";

/** A stored place in the shape of a list item, for lists not built by the search (territory pages). */
export function versLieuTrouve(ligne: LigneLieu, maintenant: Date): LieuTrouve {
  const lieu = versLieuStandard(ligne);
  const trouve: LieuTrouve = {
    ...lieu,
    id: ligne.id,
    position_approchee: ligne.position_approchee,
    sur_rendez_vous: estSurRendezVous(lieu.modalites_acces),
  };
  const ouvert = lieu.horaires === undefined ? undefined : ouvertA(lieu.horaires, maintenant);
  if (ouvert !== undefined) trouve.ouvert_maintenant = ouvert;
  return trouve;
}
