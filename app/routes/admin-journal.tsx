import { z } from "zod";
import { exigerAdministrateur } from "~/comptes/session.server";
import { actionsJournalisees, idDeCourriel, journaliser, lireJournal, PAR_PAGE_JOURNAL, type FiltresJournal } from "~/platform/audit/journal.server";
import { dateHeureEnFrancais } from "~/platform/courriel/gabarit";
import "~/comptes/comptes.css";
import type { Route } from "./+types/admin-journal";

/** The audit log (every mutation and every read of personal data), for the hub's administrators only. */
export function meta() {
  return [{ title: "Journal d'audit — Administration — Passerelle" }, { name: "robots", content: "noindex" }];
}

const jour = z.iso.date().optional().catch(undefined);
const schemaFiltres = z.object({
  page: z.coerce.number().int().min(1).catch(1),
  action: z.string().trim().max(100).optional().catch(undefined),
  personne: z.string().trim().max(200).optional().catch(undefined),
  du: jour,
  au: jour,
});
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function loader({ request, context }: Route.LoaderArgs) {
  const s = await exigerAdministrateur(request, context);
  const url = new URL(request.url);
  const brut = Object.fromEntries([...url.searchParams].filter(([, v]) => v !== ""));
  const f = schemaFiltres.parse(brut);
  // The person filter takes an address or an account id; an unknown address matches nothing.
  let utilisateurId: string | undefined;
  if (f.personne) utilisateurId = UUID.test(f.personne) ? f.personne.toLowerCase() : ((await idDeCourriel(context.db, f.personne)) ?? "00000000-0000-0000-0000-000000000000");
  const filtres: FiltresJournal = { action: f.action, utilisateurId, du: f.du, au: f.au };
  const [{ lignes, total }, actions] = await Promise.all([lireJournal(context.db, filtres, f.page), actionsJournalisees(context.db)]);
  // The page shows the addresses of the people who acted: reading it is itself a read of personal data.
  await journaliser(context.db, {
    action: "journal.consulter",
    utilisateurId: s.utilisateur.id,
    objetType: "journal_audit",
    details: { page: f.page, filtres: Object.keys(brut).filter((k) => k !== "page") },
  });
  const suite = new URLSearchParams(Object.entries(brut).filter(([k]) => k !== "page"));
  return {
    filtres: { action: f.action ?? "", personne: f.personne ?? "", du: f.du ?? "", au: f.au ?? "" },
    actions,
    page: f.page,
    pages: Math.max(1, Math.ceil(total / PAR_PAGE_JOURNAL)),
    total,
    requete: suite.toString(),
    lignes: lignes.map((l) => ({ ...l, creeLe: dateHeureEnFrancais(l.creeLe), details: JSON.stringify(l.details) })),
  };
}

function lienPage(requete: string, page: number): string {
  const p = new URLSearchParams(requete);
  p.set("page", String(page));
  return `/admin/journal?${p.toString()}`;
}

export default function AdminJournal({ loaderData: d }: Route.ComponentProps) {
  return (
    <div className="comptes large">
      <h1>Journal d'audit</h1>
      <p className="message-info">
        Chaque modification et chaque lecture de données personnelles y est inscrite : qui, quand, quelle action, sur quel objet. Le journal ne contient que des identifiants, jamais le contenu des
        champs personnels.
      </p>
      <form method="get" action="/admin/journal" aria-label="Filtrer le journal">
        <div style={{ display: "flex", flexWrap: "wrap", gap: "1rem", alignItems: "flex-end" }}>
          <div className="champ">
            <label htmlFor="action">Action</label>
            <select id="action" name="action" defaultValue={d.filtres.action}>
              <option value="">Toutes</option>
              {d.actions.map((a) => (
                <option key={a} value={a}>
                  {a}
                </option>
              ))}
            </select>
          </div>
          <div className="champ">
            <label htmlFor="personne">
              Personne <span className="aide">adresse électronique ou identifiant du compte</span>
            </label>
            <input id="personne" name="personne" type="text" defaultValue={d.filtres.personne} autoComplete="off" />
          </div>
          <div className="champ">
            <label htmlFor="du">Du</label>
            <input id="du" name="du" type="date" defaultValue={d.filtres.du} />
          </div>
          <div className="champ">
            <label htmlFor="au">Au</label>
            <input id="au" name="au" type="date" defaultValue={d.filtres.au} />
          </div>
          <div className="champ">
            <button type="submit">Filtrer</button>
          </div>
        </div>
      </form>
      <p aria-live="polite">
        {d.total} entrée{d.total > 1 ? "s" : ""}, de la plus récente à la plus ancienne.
      </p>
      {d.lignes.length > 0 ? (
        <table>
          <caption>
            Journal d'audit, page {d.page} sur {d.pages}
          </caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Personne</th>
              <th scope="col">Action</th>
              <th scope="col">Objet</th>
              <th scope="col">Détails</th>
            </tr>
          </thead>
          <tbody>
            {d.lignes.map((l) => (
              <tr key={l.id}>
                <td>{l.creeLe}</td>
                <td>{l.courriel ?? (l.utilisateurId ? `compte supprimé (${l.utilisateurId})` : "ligne de commande ou visiteur")}</td>
                <td>
                  <code>{l.action}</code>
                </td>
                <td>
                  {l.objetType}
                  {l.objetId ? ` ${l.objetId}` : ""}
                </td>
                <td>
                  <code>{l.details}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {d.pages > 1 ? (
        <nav aria-label="Pages du journal" className="actions">
          {d.page > 1 ? <a href={lienPage(d.requete, d.page - 1)}>Entrées plus récentes</a> : null}
          {d.page < d.pages ? <a href={lienPage(d.requete, d.page + 1)}>Entrées plus anciennes</a> : null}
        </nav>
      ) : null}
    </div>
  );
}
