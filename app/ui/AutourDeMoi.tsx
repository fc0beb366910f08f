import { useEffect, useState } from "react";

/**
 * "Autour de moi": fills the hidden lat/lon fields with the browser's position and submits the
 * form. Shown only once JavaScript runs (geolocation needs it); without it, people type a place.
 */
export function AutourDeMoi({ formulaire }: { formulaire: string }) {
  const [pret, setPret] = useState(false);
  const [message, setMessage] = useState("");
  useEffect(() => setPret("geolocation" in navigator), []);
  if (!pret) return null;

  function localiser() {
    const form = document.getElementById(formulaire);
    if (!(form instanceof HTMLFormElement)) return;
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
        form.requestSubmit();
      },
      () => setMessage("Votre position n'est pas disponible. Écrivez le nom de votre commune ou votre code postal."),
      { timeout: 10_000, maximumAge: 300_000 },
    );
  }

  return (
    <>
      <button type="button" className="bouton-secondaire" onClick={localiser}>
        Autour de moi
      </button>
      <p role="status" className="aide">
        {message}
      </p>
    </>
  );
}
