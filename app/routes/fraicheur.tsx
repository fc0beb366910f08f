import { data, redirect } from "react-router";
import { exigerSession } from "~/comptes/session.server";
import { prendreEnCharge, tableauFraicheur } from "~/lieux/fraicheur/tableau.server";
import { ErreurPasserelle } from "~/platform/erreurs";
import { formaterDate } from "~/ui/textes";
import "~/comptes/comptes.css";
import type { Route } from "./+types/fraicheur";

export function meta() {
  return [{ title: "Fraîcheur des lieux de mon territoire — Passerelle" }];
}

function enPage(e: unknown): never {
  if (e instanceof ErreurPasserelle && e.code === "interdit") throw data(e.message, { status: 403 });
  if (e instanceof ErreurPasserelle && e.code === "introuvable") throw data(e.message, { status: 404 });
  throw e;
}

/** Coordinators (their territories) and administrators (the region): stale places, open tickets, unowned places. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const session = await exigerSession(request, context);
  const url = new URL(request.url);
  const t = await tableauFraicheur(context.db, context.referentiel, session.utilisateur, { territoire: url.searchParams.get("territoire") ?? "", fraicheurMois: context.config.fraicheurMois }).catch(enPage);
  return { ...t, mois: context.config.fraicheurMois, pris: url.searchParams.get("pris") === "1" };
}

export async function action({ request, context }: Route.ActionArgs) {
  const session = await exigerSession(request, context);
  const form = await request.formData();
  const lieuId = String(form.get("lieu") ?? "");
  try {
    await prendreEnCharge(context.db, context.referentiel, session.utilisateur, { lieuId, structureId: String(form.get("structure") ?? "") });
  } catch (e) {
    if (e instanceof ErreurPasserelle && e.code === "conflit") return data({ erreur: e.message }, { status: 409 });
    return enPage(e);
  }
  const territoire = String(form.get("territoire") ?? "");
  return redirect(`/fraicheur?${new URLSearchParams({ ...(territoire ? { territoire } : {}), pris: "1" }).toString()}`, 303);
}

export default function Fraicheur({ loaderData: d, actionData }: Route.ComponentProps) {
  return (
    <div className="comptes large">
      <h1>Fraîcheur des lieux de mon territoire</h1>
      <form method="get">
        <label htmlFor="territoire">Territoire</label>{" "}
        <select id="territoire" name="territoire" defaultValue={d.territoire}>
          <option value="">Tous mes territoires</option>
          {d.territoires.map((t) => (
            <option key={t.code} value={t.code}>
              {t.libelle}
            </option>
          ))}
        </select>{" "}
        <button type="submit" className="bouton-secondaire">
          Afficher
        </button>
      </form>
      {d.pris ? (
        <p className="message-info" role="status">
          Le lieu est désormais géré par votre structure : ses membres peuvent le modifier et recevront ses rappels.
        </p>
      ) : null}
      {actionData?.erreur ? (
        <p className="message-erreur" role="alert">
          {actionData.erreur}
        </p>
      ) : null}
      <ul>
        <li>
          <strong>{d.perimes.total}</strong> lieu{d.perimes.total > 1 ? "x" : ""} à vérifier (non confirmé{d.perimes.total > 1 ? "s" : ""} depuis {d.mois} mois ou plus)
        </li>
        <li>
          <strong>{d.signalementsOuverts}</strong> signalement{d.signalementsOuverts > 1 ? "s" : ""} en attente ou en cours : <a href="/signalements">voir les signalements</a>
        </li>
        <li>
          <strong>{d.sansProprietaire.total}</strong> lieu{d.sansProprietaire.total > 1 ? "x" : ""} sans structure qui les gère
        </li>
      </ul>
      <p>
        <a href="/coordination/orientations">Orientations de mon territoire</a> : quels liens entre structures fonctionnent, où les orientations restent sans réponse.
      </p>

      <h2>Lieux à vérifier</h2>
      {d.perimes.total > d.perimes.lieux.length ? <p>Les {d.perimes.lieux.length} plus anciens :</p> : null}
      {d.perimes.lieux.length === 0 ? (
        <p>Aucun lieu à vérifier.</p>
      ) : (
        <ul>
          {d.perimes.lieux.map((l) => (
            <li key={l.id}>
              <a href={`/lieux/${l.id}`}>{l.nom}</a> ({l.commune}), informations du {formaterDate(l.date_maj)}
            </li>
          ))}
        </ul>
      )}

      <h2>Lieux sans structure</h2>
      <p>Personne ne reçoit leurs rappels à part la coordination. Prenez-les en charge avec une de vos structures, ou invitez le lieu à créer la sienne.</p>
      {d.structures.length === 0 && d.sansProprietaire.lieux.length > 0 ? (
        <p>
          Pour prendre un lieu en charge, <a href="/structures/nouvelle">créez</a> ou rejoignez d'abord une structure.
        </p>
      ) : null}
      {d.sansProprietaire.total > d.sansProprietaire.lieux.length ? <p>Les {d.sansProprietaire.lieux.length} premiers :</p> : null}
      {d.sansProprietaire.lieux.length === 0 ? (
        <p>Tous les lieux ont une structure.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Lieu</th>
              <th scope="col">Informations du</th>
              <th scope="col">Prendre en charge</th>
            </tr>
          </thead>
          <tbody>
            {d.sansProprietaire.lieux.map((l) => (
              <tr key={l.id}>
                <td>
                  <a href={`/lieux/${l.id}`}>{l.nom}</a> ({l.commune})
                </td>
                <td>{formaterDate(l.date_maj)}</td>
                <td>
                  {d.structures.length > 0 ? (
                    <form method="post">
                      <input type="hidden" name="lieu" value={l.id} />
                      <input type="hidden" name="territoire" value={d.territoire} />
                      <label htmlFor={`structure-${l.id}`}>Avec la structure</label>{" "}
                      <select id={`structure-${l.id}`} name="structure">
                        {d.structures.map((s) => (
                          <option key={s.id} value={s.id}>
                            {s.nom}
                          </option>
                        ))}
                      </select>{" "}
                      <button type="submit">Prendre en charge</button>
                    </form>
                  ) : (
                    "—"
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
