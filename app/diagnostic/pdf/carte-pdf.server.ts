import type { Carte } from "../vues/carte";
import { formaterEntier } from "../vues/format";
import { assurerPlace, largeurUtile, NOIR, type Document, type Element } from "./mise-en-page.server";

/**
 * A choropleth in the PDF, from the very paths the page's SVG uses (pdfkit reads SVG path
 * syntax), scaled into the page. The figure carries the map's summary as its alternative text;
 * the legend is real text.
 */

const HAUTEUR_MAX = 330;
const LARGEUR_CARTE = 0.7;

export function dessinerCarte(doc: Document, parent: Element, carte: Carte): void {
  const largeurDispo = largeurUtile(doc) * LARGEUR_CARTE;
  const echelle = Math.min(largeurDispo / carte.largeur, HAUTEUR_MAX / carte.hauteur);
  const hauteur = carte.hauteur * echelle;
  assurerPlace(doc, hauteur + 40);
  const x0 = doc.page.margins.left;
  doc.font("Gras").fontSize(9.5).fillColor(NOIR);
  bloc(doc, parent, () => doc.text(carte.titre, x0, doc.y, { width: largeurUtile(doc) }));
  doc.moveDown(0.3);
  const y0 = doc.y;
  // Uncoloured tiling pattern: diagonal strokes, coloured at use (grey), for "donnée inconnue".
  const hachures = doc.pattern([0, 0, 5, 5], 5, 5, "0.9 w 0 0 m 5 5 l S -1 4 m 1 6 l S 4 -1 m 6 1 l S");
  parent.add(
    doc.struct("Figure", { alt: carte.resume }, () => {
      doc.save();
      doc.translate(x0, y0).scale(echelle);
      doc.lineWidth(0.4 / echelle).strokeColor("#3d3d3d").lineJoin("round");
      for (const f of carte.formes) {
        const couleur = f.classe === null ? null : (carte.couleurs[f.classe] ?? null);
        if (couleur) doc.path(f.d).fillAndStroke(couleur, "#3d3d3d");
        else {
          doc.path(f.d).fill("#f2f2f2");
          doc.path(f.d).fillAndStroke([hachures, "#707070"], "#3d3d3d");
        }
      }
      for (const c of carte.contours) {
        doc
          .path(c.d)
          .lineWidth((c.accent ? 2.2 : 1) / echelle)
          .stroke(c.accent ? "#c2410c" : "#1f2328");
      }
      doc.restore();
    }),
  );
  legende(doc, parent, carte, x0 + carte.largeur * echelle + 14, y0);
  doc.x = x0;
  doc.y = Math.max(doc.y, y0 + hauteur) + 8;
}

function bloc(doc: Document, parent: Element, dessiner: () => void): void {
  parent.add(doc.struct("P", {}, dessiner));
}

function legende(doc: Document, parent: Element, carte: Carte, x: number, y: number): void {
  const largeur = doc.page.width - doc.page.margins.right - x;
  const hachures = doc.pattern([0, 0, 5, 5], 5, 5, "0.9 w 0 0 m 5 5 l S -1 4 m 1 6 l S 4 -1 m 6 1 l S");
  doc.y = y;
  bloc(doc, parent, () => doc.font("Gras").fontSize(8.5).fillColor(NOIR).text(carte.indicateur, x, y, { width: largeur }));
  doc.moveDown(0.3);
  const l = doc.struct("L");
  parent.add(l);
  for (const e of carte.legende) {
    const yl = doc.y;
    doc.markContent("Artifact", { type: "Layout" });
    if (e.couleur) doc.rect(x, yl, 16, 10).fillAndStroke(e.couleur, "#3d3d3d");
    else {
      doc.rect(x, yl, 16, 10).fill("#f2f2f2");
      doc.rect(x, yl, 16, 10).fillAndStroke([hachures, "#707070"], "#3d3d3d");
    }
    doc.endMarkedContent();
    const n = `${formaterEntier(e.nombre)} ${e.nombre >= 2 ? carte.unites : carte.unites.replace(/s$/, "")}`;
    l.add(doc.struct("LI", {}, () => doc.font("Texte").fontSize(8).fillColor(NOIR).text(`${e.libelle} (${n})`, x + 22, yl, { width: largeur - 22 })));
    doc.y = Math.max(doc.y, yl + 12) + 2;
  }
  l.end();
  doc.moveDown(0.2);
  bloc(doc, parent, () => doc.font("Texte").fontSize(8).fillColor("#333333").text(carte.lecture, x, doc.y, { width: largeur }));
}
