import { ConditionsOrientation, type ConditionsAffichees } from "./Conditions";

/** What the place page needs to offer a tracked referral (built by `orientationDuLieu`, lieu.server.ts). */
export interface OrienterLieu {
  conditions: ConditionsAffichees;
  /** Where a referral would go; "impossible": only the place's other modalities are shown. */
  destination: "structure" | "lien" | "impossible";
  raison: string | null;
  /** anonyme: not signed in; sans_structure: signed in but member of no structure; membre: may send. */
  visiteur: "anonyme" | "sans_structure" | "membre";
  peutModifier: boolean;
}

/** « Orienter une personne vers ce lieu » on the place page: the conditions first, then the way to send. */
export function SectionOrienter({ lieuId, o }: { lieuId: string; o: OrienterLieu }) {
  const nouvelle = `/orientations/nouvelle?lieu=${lieuId}`;
  return (
    <section aria-labelledby="titre-orienter" className="orienter-lieu pas-imprimer">
      <h2 id="titre-orienter">Orienter une personne vers ce lieu</h2>
      <ConditionsOrientation c={o.conditions} />
      {o.destination === "impossible" ? (
        <p className="avertissement">{o.raison ?? "Ce lieu ne reçoit pas d'orientations par Passerelle."}</p>
      ) : o.visiteur === "membre" ? (
        <p>
          <a className="bouton" href={nouvelle}>
            Orienter vers ce lieu
          </a>
        </p>
      ) : o.visiteur === "anonyme" ? (
        <p>
          Vous êtes un·e professionnel·le ? <a href={`/connexion?retour=${encodeURIComponent(nouvelle)}`}>Se connecter pour orienter</a>
        </p>
      ) : (
        <p>
          Pour orienter une personne et suivre la suite donnée, rejoignez ou créez votre structure dans <a href="/structures">Mes structures</a>.
        </p>
      )}
      {o.peutModifier ? (
        <p>
          <a href={`/lieux/${lieuId}/orientation`}>Modifier les conditions d'orientation</a>
        </p>
      ) : null}
    </section>
  );
}
