import { useEffect, useState } from "react";
import { localiserDansFormulaire } from "./position";

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
    localiserDansFormulaire(form, {
      trouve: () => form.requestSubmit(),
      introuvable: () => setMessage("Votre position n'est pas disponible. Écrivez le nom de votre commune ou votre code postal."),
    });
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
