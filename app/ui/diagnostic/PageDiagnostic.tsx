import { COLONNES_COMPARAISON, colonnesCommunes, PREFIXE_COMPARAISON, titresTableaux, TRI_COMMUNES, TRI_COMPARAISON } from "~/diagnostic/vues/colonnes";
import { formaterDateLongue } from "~/diagnostic/vues/format";
import { choisirIndicateur, indicateursCarte, servicesDe } from "~/diagnostic/vues/indicateurs-carte";
import { GENRES_TERRITOIRE, paragraphesMethode, sourcesRapport, texteHabitants } from "~/diagnostic/vues/methode";
import type { VueDiagnostic } from "~/diagnostic/vues/page.server";
import { lireTri } from "~/diagnostic/vues/tri";
import { CarteChoroplethe } from "./CarteChoroplethe";
import { lienDiagnostic, lienTerritoire, liensFichiers } from "./liens";
import { SectionBesoins } from "./SectionBesoins";
import { SectionEcarts, SectionEloignees } from "./SectionEcarts";
import { SectionOffre } from "./SectionOffre";
import { TableauTriable } from "./TableauTriable";

const SOMMAIRE = [
  ["titre-besoins", "Les besoins"],
  ["titre-offre", "L'offre"],
  ["cartes", "Les cartes"],
  ["titre-ecarts", "Les écarts"],
  ["titre-eloignees", "Communes éloignées"],
  ["titre-communes", "Les communes"],
  ["titre-sources", "Sources et méthode"],
] as const;

/** The diagnostic of a territory, in the order an elected official reads it: needs, offer, maps, gaps. */
export function PageDiagnostic({ vue }: { vue: VueDiagnostic }) {
  const r = vue.rapport;
  const services = servicesDe(r);
  const indicateur = choisirIndicateur(vue.carte, services);
  const params = new URLSearchParams(vue.requete);
  const colonnes = colonnesCommunes(indicateur, services);
  const { communes: titreCommunes, comparaison: titreComparaison } = titresTableaux(r);
  const gardes = [...params.entries()].filter(([cle]) => cle !== "carte");
  return (
    <div className="page-diagnostic">
      <nav aria-label="Fil d'Ariane" className="pas-imprimer">
        <ol className="fil-ariane">
          {r.parents.map((p) => (
            <li key={`${p.type}-${p.code}`}>
              <a href={lienDiagnostic(p)}>{p.nom}</a>
            </li>
          ))}
          <li>
            <a href={lienTerritoire(r)}>{r.nom}</a>
          </li>
          <li aria-current="page">Diagnostic</li>
        </ol>
      </nav>
      <h1>
        Diagnostic du territoire : {r.nom} <span className="aide">({GENRES_TERRITOIRE[r.type]})</span>
      </h1>
      <p className="intro-diagnostic">
        <strong>{texteHabitants(r.population)}</strong>. Besoins d'accompagnement au numérique et offre de médiation numérique, selon la méthode PORTREA.
        {r.donnees_a_jour_le === null ? " Aucune donnée chargée." : ` Données à jour au ${formaterDateLongue(r.donnees_a_jour_le)}.`}
      </p>
      <div className="diagnostic-outils pas-imprimer">
        <nav aria-labelledby="titre-sommaire">
          <h2 id="titre-sommaire" className="titre-outil">
            Sur cette page
          </h2>
          <ul>
            {SOMMAIRE.map(([ancre, texte]) => (
              <li key={ancre}>
                <a href={`#${ancre}`}>{texte}</a>
              </li>
            ))}
          </ul>
        </nav>
        <div>
          <h2 className="titre-outil">Télécharger, partager</h2>
          <ul>
            {liensFichiers(r, vue.carte).map((f) => (
              <li key={f.format}>
                <a href={f.href} {...(f.telecharger ? { download: "" } : {})}>
                  {f.libelle}
                </a>
              </li>
            ))}
            <li>
              <a href={lienTerritoire(r)}>Les lieux de {r.nom}</a>
            </li>
          </ul>
        </div>
      </div>

      <SectionBesoins rapport={r} />
      <SectionOffre offre={r.offre} population={r.population} />

      <section aria-labelledby="cartes" className="section-diagnostic">
        <h2 id="cartes" tabIndex={-1}>
          Les cartes
        </h2>
        <form method="get" action={`${vue.chemin}#cartes`} className="formulaire-carte pas-imprimer">
          <div className="champ">
            <label htmlFor="choix-carte">Indicateur montré sur les cartes</label>
            <select id="choix-carte" name="carte" defaultValue={vue.carte}>
              {indicateursCarte(services).map((i) => (
                <option key={i.cle} value={i.cle}>
                  {i.libelle}
                </option>
              ))}
            </select>
          </div>
          {gardes.map(([cle, valeur]) => (
            <input key={cle} type="hidden" name={cle} value={valeur} />
          ))}
          <button type="submit">Afficher la carte</button>
        </form>
        {vue.carteInconnue ? <p className="avertissement">L'indicateur demandé n'existe pas : les cartes montrent l'indice de fragilité numérique.</p> : null}
        {vue.cartes.length === 0 ? <p>Les contours de ce territoire ne sont pas disponibles : les tableaux donnent les chiffres.</p> : null}
        <div className="cartes">
          {vue.cartes.map((c) => (
            <CarteChoroplethe key={c.id} carte={c} ancreTableau={c.id === "carte-epci" || r.type === "commune" ? "tableau-comparaison" : "tableau-communes"} />
          ))}
        </div>
      </section>

      <SectionEcarts
        rapport={r}
        tri={lireTri(params, COLONNES_COMPARAISON, TRI_COMPARAISON, PREFIXE_COMPARAISON)}
        chemin={vue.chemin}
        requete={vue.requete}
        titreTableau={titreComparaison}
      />
      <SectionEloignees rapport={r} />

      <section aria-labelledby="titre-communes" className="section-diagnostic">
        <h2 id="titre-communes">Les communes</h2>
        <p>Les chiffres de chaque commune, ceux des cartes compris. « inconnu » : la donnée n'existe pas dans les sources importées.</p>
        <TableauTriable
          id="tableau-communes"
          titre={titreCommunes}
          colonnes={colonnes}
          lignes={r.communes}
          tri={lireTri(params, colonnes, TRI_COMMUNES)}
          chemin={vue.chemin}
          requete={vue.requete}
          colonneNom="nom"
          colonneCarte={indicateur.cle}
          cleLigne={(l) => l.code}
          lienLigne={(l) => (r.type === "commune" ? undefined : lienDiagnostic(l))}
        />
      </section>

      <section aria-labelledby="titre-sources" className="section-diagnostic">
        <h2 id="titre-sources">Sources et méthode</h2>
        {paragraphesMethode(r).map((p) => (
          <p key={p}>{p}</p>
        ))}
        <ul>
          {sourcesRapport(r).map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ul>
      </section>
    </div>
  );
}
