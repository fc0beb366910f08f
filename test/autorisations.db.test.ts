import { and, count, eq, inArray } from "drizzle-orm";
import express from "express";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { utilisateurs } from "~/comptes/comptes.schema";
import { monterComptes } from "~/comptes/express.server";
import { comptesDeTest, entetesNavigateur, URL_TEST } from "~/comptes/test-outils";
import { journal_audit } from "~/platform/audit/audit.schema";
import { routeurApi } from "~/routes/api/express.server";
import routes from "~/routes";
import { b, issue, nouvelleIp, preparer, ROLES, sessionDe, versConnexion } from "./autorisations/banc";
import { LIGNES_COMPTES } from "./autorisations/lignes-comptes";
import { LIGNES_LIEUX } from "./autorisations/lignes-lieux";
import { LIGNES_ORIENTATIONS } from "./autorisations/lignes-orientations";

/**
 * THE authorisation table (DESIGN §8): every route that changes something, found automatically
 * (React Router modules exporting `action`, Express routes other than GET), called with a session
 * of every role. A new mutating route fails the first test until it gets its row in one of the
 * files of test/autorisations/ (one per domain; the setup they share is banc.ts).
 */
const TABLE = [...LIGNES_LIEUX, ...LIGNES_COMPTES, ...LIGNES_ORIENTATIONS];

beforeAll(preparer);
afterAll(async () => b().c.fermer());

/** Administration pages: reads, but of personal data — the same check for every role. */
const PAGES_ADMIN = [
  ["/admin/courriels", "routes/admin-courriels.tsx"],
  ["/admin/journal", "routes/admin-journal.tsx"],
  ["/admin/coordinations", "routes/admin-coordinations.tsx"],
] as const;
/** Pages that show personal data: the action their reading leaves in the audit log. */
const ACTION_LECTURE: Record<(typeof PAGES_ADMIN)[number][0], string> = {
  "/admin/courriels": "courriels.consulter",
  "/admin/journal": "journal.consulter",
  "/admin/coordinations": "coordinations.consulter",
};

/** Every mutating route: React Router modules with an `action`, Express routes other than GET/HEAD. */
async function routesQuiModifient(): Promise<string[]> {
  const trouvees: string[] = [];
  const parcourir = async (liste: readonly { file: string; path?: string | undefined; index?: boolean | undefined; children?: unknown }[], prefixe: string) => {
    for (const r of liste) {
      const chemin = r.index ? prefixe || "/" : `${prefixe}/${r.path ?? ""}`;
      const m: unknown = await import(path.resolve("app", r.file));
      if (typeof m === "object" && m !== null && "action" in m) trouvees.push(`POST ${chemin}`);
      if (Array.isArray(r.children)) await parcourir(r.children, chemin);
    }
  };
  await parcourir(routes, "");
  const app = express();
  monterComptes(app, b().context.comptes ?? comptesDeTest(b().c.db).comptes);
  app.use("/api/v1", routeurApi(b().context));
  const pile = (routeur: unknown): unknown[] => {
    const s: unknown = typeof routeur === "function" || (typeof routeur === "object" && routeur !== null) ? Reflect.get(routeur, "stack") : undefined;
    return Array.isArray(s) ? s : [];
  };
  const explorer = (couches: unknown[], prefixe: string) => {
    for (const couche of couches) {
      if (typeof couche !== "object" || couche === null) continue;
      const route: unknown = Reflect.get(couche, "route");
      const handle: unknown = Reflect.get(couche, "handle");
      if (typeof route === "object" && route !== null) {
        const methodes: unknown = Reflect.get(route, "methods");
        const chemin = String(Reflect.get(route, "path"));
        const liste = Object.keys(typeof methodes === "object" && methodes !== null ? methodes : {});
        // Express 5 expands `app.all` into every method.
        if (liste.includes("_all") || ["get", "post", "put", "delete"].every((m) => liste.includes(m))) trouvees.push(`ALL ${prefixe}${chemin}`);
        else for (const m of liste) if (!["get", "head", "options"].includes(m)) trouvees.push(`${m.toUpperCase()} ${prefixe}${chemin}`);
      } else if (pile(handle).length > 0) explorer(pile(handle), prefixe || "/api/v1");
    }
  };
  explorer(pile(Reflect.get(app, "router")), "");
  // Routes written straight into server/main.ts would escape the two functions above.
  for (const [, m, chemin] of readFileSync("server/main.ts", "utf8").matchAll(/app\.(post|put|patch|delete)\("([^"]+)"/g)) trouvees.push(`${m?.toUpperCase()} ${chemin}`);
  return trouvees.sort();
}

describe("table des autorisations", () => {
  it("chaque route qui modifie quelque chose a sa ligne (et chaque ligne sa route)", async () => {
    const trouvees = await routesQuiModifient();
    const dansLaTable = TABLE.map((l) => l.route);
    expect(trouvees.filter((r) => !dansLaTable.includes(r)), "routes absentes de la table (test/autorisations/lignes-*.ts)").toEqual([]);
    expect(dansLaTable.filter((r) => !trouvees.includes(r)), "lignes sans route").toEqual([]);
  });

  for (const ligne of TABLE) {
    it(`${ligne.route}${ligne.cas ? ` (${ligne.cas})` : ""} : ${ROLES.map((r) => `${r} ${ligne.attendu[r].statut}`).join(", ")}`, async () => {
      for (const role of ROLES) {
        const obtenu = await ligne.appeler(await sessionDe(role), nouvelleIp());
        const attendu = ligne.attendu[role];
        expect({ role, statut: obtenu.statut, vers: attendu.vers === undefined ? undefined : obtenu.vers?.slice(0, attendu.vers.length) }).toEqual({ role, ...attendu });
      }
    });
  }

  it("supprimer un compte est journalisé, avec l'id seul", async () => {
    const entrees = await b().c.db.select().from(journal_audit).where(eq(journal_audit.action, "compte.supprimer"));
    expect(entrees).toHaveLength(ROLES.length - 1);
    for (const e of entrees) expect(e).toMatchObject({ objet_type: "utilisateur", objet_id: e.utilisateur_id, details: {} });
    const restants = await b().c.db.select({ n: count() }).from(utilisateurs).where(inArray(utilisateurs.id, entrees.flatMap((e) => (e.utilisateur_id ? [e.utilisateur_id] : []))));
    expect(restants[0]?.n).toBe(0);
  });

  it("GET /structures/:id : les adresses des membres ne sont lues que par ses responsables, et chaque lecture est journalisée", async () => {
    const m: unknown = await import(path.resolve("app", "routes/structure.tsx"));
    const loader = typeof m === "object" && m !== null && "loader" in m && typeof m.loader === "function" ? m.loader : undefined;
    const lectures = async () => (await b().c.db.select({ n: count() }).from(journal_audit).where(and(eq(journal_audit.action, "membres.consulter"), eq(journal_audit.objet_id, b().structureId))))[0]?.n;
    for (const [role, voit] of [["mediateur", false], ["responsable", true], ["administrateur", true]] as const) {
      const avant = await lectures();
      const requete = new Request(`${URL_TEST}/structures/${b().structureId}`, { headers: entetesNavigateur(nouvelleIp(), await sessionDe(role)) });
      const page: unknown = await loader?.({ request: requete, context: b().context, params: { id: b().structureId }, url: new URL(requete.url), pattern: "" });
      const membres = typeof page === "object" && page !== null && "membres" in page && Array.isArray(page.membres) ? page.membres : [];
      expect({ role, voit: membres.length > 0 }).toEqual({ role, voit });
      expect({ role, journalise: (await lectures()) === (avant ?? 0) + 1 }).toEqual({ role, journalise: voit });
    }
  });

  it("personne ne se donne un rôle par l'API de better-auth", async () => {
    const admins = async () => (await b().c.db.select({ n: count() }).from(utilisateurs).where(eq(utilisateurs.role, "administrateur")))[0]?.n;
    const avant = await admins();
    const cookie = await sessionDe("connecte");
    const r = await b().context.comptes?.auth.handler(
      new Request(`${URL_TEST}/api/auth/update-user`, { method: "POST", headers: { ...entetesNavigateur(nouvelleIp(), cookie), "content-type": "application/json" }, body: JSON.stringify({ role: "administrateur" }) }),
    );
    expect(r?.status).toBe(400);
    expect(await admins()).toBe(avant);
  });

  for (const [chemin, fichier] of PAGES_ADMIN) {
    it(`GET ${chemin} : administrateurs seulement, et la lecture est journalisée`, async () => {
      const m: unknown = await import(path.resolve("app", fichier));
      const loader = typeof m === "object" && m !== null && "loader" in m && typeof m.loader === "function" ? m.loader : undefined;
      for (const role of ROLES) {
        const cookie = await sessionDe(role);
        const requete = new Request(`${URL_TEST}${chemin}`, { headers: entetesNavigateur(nouvelleIp(), cookie) });
        const obtenu = await issue(Promise.resolve(loader?.({ request: requete, context: b().context, params: {}, url: new URL(requete.url), pattern: "" })));
        const attendu = role === "anonyme" ? versConnexion(chemin) : role === "administrateur" ? { statut: 200 } : { statut: 403 };
        expect({ role, ...obtenu }).toEqual({ role, ...attendu });
      }
      const action = ACTION_LECTURE[chemin];
      const [lectures] = await b().c.db.select({ n: count() }).from(journal_audit).where(eq(journal_audit.action, action));
      expect(lectures?.n).toBe(1);
    });
  }
});
