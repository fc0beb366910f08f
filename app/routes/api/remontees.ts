import { exigerSessionApi } from "~/comptes/session.server";
import { accesDe } from "~/remontees/acces.server";
import { agregats, creerRemontee, listerRemontees, type LigneRemontee } from "~/remontees/remontees.server";
import { lireFiltres, lireRemontee, texteRemonteeJson } from "~/remontees/saisie";
import { servicesDe } from "~/structures/contexte.server";
import { probleme, repondre } from "./reponses";
import type { Route } from "./+types/remontees";

type Appel = Pick<Route.LoaderArgs, "request" | "context">;

const ENTETES = { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "private, no-store" };

/** A readable feedback as the API gives it: snake_case, ISO dates, no author (neither person nor structure). */
function ligneApi(l: LigneRemontee) {
  return {
    id: l.id,
    operateur: l.operateur,
    demarche: l.demarche,
    theme: l.theme,
    description: l.description,
    personnes_concernees: l.personnes,
    territoire: l.territoire,
    statut: l.statut,
    reponses: l.reponses,
    cree_le: l.creeLe.toISOString(),
    modifie_le: l.modifieLe.toISOString(),
    close_le: l.closeLe?.toISOString() ?? null,
  };
}

const invalides = (erreurs: { champ: string; message: string }[], quoi: string) =>
  probleme(
    400,
    `${quoi}${erreurs.length > 1 ? "s" : ""} invalide${erreurs.length > 1 ? "s" : ""} : ${erreurs.map((e) => e.champ).join(", ")}.`,
    erreurs.map((e) => ({ parametre: e.champ, message: e.message })),
  );

/**
 * GET /api/v1/remontees?operateur=&theme=&statut=: the counts per operator and theme (everyone signed
 * in) and the feedback the person may read. 401 without a session. Never cached: it follows the thread.
 */
export function loader({ request, context }: Appel) {
  return repondre(async () => {
    const session = await exigerSessionApi(request, context);
    const { filtres, erreurs } = lireFiltres(new URL(request.url).searchParams);
    if (erreurs.length > 0) return invalides(erreurs, "Paramètre");
    const a = await accesDe(context.db, context.referentiel, session.utilisateur);
    const [chiffres, lignes] = await Promise.all([agregats(context.db, filtres), a ? listerRemontees(context, a, filtres) : []]);
    return new Response(JSON.stringify({ agregats: chiffres, data: lignes.map(ligneApi) }), { status: 200, headers: ENTETES });
  });
}

/** POST /api/v1/remontees (JSON): a médiateur or responsable posts a feedback; 201 with its id and Location. */
export function action({ request, context }: Appel) {
  return repondre(async () => {
    if (request.method !== "POST") return probleme(405, "Seule la méthode POST crée une remontée.", undefined, { entetes: { Allow: "GET, POST" } });
    const session = await exigerSessionApi(request, context);
    const corps: unknown = await request.json().catch(() => undefined);
    const texte = texteRemonteeJson(corps);
    if (!texte) return probleme(400, "Le corps de la requête doit être un objet JSON.", [{ parametre: "corps", message: "JSON invalide ou absent." }]);
    const lu = lireRemontee(texte);
    if (!lu.ok) return invalides(lu.erreurs, "Champ");
    const { id, prevenus } = await creerRemontee(servicesDe(context), session.utilisateur, lu.valeur);
    const reponse = { id, statut: "ouverte", correspondants_prevenus: prevenus };
    return new Response(JSON.stringify(reponse), { status: 201, headers: { ...ENTETES, Location: `/remontees/${id}` } });
  });
}
