import { useEffect, useRef, useState } from "react";
import { apresChargement, webglDisponible } from "./chargement";
import type { CarteMontee } from "./carte-client";
import type { Centre } from "./points";
import "./carte-lieux.css";

export interface ProprietesCarteLieux {
  /** Query string of the current criteria (as in `/lieux?…`), with or without the leading `?`. */
  requete: string;
  /** The search centre, when there is one (commune, address, "autour de moi"). */
  centre: Centre | undefined;
  /** A full map style (`MAP_STYLE_URL`); without it the map draws the shipped boundaries only. */
  styleUrl: string | undefined;
  /** Level of the "Carte des lieux" heading in the page's outline (default 2). */
  niveauTitre?: 2 | 3;
}

type Etat = "attente" | "chargement" | "prete" | "erreur" | "indisponible";

/**
 * The map of the search results. The list stays the accessible equivalent: the map adds the
 * geography. Server rendering and the first client render show nothing (without JavaScript there
 * is no map); maplibre is fetched only after the page's load event.
 */
export function CarteLieux({ requete, centre, styleUrl, niveauTitre = 2 }: ProprietesCarteLieux) {
  const Titre = niveauTitre === 3 ? "h3" : "h2";
  const zone = useRef<HTMLDivElement>(null);
  const carte = useRef<CarteMontee | undefined>(undefined);
  const [etat, setEtat] = useState<Etat>("attente");
  const [message, setMessage] = useState("");
  const [pret, setPret] = useState(false);
  const latitude = centre?.latitude;
  const longitude = centre?.longitude;

  // Mount once per style: the map survives new searches (only its points change).
  useEffect(() => {
    const element = zone.current;
    if (!element) return;
    let annule = false;
    if (!webglDisponible()) {
      setEtat("indisponible");
      return;
    }
    setEtat("chargement");
    const annulerAttente = apresChargement(() => {
      import("./carte-client")
        .then(({ monterCarte }) =>
          monterCarte(element, {
            styleUrl,
            surErreur: (m) => !annule && setMessage(m),
            surPoints: (n) => !annule && setMessage(n === 0 ? "Aucun lieu à placer sur la carte." : `${n} lieu${n > 1 ? "x" : ""} sur la carte.`),
          }),
        )
        .then((montee) => {
          if (annule) return montee.detruire();
          carte.current = montee;
          setEtat("prete");
          setPret(true);
        })
        .catch((e: unknown) => {
          if (annule) return;
          console.error(e);
          // maplibre throws at construction when WebGL fails after all: same as no WebGL.
          if (e instanceof Error && /webgl/i.test(e.message)) setEtat("indisponible");
          else {
            setEtat("erreur");
            setMessage("La carte n'a pas pu être chargée. La liste présente les mêmes lieux.");
          }
        });
    });
    return () => {
      annule = true;
      annulerAttente();
      carte.current?.detruire();
      carte.current = undefined;
      setPret(false);
    };
  }, [styleUrl]);

  useEffect(() => {
    if (!pret) return;
    const c = latitude !== undefined && longitude !== undefined ? { latitude, longitude } : undefined;
    void carte.current?.afficher(requete, c);
  }, [pret, requete, latitude, longitude]);

  return (
    <section className="carte-lieux-bloc" aria-labelledby="carte-lieux-titre" hidden={etat === "attente" || etat === "indisponible"}>
      <Titre id="carte-lieux-titre">Carte des lieux</Titre>
      <p className="carte-lieux-aide">
        La liste des lieux est l'équivalent accessible de la carte. Sur la carte : flèches pour se déplacer, + et − pour zoomer,
        Tab pour passer d'un lieu à l'autre, Entrée pour l'ouvrir.
      </p>
      <div className="carte-lieux-cadre" hidden={etat === "erreur"}>
        {/* maplibre owns this element's children: React keeps out of it. */}
        <div ref={zone} className="carte-lieux-zone" />
        {etat === "chargement" && <p className="carte-lieux-attente">Chargement de la carte…</p>}
      </div>
      <ul className="carte-lieux-legende" aria-label="Légende de la carte" hidden={etat === "erreur"}>
        <li>
          <span className="carte-lieux-point carte-lieux-exemple" aria-hidden="true" /> Lieu
        </li>
        <li>
          <span className="carte-lieux-point carte-lieux-point-approche carte-lieux-exemple" aria-hidden="true" /> Position approximative (centre de la
          commune)
        </li>
        <li>
          <span className="carte-lieux-groupe carte-lieux-groupe-petit carte-lieux-exemple" aria-hidden="true">
            3
          </span>{" "}
          Groupe de lieux : l'activer pour zoomer
        </li>
      </ul>
      <p className="carte-lieux-message" role="status">
        {message}
      </p>
    </section>
  );
}
