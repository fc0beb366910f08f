import type { LieuFusionne } from "./fusion";
import { lieux } from "./lieux.schema";
import type { LieuStandard } from "./standard/lieu";

export type LigneLieu = typeof lieux.$inferSelect;

/** Every column of `lieux` for a merged place: absent optional fields become NULL so updates clear them. */
export function versColonnes(f: LieuFusionne): Omit<typeof lieux.$inferInsert, "id"> {
  const l = f.lieu;
  return {
    pivot: l.pivot,
    nom: l.nom,
    commune: l.commune,
    code_postal: l.code_postal,
    code_insee: l.code_insee ?? null,
    adresse: l.adresse,
    complement_adresse: l.complement_adresse ?? null,
    latitude: l.latitude ?? null,
    longitude: l.longitude ?? null,
    position_approchee: f.positionApprochee,
    typologie: l.typologie,
    telephone: l.telephone ?? null,
    courriels: l.courriels,
    site_web: l.site_web,
    horaires: l.horaires ?? null,
    presentation_resume: l.presentation_resume ?? null,
    presentation_detail: l.presentation_detail ?? null,
    source: l.source ?? null,
    itinerance: l.itinerance,
    structure_parente: l.structure_parente ?? null,
    date_maj: l.date_maj,
    services: l.services,
    publics_specifiquement_adresses: l.publics_specifiquement_adresses,
    prise_en_charge_specifique: l.prise_en_charge_specifique,
    frais_a_charge: l.frais_a_charge,
    dispositif_programmes_nationaux: l.dispositif_programmes_nationaux,
    formations_labels: l.formations_labels,
    autres_formations_labels: l.autres_formations_labels,
    modalites_acces: l.modalites_acces,
    modalites_accompagnement: l.modalites_accompagnement,
    fiche_acces_libre: l.fiche_acces_libre ?? null,
    prise_rdv: l.prise_rdv ?? null,
    provenance: f.provenance,
  };
}

/** A stored place back in the standard's shape; its standard `id` is Passerelle's UUID. */
export function versLieuStandard(ligne: LigneLieu): LieuStandard {
  const l: LieuStandard = {
    id: ligne.id,
    pivot: ligne.pivot,
    nom: ligne.nom,
    commune: ligne.commune,
    code_postal: ligne.code_postal,
    adresse: ligne.adresse,
    typologie: ligne.typologie,
    courriels: ligne.courriels,
    site_web: ligne.site_web,
    itinerance: ligne.itinerance,
    date_maj: ligne.date_maj,
    services: ligne.services,
    publics_specifiquement_adresses: ligne.publics_specifiquement_adresses,
    prise_en_charge_specifique: ligne.prise_en_charge_specifique,
    frais_a_charge: ligne.frais_a_charge,
    dispositif_programmes_nationaux: ligne.dispositif_programmes_nationaux,
    formations_labels: ligne.formations_labels,
    autres_formations_labels: ligne.autres_formations_labels,
    modalites_acces: ligne.modalites_acces,
    modalites_accompagnement: ligne.modalites_accompagnement,
  };
  const optionnels = {
    code_insee: ligne.code_insee,
    complement_adresse: ligne.complement_adresse,
    latitude: ligne.latitude,
    longitude: ligne.longitude,
    telephone: ligne.telephone,
    horaires: ligne.horaires,
    presentation_resume: ligne.presentation_resume,
    presentation_detail: ligne.presentation_detail,
    source: ligne.source,
    structure_parente: ligne.structure_parente,
    fiche_acces_libre: ligne.fiche_acces_libre,
    prise_rdv: ligne.prise_rdv,
  };
  for (const [champ, valeur] of Object.entries(optionnels)) {
    if (valeur !== null) Object.assign(l, { [champ]: valeur });
  }
  return l;
}
