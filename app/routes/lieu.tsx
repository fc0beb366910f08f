import { data, redirect } from "react-router";
import { chargerFiche } from "~/lieux/fiche/fiche.server";
import { lienModifier } from "~/lieux/edition/lien.server";
import { completude } from "~/lieux/fraicheur/completude";
import { ConfirmationFraicheur } from "~/lieux/fraicheur/ConfirmationFraicheur";
import { jetonFormulaire } from "~/lieux/signalements/anti-spam.server";
import { servicesSignalements } from "~/lieux/signalements/services.server";
import { LimiteAtteinte, signaler } from "~/lieux/signalements/signaler.server";
import { ENTETE_IP } from "~/comptes/auth.server";
import { lireSignalement } from "~/lieux/signalements/signalement";
import { GROUPES_SERVICES } from "~/lieux/presentation/services";
import { ErreurPasserelle } from "~/platform/erreurs";
import { AccesFiche } from "~/ui/fiche/Acces";
import { ActionsFiche } from "~/ui/fiche/ActionsFiche";
import { ContactsFiche } from "~/ui/fiche/Contacts";
import { EtatOuverture, HorairesSemaine } from "~/ui/fiche/Horaires";
import { FormulaireSignalement } from "~/ui/fiche/Signalement";
import { BadgeFraicheur, SourcesFiche } from "~/ui/fiche/Sources";
import { formaterDate } from "~/ui/textes";
import { orientationDuLieu } from "~/ui/orientations/lieu.server";
import { SectionOrienter } from "~/ui/orientations/SectionOrienter";
import "~/ui/lieux.css";
import type { Route } from "./+types/lieu";

/** Unknown ids (and malformed ones) are a 404 page, not an error. */
function introuvable(e: unknown): never {
  if (e instanceof ErreurPasserelle && e.code === "introuvable") throw data("Lieu introuvable", { status: 404 });
  throw e;
}

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const r = await chargerFiche(context.db, params.id, { fraicheurMois: context.config.fraicheurMois }).catch(introuvable);
  // A place merged into another keeps working links: permanently moved to the surviving place.
  if (r.type === "fusionne") throw redirect(`/lieux/${r.vers}`, 301);
  // The report form's signed timestamp: a report sent less than 3 s after it is refused quietly.
  const jeton = jetonFormulaire(servicesSignalements(context).secret);
  const modifier = await lienModifier(request, context, r.fiche.lieu);
  // Tracked referrals: the conditions before any sending, and who may send or edit them.
  const orienter = await orientationDuLieu(request, context, r.fiche.lieu);
  // The freshness badge follows the setting PASSERELLE_FRAICHEUR_MOIS; editors also see what is missing.
  const fiche = r.fiche;
  const edition = modifier ? { completude: completude(r.fiche.lieu), confirme: new URL(request.url).searchParams.get("confirme") === "1" } : undefined;
  return { fiche, seuilFraicheur: context.config.fraicheurMois, merci: new URL(request.url).searchParams.get("signalement") === "merci", jeton, modifier, edition, orienter };
}

export async function action({ params, request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const lu = lireSignalement(form);
  if (!lu.ok) {
    const texte = (cle: string) => String(form.get(cle) ?? "");
    const valeurs = { categories: form.getAll("categories").map(String), message: texte("message"), courriel: texte("courriel") };
    // The form's first timestamp comes back: a quick correction is not taken for a bot.
    return data({ erreurs: lu.erreurs, valeurs, jeton: texte("jeton") }, { status: 400 });
  }
  const client = request.headers.get(ENTETE_IP);
  await signaler(servicesSignalements(context), params.id, lu.signalement, { origine: "formulaire", client, jeton: form.get("jeton") }).catch((e: unknown) => {
    if (e instanceof LimiteAtteinte) throw data(e.message, { status: 429, headers: { "Retry-After": String(e.reessayerDans) } });
    return introuvable(e);
  });
  // Post/redirect/get: the confirmation is in the URL, a reload does not send the report again.
  return redirect(`/lieux/${params.id}?signalement=merci#signaler`, 303);
}

export function meta({ data: d }: Route.MetaArgs) {
  if (!d) return [{ title: "Lieu introuvable — Passerelle" }];
  const l = d.fiche.lieu;
  return [
    { title: `${l.nom}, ${l.commune} — Passerelle` },
    { name: "description", content: `${l.nom}, ${l.adresse}, ${l.code_postal} ${l.commune} : horaires, services, comment y accéder.` },
  ];
}

export default function Lieu({ loaderData: { fiche, seuilFraicheur, merci, jeton, modifier, edition, orienter }, actionData }: Route.ComponentProps) {
  const l = fiche.lieu;
  const services = GROUPES_SERVICES.map((g) => ({ ...g, services: g.services.filter((s) => l.services.includes(s.service)) })).filter((g) => g.services.length > 0);
  const programmes = [...l.dispositif_programmes_nationaux, ...l.formations_labels, ...l.autres_formations_labels];
  return (
    <article className="fiche" aria-labelledby="titre-lieu">
      <header className="fiche-entete">
        <p className="pas-imprimer">
          <a href="/lieux">← Trouver un autre lieu</a>
        </p>
        <h1 id="titre-lieu">{l.nom}</h1>
        <p>
          {l.adresse}
          {l.complement_adresse ? `, ${l.complement_adresse}` : ""}, {l.code_postal} {l.commune}
        </p>
        <EtatOuverture fiche={fiche} />
        <p>
          Informations du {formaterDate(l.date_maj)} <BadgeFraicheur fraicheur={fiche.fraicheur} /> <a href="#titre-sources">D'où viennent-elles ?</a>
        </p>
        {l.modalites_acces.includes("Ce lieu n'accueille pas de public") ? <p className="message-erreur">Ce lieu n'accueille pas de public.</p> : null}
        <ActionsFiche chemin={`/lieux/${l.id}`} />
        {modifier ? (
          <p className="pas-imprimer">
            <a href={modifier}>Modifier ce lieu</a>
          </p>
        ) : null}
        {edition ? <ConfirmationFraicheur lieuId={l.id} fraicheur={fiche.fraicheur} completude={edition.completude} confirme={edition.confirme} /> : null}
      </header>
      <div className="fiche-sections">
        <div>
          <section aria-labelledby="titre-horaires">
            <h2 id="titre-horaires">Horaires</h2>
            <HorairesSemaine fiche={fiche} />
          </section>
          <section aria-labelledby="titre-services">
            <h2 id="titre-services">Ce qu'on peut y faire</h2>
            {services.length === 0 ? (
              <p>Le lieu n'a pas précisé ses services.</p>
            ) : (
              services.map((g) => (
                <div key={g.groupe}>
                  <h3>{g.groupe}</h3>
                  <ul>
                    {g.services.map((s) => (
                      <li key={s.service}>
                        <strong>{s.libelle}</strong> : {s.explication}
                      </li>
                    ))}
                  </ul>
                </div>
              ))
            )}
          </section>
          <AccesFiche lieu={l} surRendezVous={fiche.sur_rendez_vous} />
          {l.presentation_resume || l.presentation_detail ? (
            <section aria-labelledby="titre-presentation">
              <h2 id="titre-presentation">Présentation</h2>
              {l.presentation_resume ? <p>{l.presentation_resume}</p> : null}
              {l.presentation_detail ? <p>{l.presentation_detail}</p> : null}
            </section>
          ) : null}
          {programmes.length > 0 || l.structure_parente ? (
            <section aria-labelledby="titre-programmes">
              <h2 id="titre-programmes">Programmes et labels</h2>
              <ul>
                {programmes.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
              {l.structure_parente ? <p>Structure parente : {l.structure_parente}</p> : null}
            </section>
          ) : null}
        </div>
        <div>
          <ContactsFiche fiche={fiche} />
          <SectionOrienter lieuId={l.id} o={orienter} />
          <SourcesFiche fiche={fiche} seuilMois={seuilFraicheur} />
        </div>
      </div>
      <FormulaireSignalement lieuId={l.id} merci={merci} jeton={actionData?.jeton || jeton} erreurs={actionData?.erreurs} valeurs={actionData?.valeurs} />
    </article>
  );
}
