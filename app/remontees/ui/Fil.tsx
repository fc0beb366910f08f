import { Form } from "react-router";
import type { EchecFormulaire } from "~/structures/actions.server";
import { ChampZone, ResumeErreurs } from "~/structures/ui/Champs";
import { LIBELLES_OPERATEURS, REPONSE_MAX, type Operateur, type StatutRemontee } from "../vocabulaire";

/** The thread of a feedback and the forms its reader may use (answer, add a detail, change the status). */

export interface Message {
  id: string;
  cote: "operateur" | "auteur";
  structure: string;
  texte: string;
  creeLe: string;
}

export function Fil({ messages, operateur }: { messages: readonly Message[]; operateur: Operateur }) {
  if (messages.length === 0) return <p>Pas encore de message.</p>;
  return (
    <ol className="fil">
      {messages.map((m) => (
        <li key={m.id} className={m.cote}>
          <p>
            <strong>{m.cote === "operateur" ? `${LIBELLES_OPERATEURS[operateur]} (${m.structure})` : `${m.structure} (structure auteure)`}</strong>, le {m.creeLe}
          </p>
          <p>{m.texte}</p>
        </li>
      ))}
    </ol>
  );
}

const IDS: Record<string, string> = { reponse: "reponse", statut: "statut" };

/** One form per intention; the failed one shows its errors (its field keeps what was typed). */
export function Actions(p: { peutRepondre: boolean; peutPreciser: boolean; suivants: readonly StatutRemontee[]; r: EchecFormulaire | undefined }) {
  const de = (intention: string) => (p.r?.intention === intention ? p.r : undefined);
  const zone = (intention: string, id: string, libelle: string, aide: string, requis: boolean) => (
    <>
      {de(intention) ? <ResumeErreurs message={de(intention)?.message ?? ""} erreurs={de(intention)?.erreurs ?? []} ids={{ ...IDS, reponse: id }} /> : null}
      <ChampZone id={id} name="reponse" champ="reponse" libelle={libelle} aide={aide} requis={requis} defaultValue={de(intention)?.valeurs.reponse} erreurs={de(intention)?.erreurs} />
    </>
  );
  const aide = `Sans donnée personnelle (ni nom, ni numéro de dossier). ${REPONSE_MAX} caractères au plus.`;
  return (
    <>
      {p.peutRepondre ? (
        <section aria-labelledby="titre-repondre">
          <h2 id="titre-repondre">Répondre</h2>
          <Form method="post" noValidate>
            <input type="hidden" name="intention" value="repondre" />
            {zone("repondre", "reponse", "Votre réponse", `Envoyée à la structure qui a fait la remontée. ${aide}`, true)}
            <button type="submit">Envoyer la réponse</button>
          </Form>
        </section>
      ) : null}
      {p.peutPreciser ? (
        <section aria-labelledby="titre-preciser">
          <h2 id="titre-preciser">Ajouter une précision</h2>
          <Form method="post" noValidate>
            <input type="hidden" name="intention" value="preciser" />
            {zone("preciser", "precision", "Votre précision", `Envoyée aux correspondant·es de l'opérateur. ${aide}`, true)}
            <button type="submit">Envoyer la précision</button>
          </Form>
        </section>
      ) : null}
      {p.suivants.length > 0 ? (
        <section aria-labelledby="titre-statut">
          <h2 id="titre-statut">Suivi</h2>
          {p.suivants.includes("en_cours") ? (
            <Form method="post">
              <input type="hidden" name="intention" value="statut" />
              <input type="hidden" name="statut" value="en_cours" />
              <p>Signalez à la structure que le problème est pris en compte par l'opérateur.</p>
              <button type="submit" className="bouton-secondaire">
                Marquer « prise en compte »
              </button>
            </Form>
          ) : null}
          {p.suivants.includes("close") ? (
            <Form method="post" noValidate>
              <input type="hidden" name="intention" value="clore" />
              <input type="hidden" name="statut" value="close" />
              {zone("clore", "reponse-finale", "Réponse finale", `Obligatoire pour clore : ce qui a été fait, ou pourquoi rien ne le sera. ${aide}`, true)}
              <button type="submit">Clore la remontée</button>
            </Form>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
