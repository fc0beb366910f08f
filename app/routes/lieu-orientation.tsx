import { data, Form, redirect } from "react-router";
import { exigerSession } from "~/comptes/session.server";
import { lieuModifiable, peutModifier } from "~/lieux/edition/modifier.server";
import { enregistrerConditions, lireConditions, validerConditions } from "~/orientation/suivi/conditions.server";
import { LIBELLES_MODALITES, MODALITES } from "~/orientation/suivi/vocabulaire";
import { droitsDe } from "~/structures/droits.server";
import { ChampTexte, ChampZone, Confirmation, ResumeErreurs } from "~/structures/ui/Champs";
import { champsDe, detailsDe, enPage } from "~/ui/orientations/formulaires";
import "~/comptes/comptes.css";
import "~/structures/ui/structures.css";
import "~/ui/orientations/orientations.css";
import type { Route } from "./+types/lieu-orientation";

/** Fields in the form's order (the error summary follows it). */
const ORDRE = ["accepte_orientations", "public_accueilli", "modalites", "courriel_orientation", "telephone_orientation", "a_apporter", "delais"];

export function meta({ data: d }: Route.MetaArgs) {
  return [{ title: d ? `Conditions d'orientation de « ${d.nom} » — Passerelle` : "Conditions d'orientation — Passerelle" }];
}

async function lieuDesProprietaires(request: Request, context: Route.LoaderArgs["context"], id: string) {
  const session = await exigerSession(request, context);
  const ligne = await lieuModifiable(context.db, id).catch(enPage);
  if (!(await peutModifier(context.db, context.referentiel, session.utilisateur, ligne))) {
    throw data("Seuls les membres de la structure qui gère ce lieu, ses coordinateurs et les administrateurs peuvent changer ses conditions d'orientation.", { status: 403 });
  }
  return { session, ligne };
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { ligne } = await lieuDesProprietaires(request, context, params.id);
  const c = await lireConditions(context.db, ligne.id);
  return {
    id: ligne.id,
    nom: ligne.nom,
    valeurs: {
      accepte_orientations: c.accepteOrientations ? "oui" : "non",
      public_accueilli: c.publicAccueilli,
      modalites: c.modalites,
      courriel_orientation: c.courrielOrientation ?? "",
      telephone_orientation: c.telephoneOrientation ?? "",
      a_apporter: c.aApporter,
      delais: c.delais,
    },
    enregistre: new URL(request.url).searchParams.get("message") === "enregistre",
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { session, ligne } = await lieuDesProprietaires(request, context, params.id);
  const champs = champsDe(await request.formData(), ["modalites"]);
  const v = validerConditions(champs);
  if (!v.ok) return data({ erreurs: detailsDe(v.erreurs, ORDRE), champs }, { status: 400 });
  const droits = await droitsDe(context.db, session.utilisateur, context.referentiel);
  await enregistrerConditions(context.db, droits, ligne.id, v.valeur).catch(enPage);
  return redirect(`/lieux/${ligne.id}/orientation?message=enregistre`, 303);
}

const texte = (v: string | string[] | undefined) => (typeof v === "string" ? v : "");
const liste = (v: string | string[] | undefined) => (Array.isArray(v) ? v : typeof v === "string" && v !== "" ? [v] : []);

export default function ConditionsLieu({ loaderData: l, actionData: r }: Route.ComponentProps) {
  const v: Record<string, string | string[]> = r?.champs ?? l.valeurs;
  const erreurs = r?.erreurs ?? [];
  const erreurDe = (champ: string) => erreurs.find((e) => e.champ === champ)?.message;
  const modalites = liste(v.modalites);
  const accepte = texte(v.accepte_orientations) || "non";
  return (
    <div className="comptes orientations">
      <p>
        <a href={`/lieux/${l.id}`}>← Retour à la fiche du lieu</a>
      </p>
      <h1>Conditions d'orientation de « {l.nom} »</h1>
      <Confirmation texte={l.enregistre && !r ? "Les conditions d'orientation sont enregistrées. Elles sont affichées sur la fiche du lieu avant tout envoi." : null} />
      <p>Ces informations sont montrées aux professionnels avant qu'ils orientent une personne vers ce lieu. Écrivez-les simplement.</p>
      <Form method="post" noValidate>
        {erreurs.length > 0 ? <ResumeErreurs message="Les conditions ne sont pas enregistrées : corrigez les champs ci-dessous." erreurs={erreurs} ids={{ modalites: "modalite-passerelle", accepte_orientations: "accepte-oui" }} /> : null}
        <fieldset aria-describedby={erreurDe("accepte_orientations") ? "erreur-accepte" : undefined}>
          <legend>Le lieu reçoit-il des orientations par Passerelle ?</legend>
          {erreurDe("accepte_orientations") ? (
            <p className="erreur-champ" id="erreur-accepte">
              {erreurDe("accepte_orientations")}
            </p>
          ) : null}
          <div className="case">
            <input type="radio" id="accepte-oui" name="accepte_orientations" value="oui" defaultChecked={accepte === "oui"} />
            <label htmlFor="accepte-oui">Oui : les professionnels peuvent nous orienter des personnes dans Passerelle</label>
          </div>
          <div className="case">
            <input type="radio" id="accepte-non" name="accepte_orientations" value="non" defaultChecked={accepte !== "oui"} />
            <label htmlFor="accepte-non">Non : seuls les autres moyens ci-dessous sont indiqués</label>
          </div>
        </fieldset>
        <ChampZone id="public_accueilli" name="public_accueilli" libelle="Qui le lieu peut accueillir" aide="Par exemple : tout public majeur habitant Rennes Métropole ; pas d'accompagnement des entreprises." defaultValue={texte(v.public_accueilli)} erreurs={erreurs} />
        <fieldset aria-describedby={erreurDe("modalites") ? "erreur-modalites" : undefined}>
          <legend>Comment orienter une personne vers le lieu (facultatif)</legend>
          {erreurDe("modalites") ? (
            <p className="erreur-champ" id="erreur-modalites">
              {erreurDe("modalites")}
            </p>
          ) : null}
          {MODALITES.map((m) => (
            <div className="case" key={m}>
              <input type="checkbox" id={`modalite-${m}`} name="modalites" value={m} defaultChecked={modalites.includes(m)} />
              <label htmlFor={`modalite-${m}`}>{LIBELLES_MODALITES[m]}</label>
            </div>
          ))}
        </fieldset>
        <ChampTexte id="courriel_orientation" name="courriel_orientation" type="email" autoComplete="email" libelle="Adresse de courriel pour les orientations" aide="L'adresse de la structure (pas celle d'une personne). Sans compte dans Passerelle, les orientations arrivent là, avec un lien sécurisé pour répondre." defaultValue={texte(v.courriel_orientation)} erreurs={erreurs} />
        <ChampTexte id="telephone_orientation" name="telephone_orientation" autoComplete="tel" libelle="Téléphone pour les orientations" aide="Le numéro de l'accueil, par exemple 02 99 00 00 00." defaultValue={texte(v.telephone_orientation)} erreurs={erreurs} />
        <ChampZone id="a_apporter" name="a_apporter" libelle="Ce que la personne doit apporter" aide="En plus de ce que la fiche d'orientation indique déjà : par exemple un justificatif de domicile." defaultValue={texte(v.a_apporter)} erreurs={erreurs} />
        <ChampZone id="delais" name="delais" libelle="Délais" aide="Par exemple : rendez-vous sous 8 jours ; sans rendez-vous le mardi matin." defaultValue={texte(v.delais)} erreurs={erreurs} />
        <button type="submit">Enregistrer les conditions</button>
      </Form>
    </div>
  );
}
