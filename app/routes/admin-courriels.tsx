import { z } from "zod";
import { exigerAdministrateur } from "~/comptes/session.server";
import { journaliser } from "~/platform/audit/journal.server";
import { lireBoiteEnvoi, PAR_PAGE, type EtatCourriel } from "~/platform/courriel/boite-envoi.server";
import { dateHeureEnFrancais } from "~/platform/courriel/gabarit";
import "~/comptes/comptes.css";
import type { Route } from "./+types/admin-courriels";

/** The outbox (without SMTP) and history of every mail, for the hub's administrators only. */
export function meta() {
  return [{ title: "Courriels — Administration — Passerelle" }, { name: "robots", content: "noindex" }];
}

const schemaPage = z.coerce.number().int().min(1).catch(1);

export async function loader({ request, context }: Route.LoaderArgs) {
  const s = await exigerAdministrateur(request, context);
  const page = schemaPage.parse(new URL(request.url).searchParams.get("page") ?? 1);
  const { courriels, total } = await lireBoiteEnvoi(context.db, page);
  // Mails hold addresses and sign-in links: reading them is a read of personal data.
  await journaliser(context.db, { action: "courriels.consulter", utilisateurId: s.utilisateur.id, objetType: "courriel", details: { page, ids: courriels.map((c) => c.id) } });
  return {
    smtp: context.messagerie?.smtp ?? false,
    page,
    pages: Math.max(1, Math.ceil(total / PAR_PAGE)),
    total,
    courriels: courriels.map((c) => ({ ...c, creeLe: dateHeureEnFrancais(c.creeLe), envoyeLe: c.envoyeLe ? dateHeureEnFrancais(c.envoyeLe) : null })),
  };
}

const ETATS: Record<EtatCourriel, string> = { envoye: "Envoyé", en_attente: "Dans la boîte d'envoi", echec: "Échec de l'envoi" };

export default function AdminCourriels({ loaderData: d }: Route.ComponentProps) {
  return (
    <div className="comptes large">
      <h1>Courriels envoyés par Passerelle</h1>
      <p className="message-info">
        {d.smtp
          ? "Les courriels partent par le serveur SMTP configuré ; cette page en garde l'historique."
          : "Aucun serveur SMTP n'est configuré (SMTP_URL) : les courriels ne partent pas, ils restent ici. Transmettez un lien de connexion à son destinataire seulement si vous êtes sûr·e de son identité."}
      </p>
      <p>
        {d.total} courriel{d.total > 1 ? "s" : ""}, du plus récent au plus ancien.
      </p>
      {d.courriels.length > 0 ? (
        <table>
          <caption>
            Courriels, page {d.page} sur {d.pages}
          </caption>
          <thead>
            <tr>
              <th scope="col">Écrit le</th>
              <th scope="col">Destinataire</th>
              <th scope="col">Objet et texte</th>
              <th scope="col">État</th>
            </tr>
          </thead>
          <tbody>
            {d.courriels.map((c) => (
              <tr key={c.id}>
                <td>{c.creeLe}</td>
                <td>{c.destinataire}</td>
                <td>
                  <details>
                    <summary>{c.sujet}</summary>
                    <pre>{c.texte}</pre>
                  </details>
                </td>
                <td>
                  {ETATS[c.etat]}
                  {c.envoyeLe ? ` le ${c.envoyeLe}` : ""}
                  {c.erreur ? ` : ${c.erreur}` : ""}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {d.pages > 1 ? (
        <nav aria-label="Pages de courriels" className="actions">
          {d.page > 1 ? <a href={`/admin/courriels?page=${d.page - 1}`}>Courriels plus récents</a> : null}
          {d.page < d.pages ? <a href={`/admin/courriels?page=${d.page + 1}`}>Courriels plus anciens</a> : null}
        </nav>
      ) : null}
    </div>
  );
}
