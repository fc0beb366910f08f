import { data, Form, redirect } from "react-router";
import { exigerSession } from "~/comptes/session.server";
import { EXPLICATION_SCORE, type Cote } from "~/lieux/doublons/revue";
import { declarerDifferents, fusionnerPaire, paireDetaillee } from "~/lieux/doublons/revue.server";
import { ErreurPasserelle, statutHttp } from "~/platform/erreurs";
import "~/comptes/comptes.css";
import "~/ui/doublons/doublons.css";
import type { Route } from "./+types/doublon";

export function meta() {
  return [{ title: "Comparer deux lieux — Passerelle" }];
}

/** Forbidden, unknown: pages, not errors. */
function enPage(e: unknown): never {
  if (e instanceof ErreurPasserelle && (e.code === "interdit" || e.code === "introuvable")) throw data(e.message, { status: statutHttp(e) });
  throw e;
}

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const session = await exigerSession(request, context);
  return { paire: await paireDetaillee(context.db, session.utilisateur, context.referentiel, params.id).catch(enPage) };
}

const cote = (v: FormDataEntryValue | null): Cote | undefined => (v === "a" ? "a" : v === "b" ? "b" : undefined);

export async function action({ request, context, params }: Route.ActionArgs) {
  const session = await exigerSession(request, context);
  const form = await request.formData();
  try {
    if (form.get("intention") === "differents") {
      await declarerDifferents(context.db, context.referentiel, session.utilisateur, params.id);
      return redirect("/doublons?fait=differents", 303);
    }
    const choix: Partial<Record<string, Cote>> = {};
    for (const [cle, valeur] of form) {
      const c = cote(valeur);
      if (cle.startsWith("choix-") && c) choix[cle.slice("choix-".length)] = c;
    }
    const r = await fusionnerPaire(context.db, context.referentiel, {
      paireId: params.id,
      survivant: String(form.get("survivant") ?? ""),
      versions: { a: Number(form.get("version-a")), b: Number(form.get("version-b")) },
      choix,
      utilisateur: session.utilisateur,
    });
    return redirect(`/doublons?fait=fusion&lieu=${r.survivant}`, 303);
  } catch (e) {
    if (e instanceof ErreurPasserelle && (e.code === "conflit" || e.code === "entree_invalide")) return data({ message: e.message }, { status: statutHttp(e) });
    enPage(e);
  }
}

export default function Doublon({ loaderData: { paire: p }, actionData }: Route.ComponentProps) {
  const lieux = { a: p.a, b: p.b };
  return (
    <div className="comptes">
      <p>
        <a href="/doublons">← Tous les doublons à revoir</a>
      </p>
      <h1>Ces deux fiches décrivent-elles le même lieu ?</h1>
      {actionData ? (
        <p className="message-erreur" role="alert">
          {actionData.message}
        </p>
      ) : null}
      {p.statut !== "a_revoir" ? <p>Cette paire a déjà été traitée ({p.statut === "memes" ? "fusionnée" : "lieux différents"}).</p> : null}
      <div className="doublon-cote-a-cote">
        {(["a", "b"] as const).map((k) => (
          <section key={k} aria-labelledby={`titre-${k}`}>
            <h2 id={`titre-${k}`}>
              {k === "a" ? "Lieu A" : "Lieu B"} : {lieux[k].nom}
            </h2>
            <p>
              {lieux[k].adresse}, {lieux[k].commune}
              <br />
              Sources : {lieux[k].sources.join(", ") || "aucune"} · <a href={`/lieux/${lieux[k].id}`}>fiche du lieu {k.toUpperCase()}</a>
            </p>
          </section>
        ))}
      </div>
      <section aria-labelledby="titre-score">
        <h2 id="titre-score">Score de ressemblance : {Math.round(p.score * 100)} %</h2>
        <p>{EXPLICATION_SCORE}</p>
        <dl>
          {p.signaux.map((s) => (
            <div key={s.libelle}>
              <dt>{s.libelle}</dt>
              <dd>{s.valeur}</dd>
            </div>
          ))}
        </dl>
      </section>
      {p.statut === "a_revoir" ? (
        <>
          <Form method="post">
            <input type="hidden" name="version-a" value={p.a.version} />
            <input type="hidden" name="version-b" value={p.b.version} />
            <h2>Fusionner</h2>
            <fieldset>
              <legend>Identifiant à garder (l'autre fiche redirigera vers celle-ci)</legend>
              {(["a", "b"] as const).map((k) => (
                <div className="case" key={k}>
                  <input type="radio" id={`survivant-${k}`} name="survivant" value={lieux[k].id} defaultChecked={k === "a"} required />
                  <label htmlFor={`survivant-${k}`}>
                    {k === "a" ? "Lieu A" : "Lieu B"} ({lieux[k].nom})
                  </label>
                </div>
              ))}
            </fieldset>
            {p.champs.length === 0 ? (
              <p>Les deux fiches ont les mêmes valeurs : rien à choisir.</p>
            ) : (
              <>
                <p>Pour chaque information différente, choisissez la valeur à garder. Le choix proposé suit la règle de l'import : la source la plus récente l'emporte.</p>
                {p.champs.map((c) => (
                  <fieldset key={c.champ} className="doublon-champ">
                    <legend>{c.libelle}</legend>
                    <div className="doublon-cote-a-cote">
                      {(["a", "b"] as const).map((k) => (
                        <div className="case" key={k}>
                          <input type="radio" id={`choix-${c.champ}-${k}`} name={`choix-${c.champ}`} value={k} defaultChecked={c.parDefaut === k} />
                          <label htmlFor={`choix-${c.champ}-${k}`}>
                            {k === "a" ? "Lieu A" : "Lieu B"} : {c[k] === "" ? "(vide)" : c[k]}
                          </label>
                        </div>
                      ))}
                    </div>
                  </fieldset>
                ))}
              </>
            )}
            <div className="doublon-actions">
              <button type="submit" name="intention" value="fusionner">
                Fusionner
              </button>
            </div>
          </Form>
          <Form method="post">
            <h2>Ou bien</h2>
            <p>Si ce sont deux lieux distincts, dites-le : les prochains imports ne les proposeront plus.</p>
            <button type="submit" name="intention" value="differents">
              Ce ne sont pas les mêmes lieux
            </button>
          </Form>
        </>
      ) : null}
    </div>
  );
}
