import { useEffect, useRef, useState, type FormEvent } from "react";
import { Form, Link, redirect, useFetcher, useLocation } from "react-router";
import { NOMBRE_ETAPES, TITRES_ETAPES, champsCaches, lienVue, type NumeroEtape } from "~/orientation/parcours";
import { preparerOrientation } from "~/orientation/orientation.server";
import { Progression, ResumeErreurs, VosChoix } from "~/ui/orientation/Cadre";
import { Compteur } from "~/ui/orientation/Compteur";
import { EtapeAccueil, EtapeBesoin, EtapeOu, EtapeQuand, type ProprietesEtape } from "~/ui/orientation/Etapes";
import { ResultatsOrientation } from "~/ui/orientation/ResultatsOrientation";
import "~/ui/orientation/orientation.css";
import type { Route } from "./+types/orientation";

export async function loader({ request, context }: Route.LoaderArgs) {
  const maintenant = new Date();
  const issue = await preparerOrientation(context.db, context.referentiel, new URL(request.url).searchParams, { maintenant });
  if (issue.type === "redirection") throw redirect(issue.vers);
  return { ...issue.etat, aujourdhui: maintenant.toISOString() };
}

function titreEcran(vue: NumeroEtape | "resultats"): string {
  return vue === "resultats" ? "Les lieux qui peuvent vous aider" : `Étape ${vue} sur ${NOMBRE_ETAPES} : ${TITRES_ETAPES[vue]}`;
}

export function meta({ data: d }: Route.MetaArgs) {
  const erreur = d && d.parcours.erreurs.length > 0 ? "Erreur : " : "";
  return [
    { title: `${erreur}${d ? titreEcran(d.parcours.vue) : "Être orienté"} — Orientation — Passerelle` },
    { name: "description", content: "Quatre questions courtes pour trouver un lieu près de chez soi où être aidé avec le numérique, puis une fiche à imprimer." },
  ];
}

const CHAMPS: Record<NumeroEtape, (p: ProprietesEtape) => React.ReactNode> = { 1: EtapeBesoin, 2: EtapeOu, 3: EtapeAccueil, 4: EtapeQuand };

export default function Orientation({ loaderData: d }: Route.ComponentProps) {
  const { parcours, centre } = d;
  const { vue, criteres, erreurs } = parcours;
  const location = useLocation();
  const titre = useRef<HTMLHeadingElement>(null);
  const premier = useRef(true);
  const compte = useFetcher<typeof loader>();
  const [modifie, setModifie] = useState(false);
  const [js, setJs] = useState(false);
  const minuterie = useRef<ReturnType<typeof setTimeout>>(undefined);

  useEffect(() => setJs(true), []);
  // A new screen: focus its heading (or the problems) so that keyboard and screen reader users start there.
  useEffect(() => {
    setModifie(false);
    if (premier.current) {
      premier.current = false;
      return;
    }
    const cible = document.getElementById("resume-erreurs") ?? titre.current;
    cible?.focus();
  }, [location.key]);

  // With JavaScript, the count follows each box ticked, without leaving the step.
  function recompter(form: HTMLFormElement) {
    clearTimeout(minuterie.current);
    minuterie.current = setTimeout(() => {
      const q = new URLSearchParams();
      for (const [cle, valeur] of new FormData(form)) if (typeof valeur === "string") q.append(cle, valeur);
      q.set("etape", String(vue));
      setModifie(true);
      void compte.load(`/orientation?${q.toString()}`);
    }, 350);
  }
  const surChangement = (e: FormEvent<HTMLFormElement>) => recompter(e.currentTarget);
  const formulaire = useRef<HTMLFormElement>(null);

  const live = modifie && compte.data ? compte.data : undefined;
  const total = live ? live.total : d.total;
  const suggestions = live ? live.suggestions : d.suggestions;
  const lieuChoisi = centre ? (criteres.lat !== undefined && criteres.ou === undefined ? "Autour de votre position" : `Près de ${centre.libelle}`) : undefined;

  return (
    <div className="orientation">
      <Progression vue={vue} criteres={criteres} />
      <h1 ref={titre} tabIndex={-1} id="titre-etape">
        {vue === "resultats" ? (
          titreEcran(vue)
        ) : (
          <>
            <span className="etape-numero">
              Étape {vue} sur {NOMBRE_ETAPES}
              <span className="visuellement-cache"> :</span>
            </span>{" "}
            {TITRES_ETAPES[vue]}
          </>
        )}
      </h1>
      {vue === 1 ? (
        <p className="intro">
          Répondez à 4 questions courtes : nous vous montrons les lieux près de chez vous qui peuvent vous aider, puis vous imprimez une fiche avec
          l'adresse et les horaires. Vous pouvez aussi remplir ce questionnaire pour une autre personne. Rien n'est enregistré.
        </p>
      ) : null}
      <ResumeErreurs erreurs={erreurs} />
      {vue === "resultats" ? (
        <>
          <Compteur total={total} suggestions={suggestions} enCours={false} />
          <VosChoix criteres={criteres} vue={vue} {...(lieuChoisi ? { lieu: lieuChoisi } : {})} />
          {d.lieux.length > 0 ? (
            <ResultatsOrientation lieux={d.lieux} total={d.total ?? 0} criteres={criteres} choisis={d.choisis} erreurs={erreurs} aujourdhui={new Date(d.aujourdhui)} />
          ) : null}
          <p className="navigation-etapes">
            <Link to={lienVue(criteres, 4)}>Retour à l'étape précédente</Link> <a href="/orientation">Recommencer</a>
          </p>
        </>
      ) : (
        <Form method="get" action="/orientation" ref={formulaire} onChange={surChangement} className="formulaire-etape" key={location.search}>
          {champsCaches(criteres, vue).map(([cle, valeur], i) => (
            <input key={`${cle}-${i}`} type="hidden" name={cle} value={valeur} />
          ))}
          {CHAMPS[vue]({
            criteres,
            erreurs,
            quand: parcours.quand,
            ...(centre && vue === 2 ? { centre: centre.libelle } : {}),
            ...(vue === 2 ? { onPosition: () => formulaire.current && recompter(formulaire.current) } : {}),
          })}
          <Compteur total={total} suggestions={suggestions} enCours={compte.state === "loading"} />
          <div className="actions">
            <button type="submit" name="etape" value={vue === NOMBRE_ETAPES ? "resultats" : String(vue + 1)}>
              {vue === NOMBRE_ETAPES ? "Voir les lieux" : "Continuer"}
            </button>
            {/* Without JavaScript, the count is refreshed by reloading the same step. */}
            <button type="submit" name="etape" value={String(vue)} className="bouton-secondaire" hidden={js}>
              Mettre à jour le nombre de lieux
            </button>
          </div>
          <p className="navigation-etapes">
            {vue > 1 ? <Link to={lienVue(criteres, vue === 2 ? 1 : vue === 3 ? 2 : 3)}>Retour à l'étape précédente</Link> : null}{" "}
            <a href="/orientation">Recommencer</a>
          </p>
          <VosChoix criteres={criteres} vue={vue} {...(lieuChoisi ? { lieu: lieuChoisi } : {})} />
        </Form>
      )}
    </div>
  );
}
