import { data, redirect } from "react-router";
import { exigerSession } from "~/comptes/session.server";
import { explicationService } from "~/lieux/presentation/services";
import { filtresBoiteDepuis, lireBoite } from "~/orientation/suivi/boite.server";
import { afficherCodeOrientation, normaliserCodeOrientation } from "~/orientation/suivi/codes";
import { trouverParCode } from "~/orientation/suivi/lecture.server";
import { DEMARCHES, LIBELLES_DEMARCHES, LIBELLES_STATUTS, LIBELLES_URGENCES, STATUTS, type Statut } from "~/orientation/suivi/vocabulaire";
import { droitsDe } from "~/structures/droits.server";
import { mesStructures } from "~/structures/structures.server";
import { enPage } from "~/ui/orientations/formulaires";
import { Pagination } from "~/ui/Pagination";
import "~/comptes/comptes.css";
import "~/structures/ui/structures.css";
import "~/ui/orientations/orientations.css";
import type { Route } from "./+types/orientations";

export function meta() {
  return [{ title: "Orientations — Passerelle" }, { name: "robots", content: "noindex" }];
}

const jour = (d: Date) => d.toLocaleDateString("fr-FR", { day: "numeric", month: "short", year: "numeric", timeZone: "Europe/Paris" });
const jourHeure = (d: Date) => `${jour(d)}, ${d.toLocaleTimeString("fr-FR", { hour: "2-digit", minute: "2-digit", timeZone: "Europe/Paris" }).replace(":", " h ")}`;

export async function loader({ request, context }: Route.LoaderArgs) {
  const session = await exigerSession(request, context);
  const url = new URL(request.url);
  const [droits, structures] = await Promise.all([droitsDe(context.db, session.utilisateur, context.referentiel), mesStructures(context.db, context.referentiel, session.utilisateur.id)]);
  const codeSaisi = url.searchParams.get("code") ?? "";
  let erreurCode: string | null = null;
  // « Retrouver par code »: straight to the referral when one of the person's structures sent or received it.
  if (codeSaisi.trim() !== "") {
    if (!normaliserCodeOrientation(codeSaisi)) erreurCode = "Un code compte 8 lettres et chiffres, par exemple K7P3-Q9XM.";
    else {
      const id = await trouverParCode(context.db, droits, codeSaisi);
      if (id) throw redirect(`/orientations/${id}`);
      erreurCode = "Aucune orientation reçue ou envoyée par vos structures ne porte ce code. Vérifiez-le avec la personne.";
    }
  }
  const base = { structures: structures.map((s) => ({ id: s.id, nom: s.nom })), codeSaisi, erreurCode };
  if (structures.length === 0) return { ...base, boite: null };
  const filtres = filtresBoiteDepuis(url, structures.map((s) => s.id));
  if ("erreurs" in filtres) throw data(Object.values(filtres.erreurs).join(" "), { status: 400 });
  const boite = await lireBoite(context.db, droits, filtres).catch(enPage);
  return {
    ...base,
    boite: {
      filtres,
      total: boite.total,
      compteurs: boite.compteurs,
      pages: Math.max(1, Math.ceil(boite.total / boite.parPage)),
      lignes: boite.lignes.map((l) => ({
        id: l.id,
        code: afficherCodeOrientation(l.code),
        statut: LIBELLES_STATUTS[l.statut],
        envoyeeLe: jour(l.envoyeeLe),
        rdvLe: l.rdvLe ? jourHeure(l.rdvLe) : null,
        lieu: `${l.lieu.nom} (${l.lieu.commune})`,
        emettrice: l.structureEmettrice,
        besoins: [...l.services.map((s) => explicationService(s)?.libelle ?? s), ...l.demarches.map((d) => LIBELLES_DEMARCHES[d].replace(/ \(.*\)$/, ""))].join(", "),
        urgence: l.urgence === "normale" ? "Normale" : LIBELLES_URGENCES[l.urgence].replace(/ \(.*\)$/, ""),
      })),
    },
  };
}

/** The inbox URL with these filters (pagination, tabs, structure changes keep the others). */
function lienBoite(f: { sens: string; structureId: string; statuts: readonly Statut[]; demarche: string | null }, page = 1, autres: Partial<{ sens: string; structureId: string }> = {}): string {
  const q = new URLSearchParams();
  q.set("sens", autres.sens ?? f.sens);
  q.set("structure", autres.structureId ?? f.structureId);
  if (!autres.sens) {
    for (const s of f.statuts) q.append("statut", s);
    if (f.demarche) q.set("demarche", f.demarche);
  }
  if (page > 1) q.set("page", String(page));
  return `/orientations?${q.toString()}`;
}

export default function Orientations({ loaderData: l }: Route.ComponentProps) {
  const b = l.boite;
  return (
    <div className="comptes large orientations">
      <h1>Orientations</h1>
      <p>
        Les orientations reçues et envoyées par vos structures. Pour orienter une personne, <a href="/lieux">cherchez un lieu dans l'annuaire</a> puis choisissez « Orienter vers ce lieu ».
      </p>
      <form method="get" action="/orientations" className="par-code">
        <div className="champ">
          <label htmlFor="code">
            Retrouver par code
            <span className="aide" id="aide-code">
              Le code de la fiche d'orientation que la personne présente, par exemple K7P3-Q9XM.
            </span>
          </label>
          <input type="text" id="code" name="code" defaultValue={l.codeSaisi} autoComplete="off" aria-describedby={l.erreurCode ? "aide-code erreur-code" : "aide-code"} {...(l.erreurCode ? { "aria-invalid": true } : {})} />
          {l.erreurCode ? (
            <p className="erreur-champ" id="erreur-code" role="alert">
              {l.erreurCode}
            </p>
          ) : null}
        </div>
        <button type="submit">Retrouver</button>
      </form>
      {!b ? (
        <p className="message-info">
          Vous n'êtes membre d'aucune structure. Pour recevoir ou envoyer des orientations, rejoignez ou créez la vôtre dans <a href="/structures">Mes structures</a>.
        </p>
      ) : (
        <>
          <nav aria-label="Orientations reçues ou envoyées" className="onglets">
            <ul>
              {(["recues", "envoyees"] as const).map((sens) => (
                <li key={sens}>
                  <a href={lienBoite(b.filtres, 1, { sens })} {...(b.filtres.sens === sens ? { "aria-current": "page" } : {})}>
                    {sens === "recues" ? "Reçues" : "Envoyées"}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          {l.structures.length > 1 ? (
            <form method="get" action="/orientations" className="en-ligne-filtres">
              <input type="hidden" name="sens" value={b.filtres.sens} />
              <div className="champ">
                <label htmlFor="structure">Structure</label>
                <select id="structure" name="structure" defaultValue={b.filtres.structureId}>
                  {l.structures.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.nom}
                    </option>
                  ))}
                </select>
              </div>
              <button type="submit" className="bouton-secondaire">
                Changer de structure
              </button>
            </form>
          ) : null}
          <form method="get" action="/orientations" className="filtres-boite">
            <input type="hidden" name="sens" value={b.filtres.sens} />
            <input type="hidden" name="structure" value={b.filtres.structureId} />
            <fieldset>
              <legend>Statut</legend>
              <div className="cases-statuts">
                {STATUTS.map((s) => (
                  <div className="case" key={s}>
                    <input type="checkbox" id={`statut-${s}`} name="statut" value={s} defaultChecked={b.filtres.statuts.includes(s)} />
                    <label htmlFor={`statut-${s}`}>
                      {LIBELLES_STATUTS[s]} ({b.compteurs[s]})
                    </label>
                  </div>
                ))}
              </div>
            </fieldset>
            <div className="champ">
              <label htmlFor="demarche">Démarche</label>
              <select id="demarche" name="demarche" defaultValue={b.filtres.demarche ?? ""}>
                <option value="">Toutes les démarches</option>
                {DEMARCHES.map((d) => (
                  <option key={d} value={d}>
                    {LIBELLES_DEMARCHES[d]}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="bouton-secondaire">
              Filtrer
            </button>
          </form>
          {b.lignes.length === 0 ? (
            <p role="status">Aucune orientation {b.filtres.sens === "recues" ? "reçue" : "envoyée"} ne correspond à ces critères.</p>
          ) : (
            <table className="boite">
              <caption>
                {b.filtres.sens === "recues" ? "Orientations reçues" : "Orientations envoyées"} : {b.total} (page {b.filtres.page} sur {b.pages})
              </caption>
              <thead>
                <tr>
                  <th scope="col">Code</th>
                  <th scope="col">Envoyée le</th>
                  <th scope="col">{b.filtres.sens === "recues" ? "Orientée par" : "Lieu"}</th>
                  <th scope="col">Besoins</th>
                  <th scope="col">Urgence</th>
                  <th scope="col">Statut</th>
                  <th scope="col">Rendez-vous</th>
                </tr>
              </thead>
              <tbody>
                {b.lignes.map((o) => (
                  <tr key={o.id}>
                    <th scope="row">
                      <a href={`/orientations/${o.id}`}>{o.code}</a>
                    </th>
                    <td className="court">{o.envoyeeLe}</td>
                    <td>{b.filtres.sens === "recues" ? `${o.emettrice}, vers ${o.lieu}` : o.lieu}</td>
                    <td>{o.besoins}</td>
                    <td>{o.urgence}</td>
                    <td className="court">{o.statut}</td>
                    <td>{o.rdvLe ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <Pagination page={b.filtres.page} pages={b.pages} lien={(n) => lienBoite(b.filtres, n)} libelle="Pages d'orientations" />
          <p>
            <a href={`/orientations/tableau-de-bord?${new URLSearchParams({ structure: b.filtres.structureId, sens: b.filtres.sens }).toString()}`}>
              Tableau de bord et exports (CSV, tableur) des orientations {b.filtres.sens === "recues" ? "reçues" : "envoyées"}
            </a>
          </p>
        </>
      )}
    </div>
  );
}
