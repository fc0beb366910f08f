/**
 * The map itself. This module is only ever reached through `import()` from CarteLieux, after the
 * page's load event: it pulls maplibre-gl (JS, CSS, worker) into its own chunk, outside the first
 * page weight.
 */
import "maplibre-gl/dist/maplibre-gl.css";
import { GeoJSONSource, Map as CarteMaplibre, Marker, NavigationControl, Popup, setWorkerUrl } from "maplibre-gl";
import urlWorker from "maplibre-gl/dist/maplibre-gl-worker.mjs?url";
import { mouvementsReduits } from "./chargement";
import { boutonGroupe, boutonPoint, contenuBulle } from "./marqueurs";
import { BORNES_BRETAGNE, cadrage, lirePoints, pointDepuisProprietes, urlPoints, versGeoJson, type Centre } from "./points";
import { LIBELLES_CARTE, styleHorsLigne } from "./style";

// The worker is emitted by Vite as a separate asset; maplibre's default guess (next to its own
// module) does not survive bundling.
setWorkerUrl(new URL(urlWorker, window.location.href).href);

export interface OptionsCarte {
  /** A full style (MAP_STYLE_URL); without it the offline boundaries style is used. */
  styleUrl: string | undefined;
  surErreur(message: string): void;
  surPoints(nombre: number): void;
}

export interface CarteMontee {
  afficher(requete: string, centre: Centre | undefined): Promise<void>;
  detruire(): void;
}

const SOURCE = "lieux";
const VIDE = { type: "FeatureCollection" as const, features: [] };

export async function monterCarte(element: HTMLElement, options: OptionsCarte): Promise<CarteMontee> {
  const reduit = mouvementsReduits();
  const carte = new CarteMaplibre({
    container: element,
    style: options.styleUrl ?? styleHorsLigne(window.location.origin),
    bounds: BORNES_BRETAGNE,
    keyboard: true,
    dragRotate: false,
    touchPitch: false,
    locale: LIBELLES_CARTE,
    maplibreLogo: false,
    attributionControl: { compact: true },
    minZoom: 5,
    maxZoom: 18,
    fadeDuration: reduit ? 0 : 300,
    ...(reduit && { reduceMotion: true }),
  });
  carte.touchZoomRotate.disableRotation();
  carte.keyboard.disableRotation();
  carte.addControl(new NavigationControl({ showCompass: false }), "top-right");
  carte.on("error", (e) => {
    console.error(e.error);
    options.surErreur("Une partie de la carte n'a pas pu être chargée. La liste des lieux reste complète.");
  });
  await new Promise<void>((resolve) => carte.once("load", () => resolve()));

  carte.addSource(SOURCE, { type: "geojson", data: VIDE, cluster: true, clusterRadius: 46, clusterMaxZoom: 14 });
  // Invisible: the markers are HTML buttons, but a layer must use the source for its tiles to load.
  carte.addLayer({ id: "lieux-ancres", type: "circle", source: SOURCE, paint: { "circle-radius": 1, "circle-opacity": 0 } });

  const marqueurs = new Map<string, Marker>();
  let bulle: Popup | undefined;
  /** A cluster opened from the keyboard: where it was, and its button (focus moves once it is gone). */
  let aRefocaliser: { position: [number, number]; bouton: HTMLElement } | undefined;
  let requeteEnCours: AbortController | undefined;
  let centreMarqueur: Marker | undefined;

  const source = () => {
    const s = carte.getSource(SOURCE);
    return s instanceof GeoJSONSource ? s : undefined;
  };

  const ouvrirBulle = (bouton: HTMLButtonElement, longitude: number, latitude: number, proprietes: Record<string, unknown>) => {
    const point = pointDepuisProprietes(proprietes, longitude, latitude);
    if (!point) return;
    bulle?.remove();
    const nouvelle = new Popup({ offset: 14, closeButton: true, focusAfterOpen: true, maxWidth: "15rem" })
      .setLngLat([longitude, latitude])
      .setDOMContent(contenuBulle(point))
      .addTo(carte);
    const conteneur = nouvelle.getElement();
    conteneur.setAttribute("role", "dialog");
    conteneur.setAttribute("aria-label", point.nom);
    conteneur.addEventListener("keydown", (e) => {
      if (e.key === "Escape") nouvelle.remove();
    });
    nouvelle.on("close", () => {
      // Back to the marker, as after any dialog, unless the person has moved on elsewhere.
      const actif = document.activeElement;
      if ((actif === null || actif === document.body || conteneur.contains(actif)) && bouton.isConnected) bouton.focus();
    });
    bulle = nouvelle;
  };

  const zoomerSurGroupe = async (bouton: HTMLButtonElement, idGroupe: number, centre: [number, number]) => {
    const s = source();
    if (!s) return;
    const zoom = await s.getClusterExpansionZoom(idGroupe);
    if (document.activeElement === bouton) aRefocaliser = { position: centre, bouton };
    carte.easeTo({ center: centre, zoom, duration: reduit ? 0 : 400 });
  };

  const creerMarqueur = (proprietes: Record<string, unknown>, position: [number, number]): Marker | undefined => {
    const [longitude, latitude] = position;
    const idGroupe = proprietes["cluster_id"];
    if (proprietes["cluster"] === true && typeof idGroupe === "number") {
      const nombre = Number(proprietes["point_count"]);
      const bouton = boutonGroupe(Number.isFinite(nombre) ? nombre : 0);
      bouton.addEventListener("click", (e) => {
        e.stopPropagation();
        void zoomerSurGroupe(bouton, idGroupe, position);
      });
      return new Marker({ element: bouton, anchor: "center" }).setLngLat(position);
    }
    const point = pointDepuisProprietes(proprietes, longitude, latitude);
    if (!point) return undefined;
    const bouton = boutonPoint(point);
    bouton.addEventListener("click", (e) => {
      // Otherwise the map sees a click on itself too and closes the popup at once (closeOnClick).
      e.stopPropagation();
      ouvrirBulle(bouton, longitude, latitude, proprietes);
    });
    return new Marker({ element: bouton, anchor: "center" }).setLngLat(position);
  };

  /** Keeps one HTML marker per visible cluster or place, reusing existing ones (and their focus). */
  const synchroniser = () => {
    if (!carte.getSource(SOURCE) || !carte.isSourceLoaded(SOURCE)) return;
    const vus = new Set<string>();
    for (const f of carte.querySourceFeatures(SOURCE)) {
      if (f.geometry.type !== "Point") continue;
      const [longitude, latitude] = f.geometry.coordinates;
      if (longitude === undefined || latitude === undefined) continue;
      const p: Record<string, unknown> = f.properties;
      const cle = p["cluster"] === true ? `groupe-${String(p["cluster_id"])}` : `lieu-${String(p["id"])}`;
      if (vus.has(cle)) continue;
      vus.add(cle);
      if (marqueurs.has(cle)) continue;
      const m = creerMarqueur(p, [longitude, latitude]);
      if (m) marqueurs.set(cle, m.addTo(carte));
    }
    for (const [cle, m] of marqueurs) {
      if (!vus.has(cle)) {
        m.remove();
        marqueurs.delete(cle);
      }
    }
    refocaliser();
  };

  /** After a cluster opened with the keyboard, focus the nearest of the markers that replaced it. */
  const refocaliser = () => {
    // Tiles of the previous zoom can still hold the cluster for a moment: wait until it is gone.
    if (!aRefocaliser || carte.isMoving() || aRefocaliser.bouton.isConnected) return;
    const actif = document.activeElement;
    if (actif !== null && actif !== document.body) {
      aRefocaliser = undefined; // the person has gone elsewhere meanwhile
      return;
    }
    const [x, y] = aRefocaliser.position;
    let meilleur: { element: HTMLElement; d: number } | undefined;
    for (const m of marqueurs.values()) {
      const { lng, lat } = m.getLngLat();
      const d = (lng - x) ** 2 + (lat - y) ** 2;
      if (!meilleur || d < meilleur.d) meilleur = { element: m.getElement(), d };
    }
    aRefocaliser = undefined;
    meilleur?.element.focus();
  };

  carte.on("sourcedata", (e) => {
    if (e.sourceId === SOURCE && e.isSourceLoaded) synchroniser();
  });
  carte.on("moveend", synchroniser);
  // Tiles of the previous zoom linger while they fade out; once the map settles, drop their markers.
  carte.on("idle", synchroniser);

  return {
    async afficher(requete, centre) {
      requeteEnCours?.abort();
      const controle = new AbortController();
      requeteEnCours = controle;
      let points;
      try {
        const reponse = await fetch(urlPoints(requete), { headers: { Accept: "application/geo+json" }, signal: controle.signal });
        if (!reponse.ok) throw new Error(`HTTP ${reponse.status}`);
        points = lirePoints(await reponse.json());
      } catch (e) {
        if (controle.signal.aborted) return;
        console.error(e);
        options.surErreur("Les lieux n'ont pas pu être placés sur la carte. La liste des lieux reste complète.");
        return;
      }
      bulle?.remove();
      source()?.setData(versGeoJson(points));
      centreMarqueur?.remove();
      centreMarqueur = undefined;
      if (centre) {
        const repere = document.createElement("div");
        repere.className = "carte-lieux-centre";
        repere.setAttribute("aria-hidden", "true");
        centreMarqueur = new Marker({ element: repere, anchor: "center" }).setLngLat([centre.longitude, centre.latitude]).addTo(carte);
      }
      // The offline style has no streets: past zoom 12 it would show an empty plane.
      carte.fitBounds(cadrage(points, centre), { padding: 40, maxZoom: options.styleUrl ? 15 : 12, animate: false });
      options.surPoints(points.length);
    },
    detruire() {
      requeteEnCours?.abort();
      bulle?.remove();
      for (const m of marqueurs.values()) m.remove();
      carte.remove();
    },
  };
}
