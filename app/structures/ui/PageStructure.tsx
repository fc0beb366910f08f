import { Form } from "react-router";
import { LIBELLES_OPERATEURS } from "~/remontees/vocabulaire";
import type { EchecFormulaire } from "../actions.server";
import type { LieuRattache } from "../lieux-structures.server";
import type { Membre, Structure } from "../structures.server";
import { LIBELLES_ROLES, LIBELLES_TYPES, ROLES_MEMBRES, type RoleMembre } from "../vocabulaire";
import { ChampListe, ChampTexte, Confirmation, ResumeErreurs } from "./Champs";
import { FormulaireStructure } from "./FormulaireStructure";

export interface DonneesStructure {
  confirmation: string | null;
  structure: Structure;
  role: RoleMembre | null;
  gerer: boolean;
  moi: string;
  demandeEnAttente: boolean;
  lieux: LieuRattache[];
  membres: Membre[];
  invitations: { id: string; courriel: string; role: string; expireLe: string }[];
  demandes: { id: string; nom: string; courriel: string; message: string; creeLe: string }[];
  q: string;
  trouves: (LieuRattache & { structure: string | null })[];
}

const OPTIONS_ROLES = ROLES_MEMBRES.map((r) => ({ valeur: r, libelle: LIBELLES_ROLES[r] }));

function Roles({ id, defaut }: { id: string; defaut: RoleMembre }) {
  return (
    <select id={id} name="role" defaultValue={defaut}>
      {OPTIONS_ROLES.map((o) => (
        <option key={o.valeur} value={o.valeur}>
          {o.libelle}
        </option>
      ))}
    </select>
  );
}

/** /structures/<id>: what everyone signed in sees, and the management sections for responsables and administrators. */
export function PageStructure({ d, r }: { d: DonneesStructure; r: EchecFormulaire | undefined }) {
  const s = d.structure;
  const erreursDe = (intention: string) => (r?.intention === intention ? r : undefined);
  const autre = r && !["modifier", "inviter"].includes(r.intention) ? r : undefined;
  return (
    <div className="comptes large">
      <p>
        <a href="/structures">← Mes structures</a>
      </p>
      <h1>{s.nom}</h1>
      <Confirmation texte={d.confirmation} />
      {autre ? <ResumeErreurs message={autre.message} erreurs={autre.erreurs} ids={{ lieu: "recherche-lieu" }} /> : null}
      <dl>
        <dt>Type</dt>
        <dd>{LIBELLES_TYPES[s.type]}</dd>
        {s.operateur ? (
          <>
            <dt>Opérateur</dt>
            <dd>{LIBELLES_OPERATEURS[s.operateur]}</dd>
          </>
        ) : null}
        <dt>SIRET</dt>
        <dd>{s.siret ?? "non renseigné"}</dd>
        <dt>Adresse</dt>
        <dd>{[s.adresse, s.commune].filter(Boolean).join(", ")}</dd>
        <dt>Réseau</dt>
        <dd>{s.reseau === "" ? "non renseigné" : s.reseau}</dd>
        <dt>Mon rôle</dt>
        <dd>{d.role ? LIBELLES_ROLES[d.role] : d.gerer ? "Administrateur du hub" : "Vous n'en faites pas partie"}</dd>
      </dl>

      {!d.role && !d.gerer ? (
        d.demandeEnAttente ? (
          <p className="message-info">Votre demande pour rejoindre cette structure attend la réponse de ses responsables.</p>
        ) : (
          <Form method="post">
            <div className="champ">
              <label htmlFor="message-adhesion">
                Message aux responsables (facultatif)
                <span className="aide">Dites qui vous êtes et votre rôle, pour les aider à répondre.</span>
              </label>
              <textarea id="message-adhesion" name="message" maxLength={1000} />
            </div>
            <button type="submit" name="intention" value="demander">
              Demander à rejoindre la structure
            </button>
          </Form>
        )
      ) : null}

      <section aria-labelledby="lieux">
        <h2 id="lieux">Lieux gérés</h2>
        {d.lieux.length === 0 ? <p>Aucun lieu n'est rattaché à la structure.</p> : null}
        <ul>
          {d.lieux.map((l) => (
            <li key={l.id}>
              <a href={`/lieux/${l.id}`}>{l.nom}</a> — {l.adresse}, {l.commune}
              {d.gerer ? (
                <Form method="post" className="en-ligne">
                  <input type="hidden" name="lieu" value={l.id} />
                  <button type="submit" name="intention" value="delier" className="bouton-secondaire">
                    Détacher « {l.nom} »
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
        {d.gerer ? <RattacherLieu d={d} /> : null}
      </section>

      {d.gerer ? (
        <>
          <section aria-labelledby="demandes">
            <h2 id="demandes">Demandes pour rejoindre la structure</h2>
            {d.demandes.length === 0 ? <p>Aucune demande en attente.</p> : null}
            {d.demandes.map((x) => (
              <div className="carte-structure" key={x.id}>
                <p>
                  <strong>{x.nom || x.courriel}</strong> ({x.courriel}), le {x.creeLe}
                </p>
                {x.message ? <p>« {x.message} »</p> : null}
                <Form method="post">
                  <input type="hidden" name="demande" value={x.id} />
                  <div className="champ">
                    <label htmlFor={`role-demande-${x.id}`}>Rôle si vous acceptez</label>
                    <Roles id={`role-demande-${x.id}`} defaut="mediateur" />
                  </div>
                  <div className="actions">
                    <button type="submit" name="intention" value="accepter">
                      Accepter {x.courriel}
                    </button>
                    <button type="submit" name="intention" value="refuser" className="bouton-secondaire">
                      Refuser {x.courriel}
                    </button>
                  </div>
                </Form>
              </div>
            ))}
          </section>

          <section aria-labelledby="membres">
            <h2 id="membres">Membres et rôles</h2>
            <table aria-labelledby="membres">
              <thead>
                <tr>
                  <th scope="col">Personne</th>
                  <th scope="col">Rôle</th>
                  <th scope="col">Retirer</th>
                </tr>
              </thead>
              <tbody>
                {d.membres.map((m) => (
                  <tr key={m.utilisateurId}>
                    <td>
                      {m.nom ? `${m.nom} — ` : ""}
                      {m.courriel}
                      {m.utilisateurId === d.moi ? " (vous)" : ""}
                    </td>
                    <td>
                      <Form method="post">
                        <input type="hidden" name="membre" value={m.utilisateurId} />
                        <label htmlFor={`role-${m.utilisateurId}`} className="visuellement-cache">
                          Rôle de {m.courriel}
                        </label>
                        <Roles id={`role-${m.utilisateurId}`} defaut={m.role} />
                        <button type="submit" name="intention" value="role" className="bouton-secondaire">
                          Changer le rôle de {m.courriel}
                        </button>
                      </Form>
                    </td>
                    <td>
                      <Form method="post">
                        <input type="hidden" name="membre" value={m.utilisateurId} />
                        <button type="submit" name="intention" value="retirer" className="bouton-danger">
                          Retirer {m.courriel}
                        </button>
                      </Form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {d.invitations.length > 0 ? (
              <>
                <h3>Invitations en attente</h3>
                <ul>
                  {d.invitations.map((i) => (
                    <li key={i.id}>
                      {i.courriel} — {i.role}, valable jusqu'au {i.expireLe}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            <h3 id="titre-inviter">Inviter une personne</h3>
            <Form method="post" noValidate aria-labelledby="titre-inviter">
              {erreursDe("inviter") ? <ResumeErreurs message={erreursDe("inviter")?.message ?? ""} erreurs={erreursDe("inviter")?.erreurs ?? []} ids={{ courriel: "courriel-invite", role: "role-invite" }} /> : null}
              <ChampTexte id="courriel-invite" name="courriel" type="email" libelle="Adresse électronique" requis aide="La personne reçoit un lien valable 14 jours." defaultValue={erreursDe("inviter")?.valeurs.courriel} erreurs={erreursDe("inviter")?.erreurs} />
              <ChampListe id="role-invite" name="role" libelle="Rôle" requis options={OPTIONS_ROLES} defaultValue={erreursDe("inviter")?.valeurs.role ?? "mediateur"} erreurs={erreursDe("inviter")?.erreurs} />
              <button type="submit" name="intention" value="inviter">
                Envoyer l'invitation
              </button>
            </Form>
          </section>

          <section aria-labelledby="titre-modifier">
            <h2 id="titre-modifier">Modifier les informations</h2>
            <FormulaireStructure
              intention="modifier"
              bouton="Enregistrer les modifications"
              message={erreursDe("modifier")?.message}
              erreurs={erreursDe("modifier")?.erreurs}
              valeurs={erreursDe("modifier")?.valeurs ?? { nom: s.nom, type: s.type, siret: s.siret ?? "", adresse: s.adresse, commune: `${s.commune} (${s.code_insee})`, reseau: s.reseau, operateur: s.operateur ?? "" }}
            />
          </section>
        </>
      ) : null}
    </div>
  );
}

function RattacherLieu({ d }: { d: DonneesStructure }) {
  return (
    <>
      <h3 id="titre-rattacher">Rattacher un lieu de l'annuaire</h3>
      <Form method="get" role="search" aria-labelledby="titre-rattacher" action="#lieux">
        <div className="champ">
          <label htmlFor="recherche-lieu">
            Nom ou commune du lieu
            <span className="aide">Le lieu doit déjà figurer dans l'annuaire de Passerelle.</span>
          </label>
          <input type="search" id="recherche-lieu" name="lieu" defaultValue={d.q} />
        </div>
        <button type="submit" className="bouton-secondaire">
          Chercher un lieu
        </button>
      </Form>
      {d.q.trim().length >= 2 ? (
        <>
          <p role="status">{d.trouves.length === 0 ? `Aucun lieu ne correspond à « ${d.q} ».` : `${d.trouves.length} lieu${d.trouves.length > 1 ? "x" : ""} trouvé${d.trouves.length > 1 ? "s" : ""}.`}</p>
          <ul>
            {d.trouves.map((l) => (
              <li key={l.id}>
                {l.nom} — {l.adresse}, {l.commune}
                {l.structure ? (
                  <> : déjà géré par {l.structure}</>
                ) : (
                  <Form method="post">
                    <input type="hidden" name="lieu" value={l.id} />
                    <button type="submit" name="intention" value="lier">
                      Rattacher « {l.nom} » ({l.commune})
                    </button>
                  </Form>
                )}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
