import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import PDFDocument from "pdfkit";
import { MENTION_DONNEES, TEXTE_CODE_ORIENTATION, majuscule, texteJour, type Fiche, type LieuFiche } from "./fiche";
import { qrPng } from "./qr.server";

/**
 * The orientation sheet as a tagged PDF (structure tree, reading order, language fr-FR, title),
 * so that a screen reader reads it like the web page. Fonts are embedded (DejaVu Sans, free
 * licence) so that every accent and name prints the same everywhere.
 */

type Document = PDFKit.PDFDocument;
type Element = PDFKit.PDFStructureElement;

const NOIR = "#000000";
const GRIS = "#333333";

/** Next to this file when run from sources (tests), under the app folder when bundled into build/. */
function cheminPolice(nom: string): string {
  const candidats = [fileURLToPath(new URL(`./polices/${nom}`, import.meta.url)), path.resolve("app/orientation/polices", nom)];
  const trouve = candidats.find((c) => existsSync(c));
  if (!trouve) throw new Error(`Police introuvable : ${nom}`);
  return trouve;
}

function bloc(doc: Document, parent: Element, type: string, dessiner: () => void): void {
  parent.add(doc.struct(type, {}, dessiner));
}

function titre(doc: Document, parent: Element, niveau: 1 | 2 | 3, texte: string): void {
  const tailles = { 1: 20, 2: 15, 3: 12 } as const;
  doc.moveDown(niveau === 1 ? 0 : 0.6);
  bloc(doc, parent, `H${niveau}`, () => doc.font("Gras").fontSize(tailles[niveau]).fillColor(NOIR).text(texte));
  doc.moveDown(0.2);
}

function paragraphe(doc: Document, parent: Element, texte: string, options: { gras?: string; taille?: number; largeur?: number } = {}): void {
  const mise = options.largeur === undefined ? {} : { width: options.largeur };
  bloc(doc, parent, "P", () => {
    doc.fontSize(options.taille ?? 11).fillColor(NOIR);
    if (options.gras) doc.font("Gras").text(options.gras, { ...mise, continued: true });
    doc.font("Texte").text(texte, mise);
  });
}

function liste(doc: Document, parent: Element, elements: string[]): void {
  const l = doc.struct("L");
  parent.add(l);
  doc.font("Texte").fontSize(11).fillColor(NOIR).list(elements, { structParent: l, bulletRadius: 2, textIndent: 14, bulletIndent: 4 });
  l.end();
}

function filet(doc: Document): void {
  // Decoration only: marked as an artifact so screen readers skip it.
  doc.markContent("Artifact", { type: "Layout" });
  const y = doc.y + 4;
  doc.moveTo(doc.page.margins.left, y).lineTo(doc.page.width - doc.page.margins.right, y).lineWidth(0.5).strokeColor(GRIS).stroke();
  doc.endMarkedContent();
  doc.y = y + 6;
}

async function sectionLieu(doc: Document, racine: Element, lieu: LieuFiche, numero: number, total: number): Promise<void> {
  const sect = doc.struct("Sect");
  racine.add(sect);
  titre(doc, sect, 2, total > 1 ? `Lieu ${numero} sur ${total} : ${lieu.nom}` : lieu.nom);
  const gauche = doc.page.margins.left;
  const largeurQr = 110;
  const xQr = doc.page.width - doc.page.margins.right - largeurQr;
  const yHaut = doc.y;
  const png = await qrPng(lieu.lien);
  sect.add(doc.struct("Figure", { alt: `Code QR vers la page du lieu ${lieu.nom} sur Passerelle` }, () => doc.image(png, xQr, yHaut, { width: largeurQr })));
  const largeurTexte = xQr - gauche - 16;
  doc.x = gauche;
  doc.y = yHaut;
  bloc(doc, sect, "P", () => {
    doc.font("Gras").fontSize(11).fillColor(NOIR).text("Adresse : ", { width: largeurTexte, continued: true });
    doc.font("Texte").text(lieu.adresse.join(", "));
  });
  bloc(doc, sect, "P", () => {
    doc.font("Gras").fontSize(11).text("Code du lieu : ", { width: largeurTexte, continued: true });
    doc.fontSize(16).text(lieu.code);
  });
  paragraphe(doc, sect, `Pour revoir ce lieu sur internet, tapez ${lieu.lienCourt.replace(/^https?:\/\//, "")} ou scannez le code QR.`, { taille: 10, largeur: largeurTexte });
  doc.y = Math.max(doc.y, yHaut + largeurQr + 4);

  titre(doc, sect, 3, "Horaires de cette semaine");
  if (lieu.semaine.length === 0) {
    paragraphe(doc, sect, "Le lieu n'a pas publié ses horaires : téléphonez avant de venir.");
  } else {
    liste(doc, sect, lieu.semaine.map((j) => `${majuscule(j.jour)} : ${texteJour(j)}`));
  }
  titre(doc, sect, 3, "Comment y aller");
  liste(doc, sect, lieu.acces);
  if (lieu.telephone) paragraphe(doc, sect, lieu.telephone, { gras: "Téléphone : " });
  if (lieu.courriel) paragraphe(doc, sect, lieu.courriel, { gras: "Courriel : " });
  if (lieu.priseRdv) paragraphe(doc, sect, lieu.priseRdv, { gras: "Prendre rendez-vous sur internet : " });
  paragraphe(doc, sect, lieu.lien, { gras: "Page du lieu : ", taille: 9 });
  sect.end();
}

/** The PDF bytes of a sheet. */
export async function fichePdf(fiche: Fiche): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: 48, bottom: 48, left: 56, right: 56 },
    pdfVersion: "1.7",
    tagged: true,
    lang: "fr-FR",
    displayTitle: true,
    info: { Title: "Fiche d'orientation", Author: "Passerelle Bretagne", Subject: "Lieux où être aidé avec le numérique", Creator: "Passerelle" },
  });
  const morceaux: Buffer[] = [];
  doc.on("data", (m: Buffer) => morceaux.push(m));
  const fin = new Promise<void>((ok) => doc.on("end", ok));
  doc.registerFont("Texte", cheminPolice("DejaVuSans.ttf"));
  doc.registerFont("Gras", cheminPolice("DejaVuSans-Bold.ttf"));

  const racine = doc.struct("Document");
  doc.addStructure(racine);
  titre(doc, racine, 1, "Fiche d'orientation");
  paragraphe(doc, racine, `Faite le ${fiche.date}.`, { taille: 10 });
  if (fiche.codeOrientation) paragraphe(doc, racine, `${fiche.codeOrientation} — ${TEXTE_CODE_ORIENTATION}`, { gras: "Code d'orientation : ", taille: 14 });
  if (fiche.prenom) paragraphe(doc, racine, fiche.prenom, { gras: "Pour : " });
  if (fiche.structure) paragraphe(doc, racine, fiche.structure, { gras: "Orienté par : " });
  if (fiche.besoins.length > 0) paragraphe(doc, racine, fiche.besoins.join(", "), { gras: "Pour vous aider à : " });
  if (fiche.aApporter.length > 0) {
    titre(doc, racine, 2, "Ce qu'il faut apporter");
    liste(doc, racine, fiche.aApporter.map((o) => `${o.objet} : ${o.pourquoi}`));
  }
  for (const [i, lieu] of fiche.lieux.entries()) {
    if (i > 0 || fiche.aApporter.length > 5) doc.addPage();
    else filet(doc);
    await sectionLieu(doc, racine, lieu, i + 1, fiche.lieux.length);
  }
  doc.moveDown(1);
  paragraphe(doc, racine, `${MENTION_DONNEES} Fiche faite avec Passerelle, l'annuaire des lieux de médiation numérique de Bretagne.`, { taille: 9 });
  racine.end();
  doc.end();
  await fin;
  return Buffer.concat(morceaux);
}
