import { libelleGroupe, libellePoint, tailleGroupe, type PointLieu } from "./points";

/**
 * HTML elements of the markers and popups. Markers are real buttons: focusable in order, activated
 * by Enter and Space, named for screen readers, and they need no glyphs on the canvas.
 * Text always goes through textContent (place names come from imported data).
 */

export function boutonGroupe(nombre: number): HTMLButtonElement {
  const b = document.createElement("button");
  b.type = "button";
  b.className = `carte-lieux-groupe carte-lieux-groupe-${tailleGroupe(nombre)}`;
  b.setAttribute("aria-label", libelleGroupe(nombre));
  b.textContent = nombre > 999 ? `${Math.floor(nombre / 1000)}k` : String(nombre);
  return b;
}

export function boutonPoint(p: PointLieu): HTMLButtonElement {
  const b = document.createElement("button");
  b.type = "button";
  b.className = p.positionApprochee ? "carte-lieux-point carte-lieux-point-approche" : "carte-lieux-point";
  b.setAttribute("aria-label", libellePoint(p));
  b.setAttribute("aria-haspopup", "dialog");
  return b;
}

/** Popup body: the name linked to the place page, and what the marker alone cannot say. */
export function contenuBulle(p: PointLieu): HTMLElement {
  const racine = document.createElement("div");
  racine.className = "carte-lieux-bulle";
  const titre = document.createElement("p");
  titre.className = "carte-lieux-bulle-nom";
  const lien = document.createElement("a");
  lien.href = `/lieux/${encodeURIComponent(p.id)}`;
  lien.textContent = p.nom;
  titre.append(lien);
  racine.append(titre);
  const details = [p.commune, p.surRendezVous ? "Sur rendez-vous" : "", p.positionApprochee ? "Position approximative (centre de la commune)" : ""].filter((t) => t !== "");
  for (const d of details) {
    const ligne = document.createElement("p");
    ligne.textContent = d;
    racine.append(ligne);
  }
  return racine;
}

