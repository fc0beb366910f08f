import { eq } from "drizzle-orm";
import { exigerSessionApi } from "~/comptes/session.server";
import { lireModifications } from "~/lieux/edition/champs";
import { lieuModifiable, modifierLieu, peutModifier } from "~/lieux/edition/modifier.server";
import { lieux } from "~/lieux/lieux.schema";
import { lireFicheLieu } from "~/lieux/recherche/fiche.server";
import { ErreurPasserelle } from "~/platform/erreurs";
import { etagDe, probleme, repondre, reponseJson, versionDeIfMatch } from "./reponses";
import type { Route } from "./+types/lieu";

type Appel = Pick<Route.LoaderArgs, "request" | "context" | "params">;

/** GET /api/v1/lieux/<id>: a place in the standard's JSON with its provenance; merged-away ids redirect. */
export function loader({ request, context, params }: Appel) {
  return repondre(async () => {
    // Read before the place: a write in between gives an older version, so a PATCH with it is refused (412), never lost.
    const version = await versionDe(context.db, params.id);
    const r = await lireFicheLieu(context.db, params.id);
    if (r.type === "introuvable") return probleme(404, `Aucun lieu n'a l'identifiant « ${params.id} ».`);
    if (r.type === "fusionne") {
      return new Response(null, { status: 301, headers: { Location: `/api/v1/lieux/${r.vers}`, "Cache-Control": "public, max-age=60" } });
    }
    return reponseJson(request, r.fiche, version);
  });
}

async function versionDe(db: Appel["context"]["db"], id: string): Promise<number | undefined> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return undefined;
  const [l] = await db.select({ version: lieux.version }).from(lieux).where(eq(lieux.id, id.toLowerCase()));
  return l?.version;
}

/** The place as GET answers it, with its ETag (for 200 and 412 answers). */
async function ficheEtEtag(db: Appel["context"]["db"], id: string, version: number) {
  const r = await lireFicheLieu(db, id);
  if (r.type !== "fiche") throw new ErreurPasserelle("introuvable", `Aucun lieu n'a l'identifiant « ${id} ».`);
  return { fiche: r.fiche, etag: etagDe(JSON.stringify(r.fiche), version) };
}

/**
 * PATCH /api/v1/lieux/<id>: edits standard fields (JSON body) for members of the structure running the
 * place, its coordinators and administrators. `If-Match` (the ETag of GET, or `"<version>"`) is
 * required: an edit made from a stale copy is refused with the current place (412), never applied.
 */
export function action({ request, context, params }: Appel) {
  return repondre(async () => {
    if (request.method !== "PATCH") return probleme(405, "Seule la méthode PATCH modifie un lieu.", undefined, { entetes: { Allow: "GET, PATCH" } });
    const session = await exigerSessionApi(request, context);
    const referentiel = context.referentiel;
    const ligne = await lieuModifiable(context.db, params.id);
    if (!(await peutModifier(context.db, referentiel, session.utilisateur, ligne))) {
      return probleme(403, "Seuls les membres de la structure qui gère ce lieu, ses coordinateurs et les administrateurs peuvent le modifier.");
    }
    const versionAttendue = versionDeIfMatch(request.headers.get("If-Match"));
    if (versionAttendue === null) return probleme(428, "En-tête If-Match requis : renvoyez l'ETag lu par GET /api/v1/lieux/<id> (ou \"<version>\").");
    let corps: unknown;
    try {
      corps = await request.json();
    } catch {
      return probleme(400, "Le corps de la requête doit être du JSON.", [{ parametre: "*", message: "JSON illisible." }]);
    }
    const lu = lireModifications(corps);
    if (!lu.ok) return probleme(400, `Champ${lu.erreurs.length > 1 ? "s" : ""} invalide${lu.erreurs.length > 1 ? "s" : ""} : ${[...new Set(lu.erreurs.map((e) => e.champ))].join(", ")}.`, lu.erreurs.map((e) => ({ parametre: e.champ, message: e.message })));

    const r = await modifierLieu(context.db, referentiel, { lieuId: ligne.id, versionAttendue, modifications: lu.modifications, utilisateur: session.utilisateur });
    if (r.type === "invalide") {
      const champs = [...new Set(r.erreurs.map((e) => e.champ))];
      return probleme(400, `Champ${champs.length > 1 ? "s" : ""} invalide${champs.length > 1 ? "s" : ""} : ${champs.join(", ")}.`, r.erreurs.map((e) => ({ parametre: e.champ, message: e.message })));
    }
    if (r.type === "conflit") {
      const { fiche, etag } = await ficheEtEtag(context.db, ligne.id, r.actuel.version);
      return probleme(412, `Le lieu a été modifié depuis la version ${versionAttendue} : voici la version ${r.actuel.version}. Reportez vos changements sur celle-ci.`, undefined, {
        entetes: { ETag: etag },
        corps: { version: r.actuel.version, lieu: fiche },
      });
    }
    const { fiche, etag } = await ficheEtEtag(context.db, ligne.id, r.lieu.version);
    return new Response(JSON.stringify(fiche), { status: 200, headers: { "Content-Type": "application/json; charset=utf-8", ETag: etag, "Cache-Control": "no-store" } });
  });
}
