import { Form } from "react-router";
import { ActionsOrientation, type EchecAction, type Reorientation } from "./ActionsOrientation";
import { ConditionsOrientation } from "./Conditions";
import type { VueAffichee } from "./vue.server";

/**
 * One referral, for its two structures (and the receiver's signed link): summary, the place's
 * conditions, the timeline, the person's contact details only when the server returned them, the
 * receiver's note (never sent to the sender's pages) and the allowed actions.
 */
export function VueOrientation({ v, envoyee, confirmation, echec, reorientation, chemin }: { v: VueAffichee; envoyee: boolean; confirmation: string | null; echec: EchecAction | undefined; reorientation: Reorientation | null; chemin: string }) {
  return (
    <>
      <h1>
        Orientation <span className="code-orientation">{v.code}</span>
      </h1>
      {envoyee ? (
        <div className="message-succes envoyee" role="status">
          <p>L'orientation est envoyée au lieu « {v.lieu.nom} ».</p>
          <p className="code-grand">
            Code d'orientation : <strong>{v.code}</strong>
          </p>
          <p>Donnez ce code à la personne : elle le présente à l'accueil du lieu. Il est imprimé sur la fiche d'orientation.</p>
          <p>
            <a className="bouton" href={v.fiche}>
              Imprimer la fiche d'orientation avec ce code
            </a>
          </p>
        </div>
      ) : null}
      {confirmation ? (
        <p className="message-succes" role="status">
          {confirmation}
        </p>
      ) : null}
      {echec ? (
        <div className="message-erreur" role="alert">
          <p>{echec.message}</p>
          {echec.erreurs.length > 0 ? (
            <ul>
              {echec.erreurs.map((e) => (
                <li key={e.champ}>
                  <a href={`#${echec.action === "cloturer" && e.champ === "issue" ? "issue-autonome" : e.champ}`}>{e.message}</a>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <dl className="resume-orientation">
        <dt>Statut</dt>
        <dd>
          <strong className={`statut statut-${v.statut}`}>{v.libelleStatut}</strong>
        </dd>
        <dt>Lieu</dt>
        <dd>
          <a href={`/lieux/${v.lieu.id}`}>{v.lieu.nom}</a>, {v.lieu.adresse}, {v.lieu.commune}
        </dd>
        <dt>Orientée par</dt>
        <dd>
          {v.structureEmettrice}
          {v.emetteurNom ? ` (${v.emetteurNom})` : ""}
        </dd>
        <dt>Reçue par</dt>
        <dd>{v.structureDestinataire ?? "Le lieu, par un lien envoyé à son adresse d'orientation"}</dd>
        <dt>Envoyée le</dt>
        <dd>{v.envoyeeLe}</dd>
        <dt>Besoins</dt>
        <dd>{[...v.services, ...v.demarches].join(" ; ") || "Non précisés"}</dd>
        <dt>Urgence</dt>
        <dd>{v.urgence}</dd>
        <dt>Message</dt>
        <dd>{v.message === "" ? (v.donneesEffaceesLe ? "Effacé avec les coordonnées de la personne." : "Pas de message.") : v.message}</dd>
        {v.rdvLe ? (
          <>
            <dt>Rendez-vous</dt>
            <dd>{v.rdvLe}</dd>
          </>
        ) : null}
        {v.issue ? (
          <>
            <dt>Issue</dt>
            <dd>
              {v.issue}
              {v.reorienteeVers ? (
                <>
                  {" vers "}
                  {v.reorienteeVers.lieuId ? <a href={`/lieux/${v.reorienteeVers.lieuId}`}>{v.reorienteeVers.nom}</a> : v.reorienteeVers.nom}
                </>
              ) : null}
            </dd>
          </>
        ) : null}
        {v.motifRefus ? (
          <>
            <dt>Motif du refus</dt>
            <dd>{v.motifRefus} (jamais montré à la personne)</dd>
          </>
        ) : null}
      </dl>
      {v.emetteur ? (
        <p>
          <a href={v.fiche}>Fiche d'orientation à imprimer pour la personne (avec le code)</a>
        </p>
      ) : null}
      <section aria-labelledby="titre-personne">
        <h2 id="titre-personne">La personne</h2>
        {v.personne ? (
          <>
            <dl>
              {v.personne.prenom ? (
                <>
                  <dt>Prénom</dt>
                  <dd>{v.personne.prenom}</dd>
                </>
              ) : null}
              {v.personne.telephone ? (
                <>
                  <dt>Téléphone</dt>
                  <dd>{v.personne.telephone}</dd>
                </>
              ) : null}
              {v.personne.courriel ? (
                <>
                  <dt>Adresse électronique</dt>
                  <dd>{v.personne.courriel}</dd>
                </>
              ) : null}
            </dl>
            <p className="aide">{v.personne.consentement} Ces coordonnées sont effacées automatiquement après la clôture ; chaque consultation est enregistrée.</p>
          </>
        ) : v.donneesEffaceesLe ? (
          <p>Les coordonnées de la personne ont été effacées le {v.donneesEffaceesLe}, comme prévu après la fin de l'orientation.</p>
        ) : (
          <p>Aucune coordonnée : la personne se présente avec sa fiche d'orientation et le code {v.code}.</p>
        )}
      </section>
      <ActionsOrientation actions={v.actions} echec={echec} reorientation={reorientation} chemin={chemin} />
      {v.destinataire && v.noteDestinataire !== null ? (
        <section aria-labelledby="titre-note">
          <h2 id="titre-note">Note du lieu</h2>
          <Form method="post">
            <input type="hidden" name="intention" value="note" />
            <div className="champ">
              <label htmlFor="note">
                Votre note
                <span className="aide" id="aide-note">
                  Visible seulement par le lieu qui reçoit, jamais par la structure qui oriente. Pas de données de santé. Effacée avec les coordonnées.
                </span>
              </label>
              <textarea id="note" name="note" rows={4} maxLength={2000} defaultValue={v.noteDestinataire} aria-describedby={echec?.action === "note" ? "aide-note erreur-note" : "aide-note"} />
              {echec?.action === "note" ? (
                <p className="erreur-champ" id="erreur-note">
                  {echec.message}
                </p>
              ) : null}
            </div>
            <button type="submit" className="bouton-secondaire">
              Enregistrer la note
            </button>
          </Form>
        </section>
      ) : null}
      <section aria-labelledby="titre-conditions">
        <h2 id="titre-conditions">Conditions d'orientation du lieu</h2>
        <ConditionsOrientation c={v.conditions} />
      </section>
      <section aria-labelledby="titre-suivi">
        <h2 id="titre-suivi">Suivi</h2>
        <ol className="suivi-orientation">
          {v.evenements.map((e, i) => (
            <li key={`${i}-${e.le}`}>
              <strong>{e.libelle}</strong> — le {e.le}, par {e.par}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
