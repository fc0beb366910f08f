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

/** Reads a feature's properties as returned by `querySourceFeatures` (values may come back as strings). */
export function pointDepuisProprietes(proprietes: Record<string, unknown>, longitude: number, latitude: number): PointLieu | null {
  const id = proprietes["id"];
  const nom = proprietes["nom"];
  if ((typeof id !== "string" && typeof id !== "number") || typeof nom !== "string") return null;
  const vrai = (v: unknown) => v === true || v === "true";
  const commune = proprietes["commune"];
  return {
    id: String(id),
    nom,
    commune: typeof commune === "string" ? commune : "",
    longitude,
    latitude,
    positionApprochee: vrai(proprietes["position_approchee"]),
    surRendezVous: vrai(proprietes["sur_rendez_vous"]),
  };
}
