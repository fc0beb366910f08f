import { data, useLocation } from "react-router";
import { lireCriteres, type Criteres } from "~/lieux/recherche/criteres";
import type { ResultatRecherche } from "~/lieux/recherche/resultat";
import { ErreurPasserelle } from "~/platform/erreurs";
import { rechercherDansTerritoire } from "~/territoire/pages/recherche-territoire.server";
import type { HandleSansChrome } from "~/ui/chrome";
import { messagesCriteres } from "~/ui/erreurs-criteres";
import { ErreursRecherche } from "~/ui/ErreursRecherche";
import { FormulaireRecherche } from "~/ui/FormulaireRecherche";
import { versLieuCarte, type LieuCarte } from "~/ui/CarteLieu";
import { lienPage } from "~/ui/lien-page";
import { liensRecherche, type LiensRecherche } from "~/ui/liens-recherche.server";
import { ListeLieux } from "~/ui/ListeLieux";
import { Pagination } from "~/ui/Pagination";
import { formaterNombre } from "~/ui/textes";
import type { Route } from "./+types/embed";

/** Framed on partners' sites: the root layout leaves out the site's header and footer. */
export const handle: HandleSansChrome = { sansChrome: true };

type Resultat = Omit<ResultatRecherche, "lieux"> & { lieux: LieuCarte[] };

type Donnees =
  | { etat: "ok"; criteres: Criteres; territoire?: { code: string; nom: string }; resultat: Resultat; liens: LiensRecherche; aujourdhui: string }
  | { etat: "invalide"; erreurs: string[]; territoire?: { code: string; nom: string } };

export async function loader({ request, context }: Route.LoaderArgs) {
  const params = new URL(request.url).searchParams;
  const code = params.get("territoire")?.trim() ?? "";
  const territoire = code === "" ? undefined : context.referentiel.territoire(code);
  const t = territoire ? { code: territoire.code, nom: territoire.nom } : undefined;
  if (code !== "" && !territoire) {
    return data<Donnees>({ etat: "invalide", erreurs: [`Paramètre « territoire » : aucun département, EPCI ou commune de Bretagne n'a le code « ${code} ».`] }, { status: 400 });
  }
  const lus = lireCriteres(params);
  if (!lus.success) return data<Donnees>({ etat: "invalide", erreurs: messagesCriteres(lus.error.issues), ...(t ? { territoire: t } : {}) }, { status: 400 });
  try {
    const maintenant = new Date();
    const resultat = await rechercherDansTerritoire(context.db, context.referentiel, territoire, lus.data, { maintenant, geocodeur: context.geocodeur });
    return data<Donnees>({
      etat: "ok",
      criteres: lus.data,
      resultat: { ...resultat, lieux: resultat.lieux.map(versLieuCarte) },
      liens: liensRecherche("/embed", lus.data, resultat.rayon_km, t ? { territoire: t.code } : {}),
      aujourdhui: maintenant.toISOString(),
      ...(t ? { territoire: t } : {}),
    });
  } catch (e) {
    if (e instanceof ErreurPasserelle && e.code === "entree_invalide") return data<Donnees>({ etat: "invalide", erreurs: [e.message], ...(t ? { territoire: t } : {}) }, { status: 400 });
    throw e;
  }
}

export function meta({ data: d }: Route.MetaArgs) {
  return [{ title: `Lieux de médiation numérique${d?.territoire ? ` — ${d.territoire.nom}` : ""} — Passerelle` }];
}

export default function Embed({ loaderData: d }: Route.ComponentProps) {
  const { search } = useLocation();
  const caches: Record<string, string> = d.territoire ? { territoire: d.territoire.code } : {};
  const criteres = d.etat === "ok" ? d.criteres : {};
  const centre = d.etat === "ok" ? d.resultat.centre : undefined;
  // Only the territory's own code is prefilled; a commune territory shows its name in the "où" field.
  const ouAffiche = centre?.code_insee && centre.code_insee !== d.territoire?.code ? centre.libelle : undefined;
  return (
    <>
      <h1>Trouver un lieu pour être aidé avec le numérique{d.territoire ? ` — ${d.territoire.nom}` : ""}</h1>
      <FormulaireRecherche key={search} action="/embed" valeurs={criteres} ouAffiche={ouAffiche} caches={caches} />
      {d.etat === "invalide" ? (
        <ErreursRecherche erreurs={d.erreurs} />
      ) : (
        <section aria-labelledby="titre-resultats">
          <h2 id="titre-resultats" aria-live="polite">
            {d.resultat.total === 0 ? "Aucun lieu trouvé" : `${formaterNombre(d.resultat.total)} lieu${d.resultat.total > 1 ? "x" : ""} trouvé${d.resultat.total > 1 ? "s" : ""}`}
          </h2>
          <p>{d.resultat.centre ? `Autour de ${d.resultat.centre.libelle}, du plus proche au plus loin.` : "Par commune, puis par nom. Indiquez une commune pour voir les lieux les plus proches en premier."}</p>
          {d.resultat.total === 0 ? <p>Essayez avec moins de critères ou une distance plus grande.</p> : null}
          <ListeLieux
            lieux={d.resultat.lieux}
            libelle="Lieux trouvés"
            premier={(d.resultat.page - 1) * d.resultat.par_page + 1}
            nouvelOnglet
            aujourdhui={new Date(d.aujourdhui)}
          />
          <Pagination
            page={d.resultat.page}
            pages={d.resultat.pages}
            lien={(page) => lienPage(d.liens, page)}
          />
        </section>
      )}
      <p className="embed-pied">
        <a href="/" target="_blank" rel="noopener">
          Propulsé par Passerelle<span className="visuellement-cache"> (nouvel onglet)</span>
        </a>{" "}
        — l'annuaire des lieux de médiation numérique de Bretagne.
      </p>
    </>
  );
}
