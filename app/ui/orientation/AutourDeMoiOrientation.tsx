import { useEffect, useRef, useState } from "react";
import { localiserDansFormulaire } from "../position";

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
    localiserDansFormulaire(form, {
      trouve: () => {
        setMessage("Position trouvée : nous cherchons autour de vous.");
        onPosition?.();
      },
      introuvable: () => setMessage("Votre position n'est pas disponible. Écrivez le nom de votre commune ou son code postal."),
    });
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
