import type { MapOptions } from "maplibre-gl";

/**
 * The offline map style: sea, land and borders from `/carte/frontieres.json`, nothing else. No tiles
 * and no glyphs (so no symbol layers): names and counts are HTML markers, which screen readers and
 * keyboards can reach anyway.
 */

export const URL_FRONTIERES = "/carte/frontieres.json";

export const COULEURS = {
  mer: "#dbe9f1",
  terre: "#f7f5ef",
  bordEpci: "#a8a29e",
  bordDepartement: "#57534e",
} as const;

/** maplibre's StyleSpecification, reached through a type-only import (nothing of the library is bundled here). */
export type StyleCarte = Exclude<MapOptions["style"], string | undefined>;

/**
 * `origine` makes the data URL absolute: maplibre fetches it from a worker, where a relative URL
 * would resolve against the worker script.
 */
export function styleHorsLigne(origine: string): StyleCarte {
  return {
    version: 8,
    name: "Passerelle — frontières de Bretagne",
    sources: {
      frontieres: { type: "geojson", data: new URL(URL_FRONTIERES, origine).href, attribution: "IGN Admin Express, COG 2026 (Licence Ouverte 2.0)" },
    },
    layers: [
      { id: "mer", type: "background", paint: { "background-color": COULEURS.mer } },
      {
        id: "departements-fond",
        type: "fill",
        source: "frontieres",
        filter: ["==", ["get", "couche"], "departement"],
        paint: { "fill-color": COULEURS.terre },
      },
      {
        id: "epci-bords",
        type: "line",
        source: "frontieres",
        filter: ["==", ["get", "couche"], "epci"],
        paint: { "line-color": COULEURS.bordEpci, "line-width": ["interpolate", ["linear"], ["zoom"], 7, 0.4, 12, 1.2] },
      },
      {
        id: "departements-bords",
        type: "line",
        source: "frontieres",
        filter: ["==", ["get", "couche"], "departement"],
        paint: { "line-color": COULEURS.bordDepartement, "line-width": ["interpolate", ["linear"], ["zoom"], 7, 1, 12, 2.5] },
      },
    ],
  };
}

/** French labels for maplibre's own controls (their defaults are English). */
export const LIBELLES_CARTE: Record<string, string> = {
  "Map.Title": "Carte des lieux. Flèches pour se déplacer, plus et moins pour zoomer",
  "Marker.Title": "Lieu",
  "Popup.Close": "Fermer",
  "NavigationControl.ZoomIn": "Zoomer",
  "NavigationControl.ZoomOut": "Dézoomer",
  "NavigationControl.ResetBearing": "Réorienter la carte vers le nord",
  "AttributionControl.ToggleAttribution": "Afficher ou masquer les sources de la carte",
  "AttributionControl.MapFeedback": "Signaler un problème de carte",
  "FullscreenControl.Enter": "Afficher la carte en plein écran",
  "FullscreenControl.Exit": "Quitter le plein écran",
  "LogoControl.Title": "Logo MapLibre",
  "ScaleControl.Meters": "m",
  "ScaleControl.Kilometers": "km",
};
