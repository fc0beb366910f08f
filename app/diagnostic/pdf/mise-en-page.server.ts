import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import PDFDocument from "pdfkit";

/**
 * Building blocks of the tagged diagnostic PDF: headings, paragraphs, lists and tables, each one
 * a structure element (screen readers read the PDF in order, tables as tables), with page breaks
 * that never split a heading from what follows nor a table row.
 */

export type Document = PDFKit.PDFDocument;
export type Element = PDFKit.PDFStructureElement;

export const NOIR = "#000000";
export const GRIS = "#444444";
export const BLEU = "#1e3a8a";

/** The orientation sheet's fonts (DejaVu Sans, free licence): next to the sources, or under the app folder once built. */
function cheminPolice(nom: string): string {
  const candidats = [fileURLToPath(new URL(`../../orientation/polices/${nom}`, import.meta.url)), path.resolve("app/orientation/polices", nom)];
  const trouve = candidats.find((c) => existsSync(c));
  if (!trouve) throw new Error(`Police introuvable : ${nom}`);
  return trouve;
}

export function nouveauDocument(titre: string, sujet: string): Document {
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: 48, bottom: 52, left: 50, right: 50 },
    pdfVersion: "1.7",
    tagged: true,
    lang: "fr-FR",
    displayTitle: true,
    bufferPages: true,
    info: { Title: titre, Author: "Passerelle Bretagne", Subject: sujet, Creator: "Passerelle" },
  });
  doc.registerFont("Texte", cheminPolice("DejaVuSans.ttf"));
  doc.registerFont("Gras", cheminPolice("DejaVuSans-Bold.ttf"));
  doc.font("Texte");
  return doc;
}

export const largeurUtile = (doc: Document) => doc.page.width - doc.page.margins.left - doc.page.margins.right;
const bas = (doc: Document) => doc.page.height - doc.page.margins.bottom;

/** Starts a new page when less than `hauteur` points are left. */
export function assurerPlace(doc: Document, hauteur: number): void {
  if (doc.y + hauteur > bas(doc)) doc.addPage();
  doc.x = doc.page.margins.left;
}

export function bloc(doc: Document, parent: Element, type: string, dessiner: () => void): void {
  parent.add(doc.struct(type, {}, dessiner));
}

export function titre(doc: Document, parent: Element, niveau: 1 | 2 | 3, texte: string): void {
  const tailles = { 1: 19, 2: 14, 3: 11.5 } as const;
  // A heading keeps at least three lines of what follows on its page.
  assurerPlace(doc, tailles[niveau] * 1.6 + 40);
  if (niveau > 1) doc.moveDown(niveau === 2 ? 0.8 : 0.5);
  bloc(doc, parent, `H${niveau}`, () =>
    doc
      .font("Gras")
      .fontSize(tailles[niveau])
      .fillColor(niveau === 3 ? NOIR : BLEU)
      .text(texte, doc.page.margins.left, doc.y, { width: largeurUtile(doc) }),
  );
  doc.moveDown(0.25);
}

export function paragraphe(doc: Document, parent: Element, texte: string, options: { gras?: string; taille?: number; couleur?: string } = {}): void {
  const taille = options.taille ?? 10;
  const largeur = largeurUtile(doc);
  // A paragraph is never split: a line alone at the foot of a page reads badly (and pdfkit may misplace it).
  doc.font("Texte").fontSize(taille);
  assurerPlace(doc, doc.heightOfString(`${options.gras ?? ""}${texte}`, { width: largeur }) + 2);
  bloc(doc, parent, "P", () => {
    doc.fontSize(taille).fillColor(options.couleur ?? NOIR);
    const x = doc.page.margins.left;
    if (options.gras) doc.font("Gras").text(options.gras, x, doc.y, { width: largeur, continued: true });
    doc.font("Texte").text(texte, options.gras ? undefined : x, options.gras ? undefined : doc.y, { width: largeur });
  });
  doc.moveDown(0.3);
}

export function liste(doc: Document, parent: Element, elements: readonly string[], taille = 10): void {
  if (elements.length === 0) return;
  const l = doc.struct("L");
  parent.add(l);
  const largeur = largeurUtile(doc);
  // One item at a time, so that an item that does not fit starts the next page whole.
  for (const e of elements) {
    doc.font("Texte").fontSize(taille);
    assurerPlace(doc, doc.heightOfString(e, { width: largeur - 16 }) + 2);
    doc.fillColor(NOIR).list([e], doc.page.margins.left, doc.y, { structParent: l, bulletRadius: 1.8, textIndent: 12, bulletIndent: 4, width: largeur });
  }
  l.end();
  doc.moveDown(0.3);
}

export interface ColonnePdf {
  entete: string;
  /** Share of the usable width. */
  part: number;
  droite?: boolean;
}

/**
 * A tagged table: a header row (repeated after a page break), then one row per entry; a row that
 * does not fit starts a new page. Cells are plain text.
 */
export function tableau(doc: Document, parent: Element, legende: string, colonnes: readonly ColonnePdf[], lignes: readonly string[][], taille = 8.5): void {
  const x0 = doc.page.margins.left;
  const largeur = largeurUtile(doc);
  const total = colonnes.reduce((s, c) => s + c.part, 0);
  const largeurs = colonnes.map((c) => (c.part / total) * largeur);
  const marge = 3;
  const t = doc.struct("Table");
  parent.add(t);
  const hauteurLigne = (cellules: readonly string[], police: string) => {
    doc.font(police).fontSize(taille);
    return Math.max(...cellules.map((c, i) => doc.heightOfString(c, { width: (largeurs[i] ?? 40) - 2 * marge }))) + 2 * marge;
  };
  const dessinerLigne = (cellules: readonly string[], entete: boolean) => {
    const police = entete ? "Gras" : "Texte";
    const h = hauteurLigne(cellules, police);
    const y = doc.y;
    const tr = doc.struct("TR");
    t.add(tr);
    let x = x0;
    cellules.forEach((c, i) => {
      const w = largeurs[i] ?? 40;
      const droite = colonnes[i]?.droite ?? false;
      // The first cell of a body row names it: a row header, as on the page.
      const type = entete || i === 0 ? "TH" : "TD";
      tr.add(doc.struct(type, {}, () => doc.font(police).fontSize(taille).fillColor(NOIR).text(c, x + marge, y + marge, { width: w - 2 * marge, align: droite ? "right" : "left" })));
      x += w;
    });
    tr.end();
    doc.markContent("Artifact", { type: "Layout" });
    doc
      .moveTo(x0, y + h)
      .lineTo(x0 + largeur, y + h)
      .lineWidth(entete ? 0.8 : 0.3)
      .strokeColor(entete ? NOIR : "#999999")
      .stroke();
    doc.endMarkedContent();
    doc.y = y + h;
  };
  const entetes = colonnes.map((c) => c.entete);
  assurerPlace(doc, hauteurLigne(entetes, "Gras") + 40);
  const caption = doc.struct("Caption", {}, () => doc.font("Gras").fontSize(9.5).fillColor(NOIR).text(legende, x0, doc.y, { width: largeur }));
  t.add(caption);
  doc.moveDown(0.2);
  dessinerLigne(entetes, true);
  for (const l of lignes) {
    if (doc.y + hauteurLigne(l, "Texte") > bas(doc)) {
      doc.addPage();
      dessinerLigne(entetes, true);
    }
    dessinerLigne(l, false);
  }
  t.end();
  doc.x = x0;
  doc.moveDown(0.6);
}

/** The document's bytes, once `doc.end()` is called; to be set up before drawing. */
export function octets(doc: Document): Promise<Buffer> {
  const morceaux: Buffer[] = [];
  doc.on("data", (m: Buffer) => morceaux.push(m));
  return new Promise((ok, echec) => {
    doc.on("end", () => ok(Buffer.concat(morceaux)));
    doc.on("error", echec);
  });
}
