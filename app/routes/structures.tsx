import { Form, redirect } from "react-router";
import { exigerSession } from "~/comptes/session.server";
import { dateHeureEnFrancais } from "~/platform/courriel/gabarit";
import { demanderAdhesion, demandesDe } from "~/structures/adhesions.server";
import { repondreErreur, texte } from "~/structures/actions.server";
import { servicesDe } from "~/structures/contexte.server";
import { accepterInvitationAdressee, invitationsEnAttente } from "~/structures/invitations.server";
import { mesStructures, rechercherStructures } from "~/structures/structures.server";
import { Confirmation, ResumeErreurs } from "~/structures/ui/Champs";
import { confirmation } from "~/structures/ui/messages";
import { LIBELLES_ROLES, LIBELLES_TYPES } from "~/structures/vocabulaire";
import "~/comptes/comptes.css";
import "~/structures/ui/structures.css";
import type { Route } from "./+types/structures";

export function meta() {
  return [{ title: "Mes structures — Passerelle" }];
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const s = await exigerSession(request, context);
  const url = new URL(request.url);
  const q = (url.searchParams.get("q") ?? "").slice(0, 100);
  const [miennes, invitations, demandes, trouvees] = await Promise.all([
    mesStructures(context.db, context.referentiel, s.utilisateur.id),
    invitationsEnAttente(context.db, { courriel: s.utilisateur.courriel }),
    demandesDe(context.db, { utilisateurId: s.utilisateur.id }),
    rechercherStructures(context.db, context.referentiel, q),
  ]);
  const membreDe = new Set(miennes.map((m) => m.id));
  const enAttente = new Set(demandes.filter((d) => d.statut === "en_attente").map((d) => d.structureId));
  return {
    confirmation: confirmation(request.url),
    miennes,
    invitations: invitations.map((i) => ({ id: i.id, structure: i.structure, role: LIBELLES_ROLES[i.role], expireLe: dateHeureEnFrancais(i.expireLe) })),
    demandes: demandes.filter((d) => d.statut === "en_attente").map((d) => ({ id: d.id, structure: d.structure, structureId: d.structureId })),
    q,
    trouvees: trouvees.map((t) => ({ ...t, membre: membreDe.has(t.id), demandee: enAttente.has(t.id) })),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const session = await exigerSession(request, context);
  const form = await request.formData();
  const intention = texte(form, "intention");
  try {
    if (intention === "accepter-invitation") {
      const id = await accepterInvitationAdressee(servicesDe(context), session.utilisateur, texte(form, "invitation"));
      return redirect(`/structures/${id}?message=bienvenue`, 303);
    }
    await demanderAdhesion(servicesDe(context), session.utilisateur, texte(form, "structure"), texte(form, "message"));
    return redirect("/structures?message=demande", 303);
  } catch (e) {
    return repondreErreur(e, request, intention);
  }
}

export default function Structures({ loaderData: d, actionData: r }: Route.ComponentProps) {
  return (
    <div className="comptes">
      <h1>Mes structures</h1>
      <Confirmation texte={d.confirmation} />
      {r ? <ResumeErreurs message={r.message} erreurs={r.erreurs} ids={{}} /> : null}
      {d.miennes.length === 0 ? (
        <p>Vous ne faites partie d'aucune structure pour l'instant. Cherchez la vôtre ci-dessous pour demander à la rejoindre, ou créez-la.</p>
      ) : (
        <ul>
          {d.miennes.map((m) => (
            <li key={m.id}>
              <a href={`/structures/${m.id}`}>{m.nom}</a> ({m.commune}) — {LIBELLES_ROLES[m.role]}
            </li>
          ))}
        </ul>
      )}

      {d.invitations.length > 0 ? (
        <section aria-labelledby="titre-invitations">
          <h2 id="titre-invitations">Invitations reçues</h2>
          <ul>
            {d.invitations.map((i) => (
              <li key={i.id}>
                <Form method="post">
                  <input type="hidden" name="invitation" value={i.id} />
                  {i.structure} vous invite comme {i.role.toLowerCase()} (jusqu'au {i.expireLe}).{" "}
                  <button type="submit" name="intention" value="accepter-invitation">
                    Rejoindre {i.structure}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {d.demandes.length > 0 ? (
        <section aria-labelledby="titre-demandes">
          <h2 id="titre-demandes">Mes demandes en attente</h2>
          <ul>
            {d.demandes.map((x) => (
              <li key={x.id}>
                <a href={`/structures/${x.structureId}`}>{x.structure}</a> : en attente de la réponse de ses responsables.
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="titre-rejoindre">
        <h2 id="titre-rejoindre">Rejoindre une structure</h2>
        <Form method="get" role="search" aria-labelledby="titre-rejoindre">
          <div className="champ">
            <label htmlFor="q">
              Nom, SIRET ou commune de la structure
              <span className="aide">Par exemple : Médiathèque de Lannion, 130 026 032 00016 ou Quimper.</span>
            </label>
            <input type="search" id="q" name="q" defaultValue={d.q} />
          </div>
          <button type="submit" className="bouton-secondaire">
            Chercher
          </button>
        </Form>
        {d.q.trim().length >= 2 ? (
          <>
            <p role="status">
              {d.trouvees.length === 0 ? `Aucune structure ne correspond à « ${d.q} ».` : `${d.trouvees.length} structure${d.trouvees.length > 1 ? "s" : ""} trouvée${d.trouvees.length > 1 ? "s" : ""}.`}
            </p>
            {d.trouvees.map((t) => (
              <div className="carte-structure" key={t.id}>
                <h3>
                  <a href={`/structures/${t.id}`}>{t.nom}</a>
                </h3>
                <p>
                  {LIBELLES_TYPES[t.type]} — {t.commune}
                  {t.siret ? ` — SIRET ${t.siret}` : ""}
                </p>
                {t.membre ? (
                  <p>Vous en faites partie.</p>
                ) : t.demandee ? (
                  <p>Votre demande est en attente.</p>
                ) : (
                  <Form method="post">
                    <input type="hidden" name="structure" value={t.id} />
                    <div className="champ">
                      <label htmlFor={`message-${t.id}`}>
                        Message aux responsables de {t.nom} (facultatif)
                        <span className="aide">Dites qui vous êtes et votre rôle, pour les aider à répondre.</span>
                      </label>
                      <textarea id={`message-${t.id}`} name="message" maxLength={1000} />
                    </div>
                    <button type="submit" name="intention" value="demander">
                      Demander à rejoindre {t.nom}
                    </button>
                  </Form>
                )}
              </div>
            ))}
          </>
        ) : null}
      </section>

      <section aria-labelledby="titre-creer">
        <h2 id="titre-creer">Votre structure n'est pas sur Passerelle ?</h2>
        <p>
          <a className="bouton" href="/structures/nouvelle">
            Créer une structure
          </a>
        </p>
      </section>
    </div>
  );
}
