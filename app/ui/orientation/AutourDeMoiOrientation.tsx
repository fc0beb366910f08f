import { useEffect, useRef, useState } from "react";

/**
 * "Autour de moi" in step 2: fills the step's hidden lat/lon with the browser's position and
 * empties the commune field (the two exclude each other), without leaving the step, so the person
 * sees the new count and still chooses the distance. Shown only once JavaScript runs.
 */
export function AutourDeMoiOrientation({ onPosition }: { onPosition?: () => void }) {
  const [pret, setPret] = useState(false);
  const [message, setMessage] = useState("");
  const bouton = useRef<HTMLButtonElement>(null);
  useEffect(() => setPret("geolocation" in navigator), []);
  if (!pret) return null;

  function localiser() {
    const form = bouton.current?.form;
    if (!form) return;
    setMessage("Recherche de votre position…");
    navigator.geolocation.getCurrentPosition(
      (position) => {
        const champ = (nom: string) => form.elements.namedItem(nom);
        const lat = champ("lat");
        const lon = champ("lon");
        const ou = champ("ou");
        if (lat instanceof HTMLInputElement && lon instanceof HTMLInputElement) {
          lat.value = position.coords.latitude.toFixed(5);
          lon.value = position.coords.longitude.toFixed(5);
        }
        if (ou instanceof HTMLInputElement) ou.value = "";
        setMessage("Position trouvée : nous cherchons autour de vous.");
        onPosition?.();
      },
      () => setMessage("Votre position n'est pas disponible. Écrivez le nom de votre commune ou son code postal."),
      { timeout: 10_000, maximumAge: 300_000 },
    );
  }

  return (
    <div className="autour-de-moi">
      <p className="aide">ou</p>
      <button type="button" className="bouton bouton-secondaire" ref={bouton} onClick={localiser}>
        Autour de moi
      </button>
      <p role="status" className="aide">
        {message}
      </p>
    </div>
  );
}
