import type { FicheLieu } from "~/lieux/fiche/fiche.server";
import { formaterTelephone } from "../textes";

/** Address, position, contacts and the acceslibre sheet: the side column of a place page. */
export function ContactsFiche({ fiche }: { fiche: FicheLieu }) {
  const l = fiche.lieu;
  return (
    <section aria-labelledby="titre-contacts">
      <h2 id="titre-contacts">Adresse et contacts</h2>
      <address>
        {l.adresse}
        {l.complement_adresse ? (
          <>
            <br />
            {l.complement_adresse}
          </>
        ) : null}
        <br />
        {l.code_postal} {l.commune}
      </address>
      <p className="aide">
        {l.latitude !== undefined && l.longitude !== undefined
          ? fiche.position_approchee
            ? "Position sur la carte approximative : le centre de la commune."
            : `Position : ${l.latitude.toFixed(5).replace(".", ",")} N, ${l.longitude.toFixed(5).replace(".", ",")} ${l.longitude < 0 ? "(ouest)" : "(est)"}.`
          : "Position non connue."}
        {l.code_insee ? (
          <>
            {" "}
            <a href={`/lieux?commune=${l.code_insee}`}>Autres lieux près de {l.commune}</a>
          </>
        ) : null}
      </p>
      <ul>
        {l.telephone ? (
          <li>
            Téléphone : <a href={`tel:${l.telephone}`}>{formaterTelephone(l.telephone)}</a>
          </li>
        ) : null}
        {l.courriels.map((c) => (
          <li key={c}>
            Courriel : <a href={`mailto:${c}`}>{c}</a>
          </li>
        ))}
        {l.site_web.map((s) => (
          <li key={s}>
            Site internet : <a href={s} rel="noopener">{s.replace(/^https?:\/\/(www\.)?/, "").replace(/\/$/, "")}</a>
          </li>
        ))}
        {!l.telephone && l.courriels.length === 0 && l.site_web.length === 0 ? <li>Aucun contact indiqué.</li> : null}
      </ul>
      <h3>Accessibilité du lieu</h3>
      {l.fiche_acces_libre ? (
        <p>
          <a href={l.fiche_acces_libre} rel="noopener">
            Voir l'accessibilité du lieu sur Acceslibre
          </a>{" "}
          (entrée, stationnement, accueil des personnes en situation de handicap).
        </p>
      ) : (
        <p>Pas de fiche Acceslibre : demandez au lieu avant de venir si vous avez besoin d'un accès adapté.</p>
      )}
    </section>
  );
}
