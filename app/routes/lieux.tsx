import { data, useLocation } from "react-router";
import { lireCriteres, type Criteres } from "~/lieux/recherche/criteres";
import { rechercherLieux } from "~/lieux/recherche/rechercher.server";
import type { ResultatRecherche } from "~/lieux/recherche/resultat";
import { ErreurPasserelle } from "~/platform/erreurs";
import { messagesCriteres } from "~/ui/erreurs-criteres";
import { ErreursRecherche } from "~/ui/ErreursRecherche";
import { FormulaireRecherche } from "~/ui/FormulaireRecherche";
import { versLieuCarte, type LieuCarte } from "~/ui/CarteLieu";
import { lienPage } from "~/ui/lien-page";
import { liensRecherche, type LiensRecherche } from "~/ui/liens-recherche.server";
import { ListeLieux } from "~/ui/ListeLieux";
import { CarteLieux } from "~/ui/carte/CarteLieux";
import { Pagination } from "~/ui/Pagination";
import { formaterNombre } from "~/ui/textes";
import type { Route } from "./+types/lieux";

type Resultat = Omit<ResultatRecherche, "lieux"> & { lieux: LieuCarte[] };

type Donnees =
  | { etat: "ok"; criteres: Criteres; resultat: Resultat; liens: LiensRecherche; aujourdhui: string; styleCarte?: string | undefined }
  | { etat: "invalide"; erreurs: string[] };

export async function loader({ request, context }: Route.LoaderArgs) {
  const lus = lireCriteres(new URL(request.url).searchParams);
  if (!lus.success) return data<Donnees>({ etat: "invalide", erreurs: messagesCriteres(lus.error.issues) }, { status: 400 });
  try {
    const maintenant = new Date();
    const resultat = await rechercherLieux(context.db, context.referentiel, lus.data, { maintenant, geocodeur: context.geocodeur });
    return data<Donnees>({
      etat: "ok",
      criteres: lus.data,
      resultat: { ...resultat, lieux: resultat.lieux.map(versLieuCarte) },
      liens: liensRecherche("/lieux", lus.data, resultat.rayon_km),
      aujourdhui: maintenant.toISOString(),
      styleCarte: context.config.styleCarte,
    });
  } catch (e) {
    // An unknown commune or an address the geocoder cannot place is the person's input, not a crash.
    if (e instanceof ErreurPasserelle && (e.code === "entree_invalide" || e.code === "introuvable")) {
      return data<Donnees>({ etat: "invalide", erreurs: [e.message] }, { status: 400 });
    }
    throw e;
  }
}

export function meta({ data: d }: Route.MetaArgs) {
  const centre = d?.etat === "ok" ? d.resultat.centre?.libelle : undefined;
  return [
    { title: `${centre && d?.etat === "ok" && d.resultat.centre?.code_insee ? `Lieux près de ${centre}` : "Trouver un lieu"} — Passerelle` },
    { name: "description", content: "Trouver un lieu près de chez soi pour être aidé avec le numérique : démarches en ligne, ordinateur, smartphone, internet." },
  ];
}

export default function Lieux({ loaderData: d }: Route.ComponentProps) {
  const { search } = useLocation();
  const criteres = d.etat === "ok" ? d.criteres : {};
  const centre = d.etat === "ok" ? d.resultat.centre : undefined;
  return (
    <>
      <h1>Trouver un lieu pour être aidé avec le numérique</h1>
      {/* Remounted on every search so that fields show the URL's criteria after a client-side navigation. */}
      <FormulaireRecherche key={search} action="/lieux" valeurs={criteres} ouAffiche={centre?.code_insee ? centre.libelle : undefined} />
      {d.etat === "invalide" ? (
        <ErreursRecherche erreurs={d.erreurs}>
          <p>
            Corrigez les critères ci-dessus, ou <a href="/lieux">recommencez une recherche</a>.
          </p>
        </ErreursRecherche>
      ) : (
        <Resultats resultat={d.resultat} liens={d.liens} aujourdhui={new Date(d.aujourdhui)} styleCarte={d.styleCarte} />
      )}
    </>
  );
}

function Resultats({ resultat: r, liens, aujourdhui, styleCarte }: { resultat: Resultat; liens: LiensRecherche; aujourdhui: Date; styleCarte: string | undefined }) {
  const premier = (r.page - 1) * r.par_page + 1;
  return (
    <section aria-labelledby="titre-resultats" className="resultats">
      <div>
        <h2 id="titre-resultats" aria-live="polite">
          {r.total === 0 ? "Aucun lieu trouvé" : `${formaterNombre(r.total)} lieu${r.total > 1 ? "x" : ""} trouvé${r.total > 1 ? "s" : ""}`}
        </h2>
        {r.centre ? (
          <p className="resume-resultats">
            Autour de <strong>{r.centre.libelle}</strong>
            {r.rayon_km !== undefined ? `, jusqu'à ${formaterNombre(r.rayon_km)} km` : ""}. Du plus proche au plus loin (à vol d'oiseau).
          </p>
        ) : (
          <p className="resume-resultats">Indiquez une commune pour voir les lieux les plus proches en premier.</p>
        )}
        {r.total === 0 ? (
          <AucunResultat liens={liens} />
        ) : (
          <>
            {r.pages > 1 ? (
              <p>
                Lieux {formaterNombre(premier)} à {formaterNombre(premier + r.lieux.length - 1)} — page {r.page} sur {r.pages}.
              </p>
            ) : null}
            <ListeLieux lieux={r.lieux} libelle="Lieux trouvés" premier={premier} aujourdhui={aujourdhui} />
            <Pagination page={r.page} pages={r.pages} lien={(page) => lienPage(liens, page)} />
          </>
        )}
      </div>
      {/* The map (MapLibre) is mounted here by the map component; the list stays the accessible equivalent. */}
      <div id="carte-lieux" className="carte-lieux">
        <CarteLieux requete={liens.requete} centre={r.centre} styleUrl={styleCarte} />
      </div>
    </section>
  );
}

function AucunResultat({ liens }: { liens: LiensRecherche }) {
  return (
    <div>
      <p>Aucun lieu ne remplit tous ces critères. Vous pouvez élargir la recherche :</p>
      <ul className="suggestions">
        {liens.plusLoin ? (
          <li>
            <a href={liens.plusLoin.href}>chercher plus loin, jusqu'à {liens.plusLoin.km} km</a>
          </li>
        ) : null}
        {liens.sansHoraires ? (
          <li>
            <a href={liens.sansHoraires}>enlever les critères d'horaires</a>
          </li>
        ) : null}
        {liens.sansFiltres ? (
          <li>
            <a href={liens.sansFiltres}>garder seulement le lieu et enlever tous les autres critères</a>
          </li>
        ) : null}
        <li>
          <a href="/orientation">répondre à quelques questions pour être orienté</a>
        </li>
      </ul>
    </div>
  );
}
