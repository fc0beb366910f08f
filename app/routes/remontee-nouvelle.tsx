import { data, redirect } from "react-router";
import { exigerSession } from "~/comptes/session.server";
import { accesDe } from "~/remontees/acces.server";
import { creerRemontee, PAS_AUTEUR } from "~/remontees/remontees.server";
import { lireRemontee, texteRemontee, type Portee } from "~/remontees/saisie";
import { FormulaireRemontee } from "~/remontees/ui/FormulaireRemontee";
import { echecFormulaire, repondreErreur } from "~/structures/actions.server";
import { servicesDe } from "~/structures/contexte.server";
import type { Referentiel } from "~/territoire/types";
import "~/comptes/comptes.css";
import "~/structures/ui/structures.css";
import "~/remontees/ui/remontees.css";
import type { Route } from "./+types/remontee-nouvelle";

export function meta() {
  return [{ title: "Faire une remontée de terrain — Passerelle" }];
}

/** The territory choices around a structure's commune (no EPCI choice for the three islands outside any). */
function territoires(referentiel: Referentiel, codeInsee: string): { portee: Portee; nom: string }[] {
  const c = referentiel.commune(codeInsee);
  if (!c) return [{ portee: "commune", nom: codeInsee }];
  const epci = c.epci ? referentiel.epci(c.epci) : undefined;
  const departement = referentiel.departement(c.departement);
  return [
    { portee: "commune", nom: `${c.nom} (commune de la structure)` },
    ...(epci ? [{ portee: "epci" as const, nom: epci.nom }] : []),
    { portee: "departement", nom: departement ? `${departement.nom} (département)` : c.departement },
  ];
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const session = await exigerSession(request, context);
  const a = await accesDe(context.db, context.referentiel, session.utilisateur);
  if (!a || a.structuresAuteures.length === 0) throw data(PAS_AUTEUR, { status: 403 });
  return { structures: a.structuresAuteures.map((s) => ({ id: s.id, nom: s.nom, territoires: territoires(context.referentiel, s.code_insee) })) };
}

export async function action({ request, context }: Route.ActionArgs) {
  const session = await exigerSession(request, context);
  const t = texteRemontee(await request.formData());
  const valeurs = { ...t };
  try {
    const a = await accesDe(context.db, context.referentiel, session.utilisateur);
    // Rights before validation: someone who may not post learns it before fixing the form.
    if (!a || a.structuresAuteures.length === 0) throw data(PAS_AUTEUR, { status: 403 });
    const lu = lireRemontee(t);
    if (!lu.ok) return echecFormulaire("creer", lu.erreurs, valeurs);
    const { id } = await creerRemontee(servicesDe(context), session.utilisateur, lu.valeur);
    return redirect(`/remontees/${id}?message=creee`, 303);
  } catch (e) {
    return repondreErreur(e, request, "creer", valeurs);
  }
}

export default function NouvelleRemontee({ loaderData: d, actionData: r }: Route.ComponentProps) {
  return (
    <div className="comptes">
      <p>
        <a href="/remontees">← Remontées de terrain</a>
      </p>
      <h1>Faire une remontée de terrain</h1>
      <p>Signalez un problème bloquant sur une démarche en ligne d'un opérateur. Ses correspondant·es sur Passerelle sont prévenu·es par courriel et vous répondent ici.</p>
      <p className="avertissement" role="note">
        <strong>Pas de données personnelles.</strong> Ne mettez ni nom, ni numéro de dossier, d'allocataire ou de sécurité sociale, ni adresse, ni téléphone : décrivez la démarche et ce qui bloque.
      </p>
      <FormulaireRemontee structures={d.structures} valeurs={r?.valeurs ?? {}} erreurs={r?.erreurs} message={r?.message} />
    </div>
  );
}
