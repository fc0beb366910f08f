/**
 * When and whether to load the map library: after the page's `load` event and once the browser is
 * idle, so that the ~300 KB of maplibre never compete with the list, and never in a browser that
 * cannot draw it (maplibre needs WebGL 2).
 */

/** Runs `action` after `load`, when idle (at most 2 s later). Returns a function that cancels it. */
export function apresChargement(action: () => void): () => void {
  let annule = false;
  let attenteInactivite: number | undefined;
  let minuteur: ReturnType<typeof setTimeout> | undefined;
  const executer = () => {
    if (!annule) action();
  };
  const planifier = () => {
    if (annule) return;
    if (typeof window.requestIdleCallback === "function") attenteInactivite = window.requestIdleCallback(executer, { timeout: 2000 });
    else minuteur = setTimeout(executer, 50);
  };
  if (document.readyState === "complete") planifier();
  else window.addEventListener("load", planifier, { once: true });
  return () => {
    annule = true;
    window.removeEventListener("load", planifier);
    if (attenteInactivite !== undefined && typeof window.cancelIdleCallback === "function") window.cancelIdleCallback(attenteInactivite);
    if (minuteur !== undefined) clearTimeout(minuteur);
  };
}

/** True when a WebGL 2 context can be created; the probe context is released at once. */
export function webglDisponible(): boolean {
  try {
    const contexte = document.createElement("canvas").getContext("webgl2");
    if (!contexte) return false;
    contexte.getExtension("WEBGL_lose_context")?.loseContext();
    return true;
  } catch {
    return false;
  }
}

export function mouvementsReduits(): boolean {
  return typeof window.matchMedia === "function" && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
}
