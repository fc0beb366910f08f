import { data } from "react-router";
import { exigerSession } from "~/comptes/session.server";
import { SENS_BOITE } from "~/orientation/suivi/boite.server";
import { structuresDe, tableauDeBord } from "~/orientation/suivi/tableau-de-bord.server";
import { dureeEnClair } from "~/orientation/suivi/tableaux";
import { ISSUES, LIBELLES_ISSUES, LIBELLES_MOTIFS_REFUS, LIBELLES_STATUTS, MOTIFS_REFUS, STATUTS } from "~/orientation/suivi/vocabulaire";
import { ErreurPasserelle } from "~/platform/erreurs";
import { appartient } from "~/platform/listes";
import { droitsDe } from "~/structures/droits.server";
import { moisEnClair, nombreEnClair, partEnClair } from "~/ui/orientations/chiffres";
import "~/comptes/comptes.css";
import "~/ui/orientations/tableaux.css";
import type { Route } from "./+types/orientations-tableau-de-bord";

export function meta() {
  return [{ title: "Tableau de bord des orientations — Passerelle" }];
}

/** Members of a structure: its sent or received referrals over 12 months (counts and delays, no personal data). */
export async function loader({ request, context }: Route.LoaderArgs) {
  const session = await exigerSession(request, context);
  const droits = await droitsDe(context.db, session.utilisateur, context.referentiel);
  const mesStructures = await structuresDe(context.db, droits);
  const url = new URL(request.url);
  const sensLu = url.searchParams.get("sens") ?? "";
  const sens = appartient(SENS_BOITE, sensLu) ? sensLu : "recues";
  const structureId = url.searchParams.get("structure") || mesStructures[0]?.id;
  if (!structureId) return { mesStructures, tableau: null };
  try {
    return { mesStructures, tableau: await tableauDeBord(context.db, droits, structureId, sens) };
  } catch (e) {
    if (e instanceof ErreurPasserelle && e.code === "interdit") throw data(e.message, { status: 403 });
    if (e instanceof ErreurPasserelle && e.code === "introuvable") throw data(e.message, { status: 404 });
    throw e;
  }
}

function Barre({ part }: { part: number | null }) {
  return <span className="barre" style={{ width: `${Math.round((part ?? 0) * 10)}rem` }} aria-hidden="true" />;
}

export default function TableauDeBordOrientations({ loaderData: { mesStructures, tableau: t } }: Route.ComponentProps) {
  if (!t) {
    return (
      <div className="comptes tableaux-orientations">
        <h1>Tableau de bord des orientations</h1>
        <p>
          Vous n'êtes membre d'aucune structure. <a href="/structures">Rejoignez ou créez une structure</a> pour envoyer et recevoir des orientations.
        </p>
      </div>
    );
  }
  const recues = t.sens === "recues";
  const parts = (n: number, sur: number) => (sur > 0 ? n / sur : null);
  const requete = new URLSearchParams({ structure: t.structure.id, sens: t.sens }).toString();
  return (
    <div className="comptes large tableaux-orientations">
      <h1>Tableau de bord des orientations</h1>
      <p>
        {recues ? "Orientations reçues" : "Orientations envoyées"} par {t.structure.nom}, de {moisEnClair(t.depuis)} à aujourd'hui. Des nombres et des délais seulement : aucune donnée sur les personnes.
      </p>
      <form method="get" className="filtres">
        {mesStructures.length > 1 ? (
          <div className="champ">
            <label htmlFor="structure">Structure</label>
            <select id="structure" name="structure" defaultValue={t.structure.id}>
              {mesStructures.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.nom}
                </option>
              ))}
            </select>
          </div>
        ) : (
          <input type="hidden" name="structure" value={t.structure.id} />
        )}
        <div className="champ">
          <label htmlFor="sens">Orientations</label>
          <select id="sens" name="sens" defaultValue={t.sens}>
            <option value="recues">Reçues</option>
            <option value="envoyees">Envoyées</option>
          </select>
        </div>
        <button type="submit" className="bouton-secondaire">
          Afficher
        </button>
      </form>
      <p>
        <a href={`/orientations?${requete}`}>Retour à la liste des orientations</a>
      </p>

      <h2>En bref</h2>
      <ul className="chiffres">
        <li>
          <strong>{nombreEnClair(t.total)}</strong> orientation{t.total > 1 ? "s" : ""} {recues ? "reçue" : "envoyée"}
          {t.total > 1 ? "s" : ""}
        </li>
        <li>
          <strong>{dureeEnClair(t.attente.medianeHeures)}</strong> délai médian avant la première réponse (9 sur 10 en moins de {dureeEnClair(t.attente.p90Heures)})
        </li>
        <li>
          <strong>{partEnClair(t.tauxAcceptation)}</strong> acceptées parmi les orientations acceptées ou refusées
        </li>
        <li>
          <strong>{partEnClair(t.partExpirees)}</strong> expirées sans réponse
        </li>
      </ul>

      <h2>Par statut</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">Statut</th>
            <th scope="col" className="nombre">
              Nombre
            </th>
            <th scope="col">Part</th>
          </tr>
        </thead>
        <tbody>
          {STATUTS.map((s) => (
            <tr key={s}>
              <th scope="row">{LIBELLES_STATUTS[s]}</th>
              <td className="nombre">{nombreEnClair(t.compteurs[s])}</td>
              <td className="part">
                <Barre part={parts(t.compteurs[s], t.total)} />
                {partEnClair(parts(t.compteurs[s], t.total))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>Motifs de refus</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">Motif</th>
            <th scope="col" className="nombre">
              Nombre
            </th>
            <th scope="col">Part des refus</th>
          </tr>
        </thead>
        <tbody>
          {MOTIFS_REFUS.map((m) => (
            <tr key={m}>
              <th scope="row">{LIBELLES_MOTIFS_REFUS[m]}</th>
              <td className="nombre">{nombreEnClair(t.motifsRefus[m])}</td>
              <td className="part">
                <Barre part={parts(t.motifsRefus[m], t.compteurs.refusee)} />
                {partEnClair(parts(t.motifsRefus[m], t.compteurs.refusee))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>Issues des orientations clôturées</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">Issue</th>
            <th scope="col" className="nombre">
              Nombre
            </th>
            <th scope="col">Part des clôturées</th>
          </tr>
        </thead>
        <tbody>
          {ISSUES.map((i) => (
            <tr key={i}>
              <th scope="row">{LIBELLES_ISSUES[i]}</th>
              <td className="nombre">{nombreEnClair(t.issues[i])}</td>
              <td className="part">
                <Barre part={parts(t.issues[i], t.cloturees)} />
                {partEnClair(parts(t.issues[i], t.cloturees))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2 id="titre-mois">Mois par mois</h2>
      <div className="tableau-defilant" role="region" aria-labelledby="titre-mois" tabIndex={0}>
        <table>
          <thead>
            <tr>
              <th scope="col">Mois d'envoi</th>
              <th scope="col" className="nombre">
                Envoyées
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
                Délai médian de première réponse
              </th>
            </tr>
          </thead>
          <tbody>
            {t.mois.map((m) => (
              <tr key={m.mois}>
                <th scope="row">{moisEnClair(m.mois)}</th>
                <td className="nombre">{nombreEnClair(m.envoyees)}</td>
                <td className="nombre">{nombreEnClair(m.acceptees)}</td>
                <td className="nombre">{nombreEnClair(m.refusees)}</td>
                <td className="nombre">{nombreEnClair(m.expirees)}</td>
                <td className="nombre">{dureeEnClair(m.medianeHeures)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2>Exporter</h2>
      <p>Une ligne par orientation (codes, dates, statuts, besoins, lieu et structures), sans message, sans note et sans coordonnées de personne.</p>
      <ul>
        <li>
          <a href={`/orientations/export.csv?${requete}`} download>
            Télécharger en CSV (tableur, séparateur point-virgule)
          </a>
        </li>
        <li>
          <a href={`/orientations/export.xlsx?${requete}`} download>
            Télécharger en XLSX (Excel, LibreOffice)
          </a>
        </li>
      </ul>
    </div>
  );
}
