import { ModaliteAcces } from "@gouvfr-anct/lieux-de-mediation-numerique";
import type { LieuStandard } from "~/lieux/standard/lieu";
import { EXPLICATIONS_ACCES, EXPLICATIONS_ACCOMPAGNEMENT, EXPLICATIONS_FRAIS, formaterTelephone } from "../textes";

/** "Comment en profiter ?": access, fees, publics, adapted support and ways of being helped, in words. */
export function AccesFiche({ lieu, surRendezVous }: { lieu: LieuStandard; surRendezVous: boolean }) {
  const acces = lieu.modalites_acces;
  return (
    <section aria-labelledby="titre-acces">
      <h2 id="titre-acces">Comment en profiter ?</h2>
      <dl>
        <dt>Pour y aller</dt>
        <dd>
          {surRendezVous ? <p className="badge-seul badge-rdv">Sur rendez-vous</p> : null}
          {acces.length === 0 ? (
            <p>Le lieu n'a pas précisé comment y accéder : contactez-le avant de vous déplacer.</p>
          ) : (
            <ul>
              {acces.map((a) => (
                <li key={a}>
                  {EXPLICATIONS_ACCES[a] ?? a}
                  {a === ModaliteAcces.Telephoner && lieu.telephone ? (
                    <>
                      {" "}
                      <a href={`tel:${lieu.telephone}`}>{formaterTelephone(lieu.telephone)}</a>
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
          {lieu.prise_rdv ? (
            <p>
              <a className="bouton" href={lieu.prise_rdv} rel="noopener">
                Prendre rendez-vous en ligne
              </a>
            </p>
          ) : null}
        </dd>
        <dt>Prix</dt>
        <dd>{lieu.frais_a_charge.length === 0 ? "Non précisé" : lieu.frais_a_charge.map((f) => EXPLICATIONS_FRAIS[f] ?? f).join(" ; ")}</dd>
        <dt>Pour qui ?</dt>
        <dd>{lieu.publics_specifiquement_adresses.length === 0 ? "Tout public" : lieu.publics_specifiquement_adresses.join(", ")}</dd>
        {lieu.prise_en_charge_specifique.length > 0 ? (
          <>
            <dt>Aide adaptée</dt>
            <dd>{lieu.prise_en_charge_specifique.join(", ")}</dd>
          </>
        ) : null}
        {lieu.modalites_accompagnement.length > 0 ? (
          <>
            <dt>Façons d'être aidé</dt>
            <dd>
              <ul>
                {lieu.modalites_accompagnement.map((m) => (
                  <li key={m}>
                    <strong>{EXPLICATIONS_ACCOMPAGNEMENT[m]?.libelle ?? m}</strong> : {EXPLICATIONS_ACCOMPAGNEMENT[m]?.explication ?? ""}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
        <dt>Itinérance</dt>
        <dd>
          {lieu.itinerance.includes("Itinérant")
            ? `Ce lieu se déplace (bus, permanences dans plusieurs communes)${lieu.itinerance.includes("Fixe") ? ", et accueille aussi à cette adresse" : ""}.`
            : "Lieu fixe, à cette adresse."}
        </dd>
      </dl>
    </section>
  );
}
