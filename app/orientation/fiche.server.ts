import { estSurRendezVous } from "~/lieux/recherche/filtres";
import { semaine } from "~/lieux/horaires";
import { lieuxActuels } from "~/lieux/identite.server";
import { versLieuStandard, type LigneLieu } from "~/lieux/lignes";
import type { BaseDeDonnees } from "~/platform/db/connexion.server";
import { ErreurPasserelle } from "~/platform/erreurs";
import { aApporter } from "./a-apporter";
import { codePourLieu } from "./code-court.server";
import { afficherCodeOrientation, normaliserCodeOrientation } from "./suivi/codes";
import { formaterTelephone, libellesBesoins, textesAcces, type Fiche, type LieuFiche, type ParametresFiche } from "./fiche";

function lieuFiche(ligne: LigneLieu, code: string, origine: string, maintenant: Date): LieuFiche {
  const l = versLieuStandard(ligne);
  const adresse = [l.adresse, ...(l.complement_adresse ? [l.complement_adresse] : []), `${l.code_postal} ${l.commune}`];
  const fiche: LieuFiche = {
    id: ligne.id,
    code,
    nom: l.nom,
    adresse,
    semaine: l.horaires ? semaine(l.horaires, maintenant) : [],
    acces: textesAcces(l.modalites_acces, estSurRendezVous(l.modalites_acces), l.prise_rdv),
    lien: `${origine}/lieux/${ligne.id}`,
    lienCourt: `${origine}/l/${code}`,
  };
  if (l.telephone) fiche.telephone = formaterTelephone(l.telephone);
  const [courriel] = l.courriels;
  if (courriel) fiche.courriel = courriel;
  if (l.prise_rdv) fiche.priseRdv = l.prise_rdv;
  return fiche;
}

/**
 * Everything the orientation sheet prints, for the chosen places in the chosen order.
 * `origine` is the site's address as the browser sees it (for the QR codes and short links).
 */
export async function chargerFiche(db: BaseDeDonnees, p: ParametresFiche, origine: string, maintenant: Date = new Date()): Promise<Fiche> {
  const lignes = await lieuxActuels(db, p.lieux);
  const manquants = p.lieux.filter((id) => !lignes.has(id));
  if (manquants.length > 0) {
    throw new ErreurPasserelle("introuvable", "Un des lieux choisis n'existe plus.", manquants.map((id) => ({ champ: "lieux", message: id })));
  }
  const lieuxFiche: LieuFiche[] = [];
  for (const id of p.lieux) {
    const ligne = lignes.get(id);
    if (ligne) lieuxFiche.push(lieuFiche(ligne, await codePourLieu(db, ligne.id), origine, maintenant));
  }
  const fiche: Fiche = {
    lieux: lieuxFiche,
    besoins: libellesBesoins(p.besoin),
    aApporter: aApporter(p.besoin),
    date: maintenant.toLocaleDateString("fr-FR", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Paris" }),
  };
  if (p.prenom) fiche.prenom = p.prenom;
  if (p.structure) fiche.structure = p.structure;
  if (p.orientation) {
    // Only the code's shape is checked: the sheet never reads the referral (no status, reason or note on paper).
    const code = normaliserCodeOrientation(p.orientation);
    if (!code) throw new ErreurPasserelle("entree_invalide", "Ce code d'orientation n'est pas valide : 8 lettres et chiffres, par exemple K7P3-Q9XM.", [{ champ: "orientation", message: "code invalide" }]);
    fiche.codeOrientation = afficherCodeOrientation(code);
  }
  return fiche;
}
