import type { ProblemeImport } from "../standard/lieu";
import { avertissement, cle, ligneBrute, texte, type Adaptateur } from "./adaptateur";

/**
 * The national map's 2022 input for Conseillers numériques places (standard v0.1 shape).
 * Most fields already carry standard names; only v0.1 fields renamed or split in v1 need mapping.
 */

/** v0.1 `conditions_access` labels (text before " :"): the v1 standard folded Pass numérique and Adhésion into "Gratuit sous condition". */
const FRAIS: readonly (readonly [prefixe: string, frais: string])[] = [
  ["gratuit sous condition", "Gratuit sous condition"],
  ["gratuit", "Gratuit"],
  ["payant", "Payant"],
  ["accepte le pass numerique", "Gratuit sous condition"],
  ["pass numerique", "Gratuit sous condition"],
  ["adhesion", "Gratuit sous condition"],
];

type Destination = "dispositif_programmes_nationaux" | "formations_labels";

/** v0.1 `labels_nationaux` values → v1 field and value. Anything else goes to `autres_formations_labels`. */
const LABELS: ReadonlyMap<string, readonly [Destination, string]> = new Map([
  ["cnfs", ["dispositif_programmes_nationaux", "Conseillers numériques"]],
  ["conseillers numeriques", ["dispositif_programmes_nationaux", "Conseillers numériques"]],
  ["conseiller numerique", ["dispositif_programmes_nationaux", "Conseillers numériques"]],
  ["aidants connect", ["dispositif_programmes_nationaux", "Aidants Connect"]],
  ["france services", ["dispositif_programmes_nationaux", "France Services"]],
  ["bibliotheques numerique de reference", ["dispositif_programmes_nationaux", "Bibliothèques numérique de référence"]],
  ["certification pix", ["dispositif_programmes_nationaux", "Certification PIX"]],
  ["emmaus connect", ["dispositif_programmes_nationaux", "Emmaüs Connect"]],
  ["relais numerique emmaus connect", ["dispositif_programmes_nationaux", "Relais numérique (Emmaüs Connect)"]],
  ["grande ecole du numerique", ["dispositif_programmes_nationaux", "Grande école du numérique"]],
  ["la croix rouge", ["dispositif_programmes_nationaux", "La Croix Rouge"]],
  ["point d acces numerique caf", ["dispositif_programmes_nationaux", "Point d'accès numérique CAF"]],
  ["point numerique caf", ["dispositif_programmes_nationaux", "Point d'accès numérique CAF"]],
  ["promeneurs du net", ["dispositif_programmes_nationaux", "Promeneurs du net"]],
  // A v1 formations_labels value, not a programme: keep it in its proper field.
  ["fabriques de territoire", ["formations_labels", "Fabriques de Territoire"]],
  ["fabrique de territoire", ["formations_labels", "Fabriques de Territoire"]],
]);

const morceaux = (valeur: string): string[] =>
  valeur
    .split(";")
    .map((m) => m.trim())
    .filter(Boolean);

function frais(valeur: string, ligne: number, problemes: ProblemeImport[]): string[] {
  const resultat: string[] = [];
  for (const morceau of morceaux(valeur)) {
    const etiquette = cle(morceau.split(":")[0] ?? "");
    const trouve = FRAIS.find(([prefixe]) => etiquette.startsWith(prefixe));
    if (trouve) resultat.push(trouve[1]);
    else problemes.push(avertissement(ligne, "frais_a_charge", morceau, `Condition d'accès « ${morceau} » inconnue : ignorée.`));
  }
  return resultat;
}

function labels(valeur: string): Record<Destination | "autres_formations_labels", string[]> {
  const r: Record<Destination | "autres_formations_labels", string[]> = {
    // Every place of this file hosts a conseiller numérique, whatever its labels say.
    dispositif_programmes_nationaux: ["Conseillers numériques"],
    formations_labels: [],
    autres_formations_labels: [],
  };
  for (const morceau of morceaux(valeur)) {
    const connu = LABELS.get(cle(morceau));
    if (connu) r[connu[0]].push(connu[1]);
    else r.autres_formations_labels.push(morceau);
  }
  return r;
}

export const cnfs2022: Adaptateur = {
  format: "cnfs-2022",
  nomSource: "Conseillers numériques (ANCT, 2022-12)",
  fichier: "json",
  colonnesRequises: ["id", "nom", "commune", "code_postal", "adresse"],
  convertir(e, ligne) {
    const problemes: ProblemeImport[] = [];
    const l = labels(texte(e.labels_nationaux));
    const brut = ligneBrute({
      id: texte(e.id),
      pivot: texte(e.pivot),
      nom: texte(e.nom),
      commune: texte(e.commune),
      code_postal: texte(e.code_postal),
      adresse: texte(e.adresse),
      latitude: texte(e.latitude),
      longitude: texte(e.longitude),
      telephone: texte(e.telephone),
      courriels: texte(e.courriel),
      site_web: texte(e.site_web),
      horaires: texte(e.horaires),
      date_maj: texte(e.date_maj),
      prise_rdv: texte(e.prise_rdv),
      // v0.1 labels separated by ";": the validator maps them to the 9 v1 services.
      services: texte(e.services),
      frais_a_charge: frais(texte(e.conditions_access), ligne, problemes),
      dispositif_programmes_nationaux: l.dispositif_programmes_nationaux,
      formations_labels: l.formations_labels,
      autres_formations_labels: l.autres_formations_labels,
      source: texte(e.source) || "conseiller-numerique",
    });
    return { brut, problemes };
  },
};
