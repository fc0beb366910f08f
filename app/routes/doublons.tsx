import { data } from "react-router";
import { exigerSession } from "~/comptes/session.server";
import { pairesARevoir } from "~/lieux/doublons/revue.server";
import { ErreurPasserelle } from "~/platform/erreurs";
import "~/comptes/comptes.css";
import "~/ui/doublons/doublons.css";
import type { Route } from "./+types/doublons";

export function meta() {
  return [{ title: "Doublons à revoir — Passerelle" }];
}

const DEPARTEMENT = /^(\d{2,3}|2[AB])$/;

/** Uncertain pairs of the person's territory (all of them for administrators), most likely first. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const session = await exigerSession(request, context);
  const url = new URL(request.url);
  const demande = (url.searchParams.get("departement") ?? "").trim().toUpperCase();
  const departement = DEPARTEMENT.test(demande) ? demande : "";
  try {
    const paires = await pairesARevoir(context.db, session.utilisateur, context.referentiel, { departement: departement || undefined });
    return { paires, departement, fait: url.searchParams.get("fait"), lieu: url.searchParams.get("lieu") };
  } catch (e) {
    if (e instanceof ErreurPasserelle && e.code === "interdit") throw data(e.message, { status: 403 });
    throw e;
  }
}

const pourcent = (score: number) => `${Math.round(score * 100)} %`;

export default function Doublons({ loaderData: { paires, departement, fait, lieu } }: Route.ComponentProps) {
  return (
    <div className="comptes">
      <h1>Doublons à revoir</h1>
      <p>
        À l'import, ces paires de lieux se ressemblent sans que Passerelle puisse être sûr qu'il s'agit du même lieu. Comparez-les, puis fusionnez-les ou
        indiquez que ce sont deux lieux différents : la décision est retenue pour les prochains imports.
      </p>
      {fait === "fusion" ? (
        <p className="message-succes" role="status">
          Les deux lieux sont fusionnés. {lieu ? <a href={`/lieux/${lieu}`}>Voir le lieu fusionné</a> : null}
        </p>
      ) : null}
      {fait === "differents" ? (
        <p className="message-succes" role="status">
          C'est noté : ces deux lieux resteront séparés.
        </p>
      ) : null}
      <form method="get">
        <label htmlFor="departement">Département (code, par exemple 35)</label>{" "}
        <input id="departement" name="departement" defaultValue={departement} size={4} maxLength={3} inputMode="text" />{" "}
        <button type="submit">Filtrer</button>
      </form>
      {paires.length === 0 ? (
        <p>Aucun doublon à revoir{departement ? ` dans le département ${departement}` : ""}.</p>
      ) : (
        <table>
          <caption>
            {paires.length} paire{paires.length > 1 ? "s" : ""} à revoir
          </caption>
          <thead>
            <tr>
              <th scope="col">Premier lieu</th>
              <th scope="col">Second lieu</th>
              <th scope="col">Score</th>
              <th scope="col">Indices</th>
            </tr>
          </thead>
          <tbody>
            {paires.map((p) => (
              <tr key={p.id}>
                <td>
                  <a href={`/doublons/${p.id}`}>
                    {p.a.nom} — {p.b.nom}
                  </a>
                  <br />
                  {p.a.commune}
                </td>
                <td>
                  {p.b.nom}
                  <br />
                  {p.b.commune}
                </td>
                <td>{pourcent(p.score)}</td>
                <td>
                  {p.signaux
                    .slice(0, 3)
                    .map((s) => `${s.libelle} : ${s.valeur}`)
                    .join(" ; ")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
