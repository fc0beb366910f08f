import { useEffect, useState } from "react";

/** Copy link and print: they need JavaScript, so they appear only once it runs (printing still works from the browser menu). */
export function ActionsFiche({ chemin }: { chemin: string }) {
  const [pret, setPret] = useState(false);
  const [message, setMessage] = useState("");
  useEffect(() => setPret(true), []);

  async function copier() {
    const lien = new URL(chemin, window.location.origin).toString();
    try {
      await navigator.clipboard.writeText(lien);
      setMessage("Lien copié.");
    } catch {
      setMessage(`Copiez ce lien : ${lien}`);
    }
  }

  return (
    <div className="actions-fiche">
      {pret ? (
        <>
          <button type="button" className="bouton-secondaire" onClick={() => void copier()}>
            Copier le lien
          </button>
          <button type="button" className="bouton-secondaire" onClick={() => window.print()}>
            Imprimer
          </button>
        </>
      ) : null}
      <a className="bouton bouton-secondaire" href="#signaler">
        Signaler une erreur
      </a>
      <p role="status" className="aide">
        {message}
      </p>
    </div>
  );
}
