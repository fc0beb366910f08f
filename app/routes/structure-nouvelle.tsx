import { redirect } from "react-router";
import { exigerSession } from "~/comptes/session.server";
import { echecFormulaire, repondreErreur } from "~/structures/actions.server";
import { servicesDe } from "~/structures/contexte.server";
import { lireStructure, texteStructure } from "~/structures/saisie";
import { creerStructure } from "~/structures/structures.server";
import { FormulaireStructure } from "~/structures/ui/FormulaireStructure";
import "~/comptes/comptes.css";
import "~/structures/ui/structures.css";
import type { Route } from "./+types/structure-nouvelle";

export function meta() {
  return [{ title: "Créer une structure — Passerelle" }];
}

export async function loader({ request, context }: Route.LoaderArgs) {
  await exigerSession(request, context);
  return null;
}

export async function action({ request, context }: Route.ActionArgs) {
  const session = await exigerSession(request, context);
  const t = texteStructure(await request.formData());
  const lu = lireStructure(t, context.referentiel);
  const valeurs = { ...t };
  if (!lu.ok) return echecFormulaire("creer", lu.erreurs, valeurs);
  try {
    const id = await creerStructure(servicesDe(context), session.utilisateur, lu.valeur);
    return redirect(`/structures/${id}?message=creee`, 303);
  } catch (e) {
    return repondreErreur(e, request, "creer", valeurs);
  }
}

export default function NouvelleStructure({ actionData: r }: Route.ComponentProps) {
  return (
    <div className="comptes">
      <p>
        <a href="/structures">← Mes structures</a>
      </p>
      <h1>Créer une structure</h1>
      <p>Avant de créer votre structure, vérifiez qu'elle n'existe pas déjà depuis la page « Mes structures » : vous pourrez alors demander à la rejoindre. Vous deviendrez responsable de la structure créée.</p>
      <FormulaireStructure valeurs={r?.valeurs ?? {}} erreurs={r?.erreurs} message={r?.message} bouton="Créer la structure" />
    </div>
  );
}
