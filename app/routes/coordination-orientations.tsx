import { data } from "react-router";
import { exigerSession } from "~/comptes/session.server";
import { fluxOrientations, type Chiffres } from "~/orientation/suivi/flux.server";
import { dureeEnClair, LIEUX_MAX, SANS_COMPTE } from "~/orientation/suivi/tableaux";
import { ErreurPasserelle } from "~/platform/erreurs";
import { appartient } from "~/platform/listes";
import { droitsDe } from "~/structures/droits.server";
import { LIBELLES_TYPES, TYPES_STRUCTURES } from "~/structures/vocabulaire";
import { moisEnClair, nombreEnClair, partEnClair } from "~/ui/orientations/chiffres";
import "~/comptes/comptes.css";
import "~/ui/orientations/tableaux.css";
import type { Route } from "./+types/coordination-orientations";

export function meta() {
  return [{ title: "Orientations de mon territoire — Passerelle" }];
}

/** Coordinators (their territories) and administrators (the region): flows of referrals, counts and delays only. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const session = await exigerSession(request, context);
  const droits = await droitsDe(context.db, session.utilisateur, context.referentiel);
  try {
    return await fluxOrientations(context.db, context.referentiel, droits, { territoire: new URL(request.url).searchParams.get("territoire") ?? "" });
  } catch (e) {
    if (e instanceof ErreurPasserelle && e.code === "interdit") throw data(e.message, { status: 403 });
    throw e;
  }
}

const typeEnClair = (t: string) => (t === SANS_COMPTE ? "Lieu sans compte (lien par courriel)" : appartient(TYPES_STRUCTURES, t) ? LIBELLES_TYPES[t] : t);

function EntetesChiffres() {
  return (
    <>
      <th scope="col" className="nombre">
        Orientations
      </th>
      <th scope="col" className="nombre">
        Acceptées
      </th>
      <th scope="col" className="nombre">
        Refusées
      </th>
      <th scope="col" className="nombre">
        Expirées
      </th>
      <th scope="col" className="nombre">
        Annulées
      </th>
      <th scope="col" className="nombre">
        Sans réponse
      </th>
      <th scope="col" className="nombre">
        Délai médian de première réponse
      </th>
    </>
  );
}

function CellulesChiffres({ c }: { c: Chiffres }) {
  const part = (n: number) => ` (${partEnClair(c.total > 0 ? n / c.total : null)})`;
  return (
    <>
      <td className="nombre">{nombreEnClair(c.total)}</td>
      <td className="nombre">
        {nombreEnClair(c.acceptees)}
        {part(c.acceptees)}
      </td>
      <td className="nombre">
        {nombreEnClair(c.refusees)}
        {part(c.refusees)}
      </td>
      <td className="nombre">
        {nombreEnClair(c.expirees)}
        {part(c.expirees)}
      </td>
      <td className="nombre">
        {nombreEnClair(c.annulees)}
        {part(c.annulees)}
      </td>
      <td className="nombre">
        {nombreEnClair(c.sansReponse)}
        {part(c.sansReponse)}
      </td>
      <td className="nombre">{dureeEnClair(c.medianeHeures)}</td>
    </>
  );
}

export default function CoordinationOrientations({ loaderData: v }: Route.ComponentProps) {
  return (
    <div className="comptes large tableaux-orientations">
      <h1>Orientations de mon territoire</h1>
      <p>
        Orientations envoyées depuis {moisEnClair(v.depuis)} dont le lieu qui reçoit ou la structure qui oriente est sur le territoire. Des nombres et des délais seulement : ni codes, ni personnes, ni noms de
        structures. « Sans réponse » : orientations jamais vues, acceptées ni refusées par le lieu.
      </p>
      <form method="get" className="filtres">
        <div className="champ">
          <label htmlFor="territoire">Territoire</label>
          <select id="territoire" name="territoire" defaultValue={v.territoire}>
            <option value="">{v.territoires.length > 8 ? "Toute la région" : "Tous mes territoires"}</option>
            {v.territoires.map((t) => (
              <option key={t.code} value={t.code}>
                {t.libelle}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="bouton-secondaire">
          Afficher
        </button>
      </form>

      <h2 id="titre-liens">Entre types de structures</h2>
      {v.liens.length === 0 ? (
        <p>Aucune orientation sur ce territoire depuis {moisEnClair(v.depuis)}.</p>
      ) : (
        <div className="tableau-defilant" role="region" aria-labelledby="titre-liens" tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">Structure qui oriente</th>
                <th scope="col">Lieu qui reçoit</th>
                <EntetesChiffres />
              </tr>
            </thead>
            <tbody>
              {v.liens.map((l) => (
                <tr key={`${l.typeEmettrice}-${l.typeDestinataire}`}>
                  <th scope="row">{typeEnClair(l.typeEmettrice)}</th>
                  <td>{typeEnClair(l.typeDestinataire)}</td>
                  <CellulesChiffres c={l} />
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={2}>
                  Total
                </th>
                <CellulesChiffres c={v.total} />
              </tr>
            </tfoot>
          </table>
        </div>
      )}

      <h2 id="titre-lieux">Par lieu du territoire qui reçoit</h2>
      {v.nbLieux > v.lieux.length ? (
        <p>
          Les {LIEUX_MAX} lieux qui reçoivent le plus, sur {nombreEnClair(v.nbLieux)}.
        </p>
      ) : null}
      {v.lieux.length === 0 ? (
        <p>Aucun lieu du territoire n'a reçu d'orientation.</p>
      ) : (
        <div className="tableau-defilant" role="region" aria-labelledby="titre-lieux" tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">Lieu</th>
                <EntetesChiffres />
              </tr>
            </thead>
            <tbody>
              {v.lieux.map((l) => (
                <tr key={l.lieuId}>
                  <th scope="row">
                    <a href={`/lieux/${l.lieuId}`}>{l.nom}</a> ({l.commune})
                  </th>
                  <CellulesChiffres c={l} />
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
