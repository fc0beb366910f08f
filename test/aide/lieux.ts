import { stringify } from "csv-stringify/sync";
import { readFileSync } from "node:fs";
import { CHAMPS, type LigneStandard } from "~/lieux/standard/champs";
import { chargerReferentiel } from "~/territoire/referentiel.server";

export const referentiel = chargerReferentiel();

/** A valid standard row in Rennes; override any field. */
export function ligne(modifs: Partial<LigneStandard> = {}): LigneStandard {
  return {
    id: "lieu-1",
    pivot: "21350238800019",
    nom: "Espace public numérique du Blosne",
    commune: "Rennes",
    code_postal: "35200",
    code_insee: "35238",
    adresse: "7 boulevard de Yougoslavie",
    latitude: "48.0860",
    longitude: "-1.6570",
    telephone: "+33299000000",
    horaires: "Mo-Fr 09:00-12:00,14:00-18:00",
    date_maj: "2024-05-02",
    services: "Aide aux démarches administratives|Maîtrise des outils numériques du quotidien",
    frais_a_charge: "Gratuit",
    modalites_acces: "Se présenter|Téléphoner",
    complement_adresse: "",
    typologie: "",
    courriels: "",
    site_web: "",
    presentation_resume: "",
    presentation_detail: "",
    source: "",
    itinerance: "",
    structure_parente: "",
    publics_specifiquement_adresses: "",
    prise_en_charge_specifique: "",
    dispositif_programmes_nationaux: "",
    formations_labels: "",
    autres_formations_labels: "",
    modalites_accompagnement: "",
    fiche_acces_libre: "",
    prise_rdv: "",
    ...modifs,
  };
}

/** A standard CSV file (header + rows) as bytes. */
export function csv(lignes: readonly LigneStandard[], options: { separateur?: string; crlf?: boolean; bom?: boolean } = {}): Uint8Array {
  const texte = stringify([[...CHAMPS], ...lignes.map((l) => CHAMPS.map((c) => l[c]))], {
    delimiter: options.separateur ?? ",",
    record_delimiter: options.crlf ? "\r\n" : "\n",
  });
  return new TextEncoder().encode((options.bom ? "\uFEFF" : "") + texte);
}

export function fichierReel(nom: string): Uint8Array {
  return readFileSync(new URL(`../../reference-data/lieux/${nom}`, import.meta.url));
}
