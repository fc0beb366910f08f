import { exigerSession } from "~/comptes/session.server";
import { dateHeureEnFrancais } from "~/platform/courriel/gabarit";
import { accesDe } from "~/remontees/acces.server";
import { agregats, listerRemontees } from "~/remontees/remontees.server";
import { lireFiltres } from "~/remontees/saisie";
import { TableauAgregats, TableauRemontees } from "~/remontees/ui/Tableaux";
import { LIBELLES_OPERATEURS, LIBELLES_STATUTS_REMONTEES, LIBELLES_THEMES, OPERATEURS, STATUTS_REMONTEES, THEMES } from "~/remontees/vocabulaire";
import { ChampListe } from "~/structures/ui/Champs";
import "~/comptes/comptes.css";
import "~/structures/ui/structures.css";
import "~/remontees/ui/remontees.css";
import type { Route } from "./+types/remontees";

export function meta() {
  return [{ title: "Remontées de terrain — Passerelle" }];
}

/** Everyone signed in: the counts per operator and theme; the list holds only what the person may read. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const session = await exigerSession(request, context);
  const { filtres } = lireFiltres(new URL(request.url).searchParams);
  const a = await accesDe(context.db, context.referentiel, session.utilisateur);
  const [chiffres, lignes] = await Promise.all([agregats(context.db, filtres), a ? listerRemontees(context, a, filtres) : []]);
  return {
    filtres,
    agregats: chiffres,
    lignes: lignes.map((l) => ({ id: l.id, creeLe: dateHeureEnFrancais(l.creeLe), operateur: l.operateur, demarche: l.demarche, theme: l.theme, territoire: l.territoire.nom, personnes: l.personnes, statut: l.statut, reponses: l.reponses })),
    peutCreer: (a?.structuresAuteures.length ?? 0) > 0,
    correspondant: [...(a?.operateurs.keys() ?? [])].map((o) => LIBELLES_OPERATEURS[o]),
  };
}

const OPTIONS = {
  operateur: OPERATEURS.map((o) => ({ valeur: o, libelle: LIBELLES_OPERATEURS[o] })),
  theme: THEMES.map((t) => ({ valeur: t, libelle: LIBELLES_THEMES[t] })),
  statut: STATUTS_REMONTEES.map((s) => ({ valeur: s, libelle: LIBELLES_STATUTS_REMONTEES[s] })),
};

export default function Remontees({ loaderData: d }: Route.ComponentProps) {
  const f = d.filtres;
  return (
    <div className="comptes large">
      <h1>Remontées de terrain</h1>
      <p>Les problèmes bloquants rencontrés sur les démarches en ligne des opérateurs (CAF, Assurance maladie, France Travail, impôts…), signalés par les médiateur·rices et suivis par les correspondant·es de chaque opérateur.</p>
      {d.correspondant.length > 0 ? <p className="message-info">Vous répondez aux remontées adressées à : {d.correspondant.join(", ")}.</p> : null}
      {d.peutCreer ? (
        <p>
          <a className="bouton" href="/remontees/nouvelle">
            Faire une remontée
          </a>
        </p>
      ) : null}
      <form method="get" className="filtres" aria-label="Filtrer les remontées">
        <ChampListe id="operateur" name="operateur" libelle="Opérateur" conditionnel defaultValue={f.operateur ?? ""} options={OPTIONS.operateur} choisir="Tous" />
        <ChampListe id="theme" name="theme" libelle="Thème" conditionnel defaultValue={f.theme ?? ""} options={OPTIONS.theme} choisir="Tous" />
        <ChampListe id="statut" name="statut" libelle="Statut (liste seulement)" conditionnel defaultValue={f.statut ?? ""} options={OPTIONS.statut} choisir="Tous" />
        <button type="submit" className="bouton-secondaire">
          Filtrer
        </button>
      </form>

      <section aria-labelledby="titre-chiffres">
        <h2 id="titre-chiffres">Les chiffres</h2>
        <p>Toutes les remontées, sans leur contenu : le nombre par statut et les personnes concernées.</p>
        <TableauAgregats lignes={d.agregats} />
      </section>

      <section aria-labelledby="titre-liste">
        <h2 id="titre-liste">Les remontées que vous pouvez lire</h2>
        <p>Le détail d'une remontée est lisible par la structure qui l'a faite, les correspondant·es de l'opérateur, la coordination du territoire et les administrateurs.</p>
        <p role="status">{d.lignes.length === 0 ? "Aucune remontée à lire pour ces critères." : `${d.lignes.length} remontée${d.lignes.length > 1 ? "s" : ""}.`}</p>
        {d.lignes.length > 0 ? <TableauRemontees lignes={d.lignes} /> : null}
      </section>
    </div>
  );
}
