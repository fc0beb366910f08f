import type { RapportDiagnostic } from "../types";
import type { Carte } from "../vues/carte";
import { formaterDateLongue, formaterDecimal, formaterEntier, formaterIndice, formaterKm, formaterScore } from "../vues/format";
import { GENRES_TERRITOIRE, paragraphesMethode, PLURIELS_TERRITOIRE, sourcesRapport, texteHabitants } from "../vues/methode";
import { LIGNES_IFN, resumeMesure, texteComposante, texteIfnAbsent } from "../vues/textes-besoins";
import { chiffresOffre, grouperEloignees, plusGrandsEcarts } from "../vues/textes-offre";
import { dessinerCarte } from "./carte-pdf.server";
import { GRIS, nouveauDocument, octets, paragraphe, liste, tableau, titre, type Document, type Element } from "./mise-en-page.server";

/**
 * The diagnostic as a short report for elected officials (A4, tagged, fr-FR): what is known of the
 * needs and why the rest is not, the offer, the map, the largest gaps and the far communes,
 * then sources and method. The page has every row; the report keeps the top of each list.
 */

const ECARTS_MAX = 10;
const ELOIGNEES_MAX = 15;

function besoins(doc: Document, racine: Element, r: RapportDiagnostic): void {
  titre(doc, racine, 2, "Les besoins");
  for (const m of [r.fragilite, r.exposition]) {
    titre(doc, racine, 3, m.libelle);
    paragraphe(doc, racine, resumeMesure(m), { gras: m.nombre === null ? "Inconnue : " : "" });
    liste(
      doc,
      racine,
      m.composantes.map((c) => `${c.libelle} : ${texteComposante(c)}`),
      9,
    );
  }
  titre(doc, racine, 3, "Indice de fragilité numérique (IFN)");
  paragraphe(doc, racine, "Score publié de 0 à 10 pour chaque commune et intercommunalité : plus il est élevé, plus la population est fragile face au numérique. Ce n'est pas un pourcentage.", { taille: 9 });
  if (r.ifn) {
    const ifn = r.ifn;
    tableau(
      doc,
      racine,
      `Scores de l'IFN (source : ${ifn.source}, ${ifn.annee})`,
      [
        { entete: "Composante", part: 3 },
        { entete: "Score (sur 10)", part: 1, droite: true },
      ],
      LIGNES_IFN.map((l) => [l.libelle, formaterScore(ifn[l.cle])]),
    );
  } else paragraphe(doc, racine, texteIfnAbsent(r), { taille: 9 });
}

function offre(doc: Document, racine: Element, r: RapportDiagnostic): void {
  titre(doc, racine, 2, "L'offre de médiation numérique");
  liste(
    doc,
    racine,
    chiffresOffre(r.offre, r.population).map((c) => `${c.valeur} ${c.libelle}`),
  );
  const seuil = formaterKm(r.offre.seuil_eloignement_km);
  tableau(
    doc,
    racine,
    "Couverture par service : lieux du territoire et distance des communes au lieu le plus proche",
    [
      { entete: "Service", part: 3.2 },
      { entete: "Lieux", part: 0.9, droite: true },
      { entete: "Distance moyenne (km)", part: 1.3, droite: true },
      { entete: "Distance max. (km)", part: 1.2, droite: true },
      { entete: `Communes à plus de ${seuil}`, part: 1.4, droite: true },
      { entete: `Habitants à plus de ${seuil}`, part: 1.4, droite: true },
    ],
    r.offre.services.map((s) => [
      s.libelle,
      formaterEntier(s.lieux),
      formaterDecimal(s.distance_moyenne_km),
      formaterDecimal(s.distance_max_km),
      formaterEntier(s.communes_eloignees),
      formaterEntier(s.population_eloignee),
    ]),
  );
}

function ecarts(doc: Document, racine: Element, r: RapportDiagnostic): void {
  const pluriel = PLURIELS_TERRITOIRE[r.comparaison.niveau];
  titre(doc, racine, 2, "Les plus grands écarts entre besoin et offre");
  liste(doc, racine, r.comparaison.criteres, 8.5);
  const premiers = plusGrandsEcarts(r.comparaison.lignes, ECARTS_MAX);
  if (premiers.length === 0) {
    paragraphe(doc, racine, `Aucun écart ne peut être calculé : le besoin n'est connu pour aucune des ${pluriel} comparées.`);
    return;
  }
  tableau(
    doc,
    racine,
    `Les ${formaterEntier(premiers.length)} plus grands écarts parmi les ${formaterEntier(r.comparaison.lignes.length)} ${pluriel} comparées`,
    [
      { entete: "Territoire", part: 3.1 },
      { entete: "Rang", part: 0.7, droite: true },
      { entete: "Habitants", part: 1.5, droite: true },
      { entete: "IFN (sur 10)", part: 1, droite: true },
      { entete: "Lieux pour 10 000 hab.", part: 1.3, droite: true },
      { entete: "Besoin", part: 0.9, droite: true },
      { entete: "Offre", part: 0.9, droite: true },
      { entete: "Écart", part: 0.9, droite: true },
    ],
    premiers.map((l) => [
      l.nom,
      formaterEntier(l.rang),
      formaterEntier(l.population),
      formaterDecimal(l.ifn_total),
      formaterDecimal(l.lieux_pour_10000),
      formaterIndice(l.score_besoin),
      formaterIndice(l.score_offre),
      formaterIndice(l.ecart),
    ]),
  );
}

function eloignees(doc: Document, racine: Element, r: RapportDiagnostic): void {
  const seuil = formaterKm(r.offre.seuil_eloignement_km);
  titre(doc, racine, 2, `Communes à plus de ${seuil} d'un service`);
  const groupes = grouperEloignees(r.communes_eloignees);
  if (groupes.length === 0) {
    paragraphe(doc, racine, `Aucune commune n'est à plus de ${seuil} du lieu le plus proche, pour aucun service.`);
    return;
  }
  const montres = groupes.slice(0, ELOIGNEES_MAX);
  paragraphe(
    doc,
    racine,
    `${formaterEntier(groupes.length)} commune${groupes.length >= 2 ? "s" : ""} à plus de ${seuil} (à vol d'oiseau) du lieu le plus proche pour au moins un service` +
      (groupes.length > montres.length ? ` ; les ${formaterEntier(montres.length)} plus éloignées :` : " :"),
  );
  tableau(
    doc,
    racine,
    "Communes éloignées, les plus éloignées d'abord",
    [
      { entete: "Commune", part: 1.6 },
      { entete: "Habitants", part: 0.9, droite: true },
      { entete: "Services hors de portée : distance, lieu le plus proche", part: 5 },
    ],
    montres.map((g) => [
      g.nom,
      formaterEntier(g.population),
      g.services.map((s) => `${s.libelle} : ${formaterKm(s.distance_km)}${s.lieu_le_plus_proche ? `, ${s.lieu_le_plus_proche.nom} (${s.lieu_le_plus_proche.commune})` : ""}`).join("\n"),
    ]),
  );
}

/** The PDF bytes of a diagnostic, with its maps (already projected, as on the page). */
export async function rapportPdf(r: RapportDiagnostic, cartes: readonly Carte[], adresse: string): Promise<Buffer> {
  const intitule = `Diagnostic du territoire : ${r.nom}`;
  const doc = nouveauDocument(intitule, "Besoins d'accompagnement au numérique et offre de médiation numérique (méthode PORTREA)");
  const fin = octets(doc);
  const racine = doc.struct("Document");
  doc.addStructure(racine);

  titre(doc, racine, 1, intitule);
  paragraphe(doc, racine, `${GENRES_TERRITOIRE[r.type]} · ${texteHabitants(r.population)} · ${r.donnees_a_jour_le === null ? "aucune donnée chargée" : `données à jour au ${formaterDateLongue(r.donnees_a_jour_le)}`}`, { couleur: GRIS });
  if (r.parents.length > 0) paragraphe(doc, racine, r.parents.map((p) => p.nom).join(" › "), { gras: "Dans : ", taille: 9 });
  paragraphe(doc, racine, "Besoins d'accompagnement au numérique et offre de médiation numérique, selon la méthode PORTREA.", { taille: 9.5 });

  besoins(doc, racine, r);
  offre(doc, racine, r);
  titre(doc, racine, 2, cartes.length > 1 ? "Les cartes" : "La carte");
  if (cartes.length === 0) paragraphe(doc, racine, "Les contours de ce territoire ne sont pas disponibles.");
  for (const c of cartes) dessinerCarte(doc, racine, c);
  ecarts(doc, racine, r);
  eloignees(doc, racine, r);

  titre(doc, racine, 2, "Sources et méthode");
  for (const p of paragraphesMethode(r)) paragraphe(doc, racine, p, { taille: 8.5 });
  liste(doc, racine, sourcesRapport(r), 8.5);
  paragraphe(doc, racine, `Toutes les communes, les cartes et les fichiers (CSV, GeoJSON) : ${adresse}`, { taille: 8.5 });

  racine.end();
  numeroterPages(doc);
  doc.end();
  return fin;
}

/** "Page 2 sur 5" at the foot of every page, as a pagination artifact. */
function numeroterPages(doc: Document): void {
  const pages = doc.bufferedPageRange();
  for (let i = 0; i < pages.count; i++) {
    doc.switchToPage(pages.start + i);
    const basOrigine = doc.page.margins.bottom;
    // Writing inside the bottom margin would otherwise open a new page.
    doc.page.margins.bottom = 0;
    doc.markContent("Artifact", { type: "Pagination" });
    doc
      .font("Texte")
      .fontSize(8)
      .fillColor(GRIS)
      .text(`Passerelle Bretagne · page ${i + 1} sur ${pages.count}`, doc.page.margins.left, doc.page.height - 34, {
        width: doc.page.width - doc.page.margins.left - doc.page.margins.right,
        align: "center",
        lineBreak: false,
      });
    doc.endMarkedContent();
    doc.page.margins.bottom = basOrigine;
  }
}
