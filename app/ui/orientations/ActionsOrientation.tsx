import { Form } from "react-router";
import { ISSUES, LIBELLES_ISSUES, LIBELLES_MOTIFS_REFUS, MOTIFS_REFUS, type Action } from "~/orientation/suivi/vocabulaire";
import type { DetailErreur } from "~/platform/erreurs";

export interface EchecAction {
  action: string;
  erreurs: DetailErreur[];
  message: string;
}

export interface Reorientation {
  recherche: string;
  lieux: { id: string; nom: string; commune: string }[];
}

function Erreur({ echec, action, champ }: { echec: EchecAction | undefined; action: string; champ: string }) {
  const m = echec?.action === action ? echec.erreurs.find((e) => e.champ === champ)?.message : undefined;
  return m ? (
    <p className="erreur-champ" id={`erreur-${action}-${champ}`}>
      {m}
    </p>
  ) : null;
}

/** aria-describedby/aria-invalid for a field of one action's form, when the last POST of that action named it. */
function etat(echec: EchecAction | undefined, action: string, champ: string) {
  const enErreur = echec?.action === action && echec.erreurs.some((e) => e.champ === champ);
  return enErreur ? { "aria-invalid": true, "aria-describedby": `erreur-${action}-${champ}` } : {};
}

/**
 * The receiver's and the sender's actions, each a plain POST form (works without JavaScript); the
 * page redirects after each with a confirmation. Only the actions `lireOrientation` allows appear.
 */
export function ActionsOrientation({ actions, echec, reorientation, chemin }: { actions: Action[]; echec: EchecAction | undefined; reorientation: Reorientation | null; chemin: string }) {
  if (actions.length === 0) return null;
  return (
    <section aria-labelledby="titre-actions" className="actions-orientation">
      <h2 id="titre-actions">Répondre</h2>
      {actions.includes("accepter") ? (
        <Form method="post" className="action" id="accepter">
          <h3>Accepter l'orientation</h3>
          <input type="hidden" name="action" value="accepter" />
          <p className="aide">Si un rendez-vous est déjà fixé, indiquez-le : la structure qui oriente le verra.</p>
          <div className="champ">
            <label htmlFor="rdv_date">Date du rendez-vous (facultatif)</label>
            <input type="date" id="rdv_date" name="rdv_date" {...etat(echec, "accepter", "rdv_date")} />
            <Erreur echec={echec} action="accepter" champ="rdv_date" />
          </div>
          <div className="champ">
            <label htmlFor="rdv_heure">Heure du rendez-vous (facultatif)</label>
            <input type="time" id="rdv_heure" name="rdv_heure" {...etat(echec, "accepter", "rdv_heure")} />
            <Erreur echec={echec} action="accepter" champ="rdv_heure" />
          </div>
          <button type="submit">Accepter</button>
        </Form>
      ) : null}
      {actions.includes("prendre_en_charge") ? (
        <Form method="post" className="action" id="prendre_en_charge">
          <h3>Prendre en charge</h3>
          <p className="aide">La personne est venue : son accompagnement commence.</p>
          <input type="hidden" name="action" value="prendre_en_charge" />
          <button type="submit">Prendre en charge</button>
        </Form>
      ) : null}
      {actions.includes("cloturer") ? (
        <div className="action" id="cloturer">
          <h3>Clôturer avec une issue</h3>
          <form method="get" action={`${chemin}#cloturer`} className="recherche-reorientation">
            <div className="champ">
              <label htmlFor="lieu_q">
                Réorientée vers un lieu de l'annuaire : chercher par nom ou commune (facultatif)
              </label>
              <input type="search" id="lieu_q" name="lieu_q" defaultValue={reorientation?.recherche ?? ""} />
            </div>
            <button type="submit" className="bouton-secondaire">
              Chercher un lieu
            </button>
          </form>
          <Form method="post">
            <input type="hidden" name="action" value="cloturer" />
            <fieldset {...(echec?.action === "cloturer" && echec.erreurs.some((e) => e.champ === "issue") ? { "aria-describedby": "erreur-cloturer-issue" } : {})}>
              <legend>Issue</legend>
              <Erreur echec={echec} action="cloturer" champ="issue" />
              {ISSUES.map((i) => (
                <div className="case" key={i}>
                  <input type="radio" id={`issue-${i}`} name="issue" value={i} />
                  <label htmlFor={`issue-${i}`}>{LIBELLES_ISSUES[i]}</label>
                </div>
              ))}
            </fieldset>
            {reorientation ? (
              reorientation.lieux.length === 0 ? (
                <p role="status">Aucun lieu ne correspond à « {reorientation.recherche} » : écrivez son nom ci-dessous.</p>
              ) : (
                <fieldset>
                  <legend>Lieu vers lequel la personne est réorientée</legend>
                  {reorientation.lieux.map((l) => (
                    <div className="case" key={l.id}>
                      <input type="radio" id={`vers-${l.id}`} name="reorientee_vers_lieu_id" value={l.id} />
                      <label htmlFor={`vers-${l.id}`}>
                        {l.nom} ({l.commune})
                      </label>
                    </div>
                  ))}
                </fieldset>
              )
            ) : null}
            <div className="champ">
              <label htmlFor="reorientee_vers">
                Ou réorientée vers (facultatif)
                <span className="aide" id="aide-reorientee_vers">
                  Pour l'issue « Réorientée » : un lieu hors de l'annuaire, un service, un organisme.
                </span>
              </label>
              <input type="text" id="reorientee_vers" name="reorientee_vers" maxLength={200} {...etat(echec, "cloturer", "reorientee_vers")} />
              <Erreur echec={echec} action="cloturer" champ="reorientee_vers" />
            </div>
            <button type="submit">Clôturer</button>
          </Form>
        </div>
      ) : null}
      {actions.includes("refuser") ? (
        <Form method="post" className="action" id="refuser">
          <h3>Refuser l'orientation</h3>
          <input type="hidden" name="action" value="refuser" />
          <div className="champ">
            <label htmlFor="motif">
              Motif du refus
              <span className="aide">Vu par les deux structures, jamais par la personne.</span>
            </label>
            <select id="motif" name="motif" defaultValue="" {...etat(echec, "refuser", "motif")}>
              <option value="">Choisissez un motif</option>
              {MOTIFS_REFUS.map((m) => (
                <option key={m} value={m}>
                  {LIBELLES_MOTIFS_REFUS[m]}
                </option>
              ))}
            </select>
            <Erreur echec={echec} action="refuser" champ="motif" />
          </div>
          <button type="submit" className="bouton-danger">
            Refuser
          </button>
        </Form>
      ) : null}
      {actions.includes("annuler") ? (
        <Form method="post" className="action" id="annuler">
          <h3>Annuler l'orientation</h3>
          <p className="aide">Le lieu est prévenu par courriel ; l'orientation ne peut plus changer ensuite.</p>
          <input type="hidden" name="action" value="annuler" />
          <button type="submit" className="bouton-danger">
            Annuler l'orientation
          </button>
        </Form>
      ) : null}
    </section>
  );
}
