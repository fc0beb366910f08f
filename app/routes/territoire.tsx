import { data } from "react-router";
import { chargerPageTerritoire, type LienTerritoire } from "~/territoire/pages/page-territoire.server";
import { ErreurPasserelle } from "~/platform/erreurs";
import { versLieuCarte } from "~/ui/CarteLieu";
import { ListeLieux } from "~/ui/ListeLieux";
import { Pagination } from "~/ui/Pagination";
import { formaterNombre } from "~/ui/textes";
import type { Route } from "./+types/territoire";

const GENRES: Record<LienTerritoire["type"], string> = {
  region: "Région",
  departement: "Département",
  epci: "Intercommunalité",
  commune: "Commune",
};

const lienTerritoire = (t: LienTerritoire) => `/territoires/${t.type}/${t.code}`;

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const page = Number(new URL(request.url).searchParams.get("page") ?? "1");
  try {
    const t = await chargerPageTerritoire(context.db, context.referentiel, params.type, params.code, { page: Number.isInteger(page) ? page : 1 });
    return { ...t, lieux: t.lieux.map(versLieuCarte) };
  } catch (e) {
    if (e instanceof ErreurPasserelle && e.code === "introuvable") throw data("Territoire introuvable", { status: 404 });
    throw e;
  }
}

export function meta({ data: t }: Route.MetaArgs) {
  return [{ title: t ? `${t.nom} : les lieux de médiation numérique — Passerelle` : "Territoire introuvable — Passerelle" }];
}

export default function Territoire({ loaderData: t }: Route.ComponentProps) {
  const premier = (t.page - 1) * t.par_page + 1;
  const titreSous = t.type === "region" ? "Départements" : t.type === "departement" ? "Intercommunalités" : "Communes";
  return (
    <>
      {t.parents.length > 0 ? (
        <nav aria-label="Fil d'Ariane">
          <ol className="fil-ariane">
            {t.parents.map((p) => (
              <li key={p.code}>
                <a href={lienTerritoire(p)}>{p.nom}</a>
              </li>
            ))}
            <li aria-current="page">{t.nom}</li>
          </ol>
        </nav>
      ) : null}
      <h1>
        {t.nom} <span className="aide">({GENRES[t.type]})</span>
      </h1>
      <p>
        {formaterNombre(t.population)} habitants · <strong>{formaterNombre(t.total)}</strong> lieu{t.total > 1 ? "x" : ""} de médiation numérique
        {t.total > 0 && t.population > 0 ? ` · ${(Math.round((t.total / t.population) * 100_000) / 10).toLocaleString("fr-FR")} pour 10 000 habitants` : ""}
      </p>
      <p>
        <a href={`${lienTerritoire(t)}/diagnostic`}>Diagnostic du territoire</a> : besoins d'accompagnement au numérique et offre de médiation, cartes et rapport pour les élus.
      </p>
      {t.type === "commune" ? (
        <p>
          <a className="bouton" href={`/lieux?commune=${t.code}`}>
            Chercher les lieux autour de {t.nom}
          </a>
        </p>
      ) : null}

      <div className="fiche-sections">
        <div>
          <h2 id="titre-lieux-territoire">Les lieux</h2>
          {t.total === 0 ? (
            <p>Aucun lieu n'est enregistré dans ce territoire. Les lieux des communes voisines peuvent vous aider : cherchez depuis une commune proche.</p>
          ) : (
            <>
              <p>
                Par ordre alphabétique{t.pages > 1 ? ` — page ${t.page} sur ${t.pages}` : ""}.
              </p>
              <ListeLieux lieux={t.lieux} libelle={`Lieux de ${t.nom}`} premier={premier} />
              <Pagination page={t.page} pages={t.pages} lien={(page) => (page === 1 ? lienTerritoire(t) : `${lienTerritoire(t)}?page=${page}`)} />
            </>
          )}
        </div>
        <div>
          <table>
            <caption>Lieux par besoin</caption>
            <thead>
              <tr>
                <th scope="col">Besoin</th>
                <th scope="col" className="nombre">Lieux</th>
              </tr>
            </thead>
            <tbody>
              {t.parService.map((s) => (
                <tr key={s.service}>
                  <th scope="row">{s.libelle}</th>
                  <td className="nombre">{formaterNombre(s.lieux)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <table>
            <caption>Lieux par programme national</caption>
            <thead>
              <tr>
                <th scope="col">Programme</th>
                <th scope="col" className="nombre">Lieux</th>
              </tr>
            </thead>
            <tbody>
              {t.parProgramme.map((p) => (
                <tr key={p.programme}>
                  <th scope="row">{p.programme}</th>
                  <td className="nombre">{formaterNombre(p.lieux)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="aide">Un lieu peut proposer plusieurs services et relever de plusieurs programmes : les lignes ne s'additionnent pas.</p>
        </div>
      </div>

      {t.sousTerritoires.length > 0 ? (
        <div className="tableau-defilant">
          <table>
            <caption>{titreSous} de {t.nom}</caption>
            <thead>
              <tr>
                <th scope="col">Nom</th>
                <th scope="col" className="nombre">Habitants</th>
                <th scope="col" className="nombre">Lieux</th>
              </tr>
            </thead>
            <tbody>
              {t.sousTerritoires.map((s) => (
                <tr key={`${s.type}-${s.code}`}>
                  <th scope="row">
                    <a href={lienTerritoire(s)}>{s.nom}</a>
                  </th>
                  <td className="nombre">{formaterNombre(s.population)}</td>
                  <td className="nombre">{formaterNombre(s.lieux)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
