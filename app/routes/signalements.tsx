import { data } from "react-router";
import { exigerSession } from "~/comptes/session.server";
import { servicesSignalements } from "~/lieux/signalements/services.server";
import { LIBELLES_STATUTS, STATUTS_SIGNALEMENT } from "~/lieux/signalements/statuts";
import { listerSignalements } from "~/lieux/signalements/traitement.server";
import { appartient } from "~/platform/listes";
import { ErreurPasserelle } from "~/platform/erreurs";
import { dateHeureEnFrancais } from "~/platform/courriel/gabarit";
import { categoriesEnClair } from "~/ui/signalements/libelles";
import "~/comptes/comptes.css";
import type { Route } from "./+types/signalements";

export function meta() {
  return [{ title: "Signalements à traiter — Passerelle" }];
}

/** Tickets of the places the person may edit, newest first, filtered by status. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const session = await exigerSession(request, context);
  const demande = new URL(request.url).searchParams.get("statut") ?? "";
  const statut = appartient(STATUTS_SIGNALEMENT, demande) ? demande : null;
  try {
    const lignes = await listerSignalements(servicesSignalements(context), session.utilisateur, statut);
    return { statut, lignes: lignes.map((l) => ({ ...l, creeLe: dateHeureEnFrancais(l.creeLe), categories: categoriesEnClair(l.categories) })) };
  } catch (e) {
    if (e instanceof ErreurPasserelle && e.code === "interdit") throw data(e.message, { status: 403 });
    throw e;
  }
}

export default function Signalements({ loaderData: { statut, lignes } }: Route.ComponentProps) {
  return (
    <div className="comptes">
      <h1>Signalements à traiter</h1>
      <p>Les erreurs signalées sur les lieux que vous pouvez modifier, les plus récentes d'abord.</p>
      <form method="get">
        <label htmlFor="statut">Statut</label>{" "}
        <select id="statut" name="statut" defaultValue={statut ?? ""}>
          <option value="">Tous</option>
          {STATUTS_SIGNALEMENT.map((s) => (
            <option key={s} value={s}>
              {LIBELLES_STATUTS[s]}
            </option>
          ))}
        </select>{" "}
        <button type="submit" className="bouton-secondaire">
          Filtrer
        </button>
      </form>
      <p role="status">{lignes.length === 0 ? "Aucun signalement." : `${lignes.length} signalement${lignes.length > 1 ? "s" : ""}.`}</p>
      {lignes.length > 0 ? (
        <table>
          <thead>
            <tr>
              <th scope="col">Reçu le</th>
              <th scope="col">Lieu</th>
              <th scope="col">Ce qui serait faux</th>
              <th scope="col">Statut</th>
            </tr>
          </thead>
          <tbody>
            {lignes.map((l) => (
              <tr key={l.id}>
                <td>
                  <a href={`/signalements/${l.id}`}>{l.creeLe}</a>
                </td>
                <td>
                  {l.lieu} ({l.commune})
                </td>
                <td>{l.categories}</td>
                <td>{LIBELLES_STATUTS[l.statut]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
