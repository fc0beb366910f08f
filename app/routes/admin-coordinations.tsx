import { journaliser } from "~/platform/audit/journal.server";
import { Form, redirect } from "react-router";
import { exigerAdministrateur } from "~/comptes/session.server";
import { appartient } from "~/platform/listes";
import { echecFormulaire, repondreErreur, texte } from "~/structures/actions.server";
import { servicesDe } from "~/structures/contexte.server";
import { ajouterCoordination, listerCoordinations, retirerCoordination } from "~/structures/coordinations.server";
import { ChampListe, ChampTexte, Confirmation, ResumeErreurs } from "~/structures/ui/Champs";
import { confirmation } from "~/structures/ui/messages";
import { TYPES_COORDINATION } from "~/structures/vocabulaire";
import "~/comptes/comptes.css";
import "~/structures/ui/structures.css";
import type { Route } from "./+types/admin-coordinations";

export function meta() {
  return [{ title: "Coordinations territoriales — Administration — Passerelle" }, { name: "robots", content: "noindex" }];
}

const LIBELLES = { epci: "Intercommunalité (EPCI)", departement: "Département" } as const;

export async function loader({ request, context }: Route.LoaderArgs) {
  const s = await exigerAdministrateur(request, context);
  const coordinations = await listerCoordinations(context.db, context.referentiel);
  // The coordinators' addresses are personal data: each read is in the audit log.
  await journaliser(context.db, { action: "coordinations.consulter", utilisateurId: s.utilisateur.id, objetType: "coordination", details: { lignes: coordinations.length } });
  return { confirmation: confirmation(request.url), coordinations };
}

export async function action({ request, context }: Route.ActionArgs) {
  const s = await exigerAdministrateur(request, context);
  const form = await request.formData();
  const intention = texte(form, "intention");
  const valeurs = { courriel: texte(form, "courriel"), type: texte(form, "type"), code: texte(form, "code") };
  const type = valeurs.type;
  if (!appartient(TYPES_COORDINATION, type)) return echecFormulaire(intention, [{ champ: "type", message: "Choisissez un type de territoire." }], valeurs);
  const portee = { courriel: valeurs.courriel, type, code: valeurs.code };
  try {
    if (intention === "retirer") {
      await retirerCoordination(servicesDe(context), s.utilisateur, portee);
      return redirect("/admin/coordinations?message=coordination-retiree", 303);
    }
    const { nouvelle } = await ajouterCoordination(servicesDe(context), s.utilisateur, portee);
    return redirect(`/admin/coordinations?message=${nouvelle ? "coordination-ajoutee" : "coordination-existante"}`, 303);
  } catch (e) {
    return repondreErreur(e, request, intention, valeurs);
  }
}

export default function AdminCoordinations({ loaderData: d, actionData: r }: Route.ComponentProps) {
  const erreurs = r?.intention === "ajouter" ? r.erreurs : undefined;
  return (
    <div className="comptes large">
      <h1>Coordinations territoriales</h1>
      <Confirmation texte={d.confirmation} />
      {r ? <ResumeErreurs message={r.message} erreurs={r.erreurs} ids={{ courriel: "courriel", type: "type", code: "code" }} /> : null}
      <p>Un·e coordinateur·rice modère les données des lieux de son intercommunalité ou de son département.</p>
      {d.coordinations.length === 0 ? (
        <p>Aucune coordination pour l'instant.</p>
      ) : (
        <table>
          <caption>Coordinations en place</caption>
          <thead>
            <tr>
              <th scope="col">Personne</th>
              <th scope="col">Territoire</th>
              <th scope="col">Retirer</th>
            </tr>
          </thead>
          <tbody>
            {d.coordinations.map((c) => (
              <tr key={`${c.courriel}-${c.type}-${c.code}`}>
                <td>{c.courriel}</td>
                <td>
                  {c.territoire} ({LIBELLES[c.type].toLowerCase()} {c.code})
                </td>
                <td>
                  <Form method="post">
                    <input type="hidden" name="courriel" value={c.courriel} />
                    <input type="hidden" name="type" value={c.type} />
                    <input type="hidden" name="code" value={c.code} />
                    <button type="submit" name="intention" value="retirer" className="bouton-danger">
                      Retirer {c.courriel} de {c.territoire}
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <section aria-labelledby="titre-nommer">
        <h2 id="titre-nommer">Nommer un·e coordinateur·rice</h2>
        <Form method="post" noValidate>
          <ChampTexte id="courriel" name="courriel" type="email" libelle="Adresse électronique" requis aide="Le compte est créé s'il n'existe pas encore." defaultValue={r?.valeurs.courriel} erreurs={erreurs} />
          <ChampListe id="type" name="type" libelle="Type de territoire" requis options={TYPES_COORDINATION.map((t) => ({ valeur: t, libelle: LIBELLES[t] }))} defaultValue={r?.valeurs.type ?? "epci"} erreurs={erreurs} />
          <ChampTexte id="code" name="code" libelle="Code du territoire" requis aide="SIREN à 9 chiffres de l'intercommunalité (par exemple 243500139), ou numéro du département (22, 29, 35, 56)." defaultValue={r?.valeurs.code} erreurs={erreurs} />
          <button type="submit" name="intention" value="ajouter">
            Nommer
          </button>
        </Form>
      </section>
    </div>
  );
}
