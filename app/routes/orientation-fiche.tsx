import { useEffect, useState } from "react";
import { data } from "react-router";
import { lireParametresFiche, MENTION_DONNEES, versParametresFiche } from "~/orientation/fiche";
import { chargerFiche } from "~/orientation/fiche.server";
import { qrSvgDataUrl } from "~/orientation/qr.server";
import { ErreurPasserelle } from "~/platform/erreurs";
import { FicheOrientation } from "~/ui/orientation/FicheOrientation";
import "~/ui/lieux.css";
import "~/ui/orientation/orientation.css";
import type { Route } from "./+types/orientation-fiche";

export async function loader({ request, context }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const lus = lireParametresFiche(url.searchParams);
  if (!lus.success) throw data("Choisissez de 1 à 3 lieux pour faire une fiche.", { status: 400 });
  try {
    const fiche = await chargerFiche(context.db, lus.data, url.origin);
    const qr = Object.fromEntries(await Promise.all(fiche.lieux.map(async (l) => [l.id, await qrSvgDataUrl(l.lien)] as const)));
    return { fiche, qr, parametres: lus.data, requete: versParametresFiche(lus.data).toString() };
  } catch (e) {
    if (e instanceof ErreurPasserelle && e.code === "introuvable") throw data(e.message, { status: 404 });
    if (e instanceof ErreurPasserelle && e.code === "entree_invalide") throw data(e.message, { status: 400 });
    throw e;
  }
}

/** It may hold a first name: never kept by a cache. */
export function headers() {
  return { "Cache-Control": "no-store" };
}

export function meta() {
  return [{ title: "Fiche d'orientation — Passerelle" }, { name: "robots", content: "noindex" }];
}

export default function FicheRoute({ loaderData: d }: Route.ComponentProps) {
  const [js, setJs] = useState(false);
  useEffect(() => setJs(true), []);
  const { parametres: p } = d;
  return (
    <div className="fiche-orientation">
      <h1>Fiche d'orientation</h1>
      <section className="fiche-outils" aria-labelledby="titre-outils">
        <h2 id="titre-outils">Imprimer ou télécharger la fiche</h2>
        <div className="actions">
          {js ? (
            <button type="button" onClick={() => window.print()}>
              Imprimer
            </button>
          ) : null}
          <a className="bouton bouton-secondaire" href={`/orientation/fiche.pdf?${d.requete}`} download="fiche-orientation.pdf">
            Télécharger en PDF
          </a>
        </div>
        {js ? null : <p className="aide">Pour imprimer, utilisez le menu « Imprimer » de votre navigateur (touches Ctrl et P).</p>}
        <details open={Boolean(p.prenom || p.structure)}>
          <summary>Ajouter un prénom et la structure qui oriente (facultatif)</summary>
          <form method="get" action="/orientation/fiche">
            <input type="hidden" name="lieux" value={p.lieux.join("|")} />
            {p.besoin.map((b) => (
              <input key={b} type="hidden" name="besoin" value={b} />
            ))}
            {p.orientation ? <input type="hidden" name="orientation" value={p.orientation} /> : null}
            <div className="champ">
              <label htmlFor="prenom">Prénom de la personne</label>
              <input type="text" id="prenom" name="prenom" maxLength={60} autoComplete="off" defaultValue={p.prenom ?? ""} />
            </div>
            <div className="champ">
              <label htmlFor="structure">Structure qui oriente</label>
              <input type="text" id="structure" name="structure" maxLength={120} autoComplete="organization" defaultValue={p.structure ?? ""} />
            </div>
            <p className="aide" id="mention-donnees">
              {MENTION_DONNEES} Ils restent seulement dans l'adresse de cette page, sur cet appareil.
            </p>
            <button type="submit">Mettre à jour la fiche</button>
          </form>
        </details>
        <p>
          <a href="/orientation">Faire une nouvelle recherche</a>
        </p>
      </section>
      <FicheOrientation fiche={d.fiche} qr={d.qr} />
    </div>
  );
}
