import type { FicheLieu } from "~/lieux/fiche/fiche.server";
import { dateParis, formaterDate, formaterHeure, formaterJourHeure } from "../textes";

const heure = (hhmm: string) => hhmm.replace(":", " h ");

/** "Ouvert maintenant — ferme à 12 h 00" / "Fermé — ouvre lundi à 9 h 00"; unknown hours are never "fermé". */
export function EtatOuverture({ fiche }: { fiche: FicheLieu }) {
  if (fiche.ouvert_maintenant === undefined) return <p className="badge-seul etat">Horaires non renseignés : appelez avant de venir</p>;
  const changement = fiche.prochain_changement === undefined ? undefined : new Date(fiche.prochain_changement);
  const quand = changement ? (dateParis(changement) === fiche.aujourdhui ? `à ${formaterHeure(changement)}` : formaterJourHeure(changement)) : undefined;
  return fiche.ouvert_maintenant ? (
    <p className="badge-seul etat-ouvert">Ouvert maintenant{quand ? ` — ferme ${quand}` : ""}</p>
  ) : (
    <p className="badge-seul etat-ferme">Fermé maintenant{quand ? ` — ouvre ${quand}` : ""}</p>
  );
}

/** This week's hours, Monday to Sunday, with today marked and public holidays named. */
export function HorairesSemaine({ fiche }: { fiche: FicheLieu }) {
  if (fiche.semaine.length === 0) {
    return fiche.lieu.horaires ? (
      <p>
        Horaires indiqués par la source : <code>{fiche.lieu.horaires}</code>
      </p>
    ) : (
      <p>Ce lieu n'a pas indiqué ses horaires. Téléphonez ou écrivez-lui avant de vous déplacer.</p>
    );
  }
  return (
    <div className="horaires-wrap">
      <table className="horaires">
        <caption>Horaires de la semaine du {formaterDate(fiche.semaine[0]?.date ?? fiche.aujourdhui)}</caption>
        <thead>
          <tr>
            <th scope="col">Jour</th>
            <th scope="col">Horaires</th>
          </tr>
        </thead>
        <tbody>
          {fiche.semaine.map((j) => {
            const aujourdhui = j.date === fiche.aujourdhui;
            return (
              <tr key={j.date} className={aujourdhui ? "aujourdhui" : undefined} aria-current={aujourdhui ? "date" : undefined}>
                <th scope="row">
                  {j.jour} {formaterDate(j.date).replace(/ \d{4}$/, "")}
                  {aujourdhui ? " (aujourd'hui)" : ""}
                </th>
                <td>
                  {j.plages.length === 0 ? "Fermé" : j.plages.map((p) => `${heure(p.debut)} – ${heure(p.fin)}`).join(", ")}
                  {j.ferie ? ` (jour férié : ${j.ferie})` : ""}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
