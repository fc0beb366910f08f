import { LIBELLES_MODALITES, type Modalite } from "~/orientation/suivi/vocabulaire";

/** The orientation conditions as pages show them (dates already written in French by the loader). */
export interface ConditionsAffichees {
  publicAccueilli: string;
  modalites: Modalite[];
  aApporter: string;
  delais: string;
  accepteOrientations: boolean;
  /** Only for signed-in professionals: structure addresses, kept from scrapers. */
  courrielOrientation: string | null;
  telephoneOrientation: string | null;
  modifieLe: string | null;
}

/** What a place states before anyone refers a person to it: who, how, what to bring, delays. */
export function ConditionsOrientation({ c, niveau = 3 }: { c: ConditionsAffichees; niveau?: 2 | 3 }) {
  const Titre = `h${niveau}` as const;
  const rien = c.publicAccueilli === "" && c.modalites.length === 0 && c.aApporter === "" && c.delais === "";
  if (rien) return <p>Le lieu n'a pas encore précisé ses conditions d'orientation : vérifiez ses horaires et ses services avant d'orienter quelqu'un.</p>;
  return (
    <div className="conditions-orientation">
      {c.publicAccueilli ? (
        <>
          <Titre>Qui le lieu peut accueillir</Titre>
          <p>{c.publicAccueilli}</p>
        </>
      ) : null}
      {c.modalites.length > 0 ? (
        <>
          <Titre>Comment orienter</Titre>
          <ul>
            {c.modalites.map((m) => (
              <li key={m}>
                {LIBELLES_MODALITES[m]}
                {m === "courriel" && c.courrielOrientation ? (
                  <>
                    {" : "}
                    <a href={`mailto:${c.courrielOrientation}`}>{c.courrielOrientation}</a>
                  </>
                ) : null}
                {m === "telephone" && c.telephoneOrientation ? (
                  <>
                    {" : "}
                    <a href={`tel:${c.telephoneOrientation.replace(/\s/g, "")}`}>{c.telephoneOrientation}</a>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {c.aApporter ? (
        <>
          <Titre>Ce que la personne doit apporter</Titre>
          <p>{c.aApporter}</p>
        </>
      ) : null}
      {c.delais ? (
        <>
          <Titre>Délais</Titre>
          <p>{c.delais}</p>
        </>
      ) : null}
      {c.modifieLe ? <p className="aide">Conditions mises à jour le {c.modifieLe}.</p> : null}
    </div>
  );
}
