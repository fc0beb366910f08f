import { and, count, eq, inArray } from "drizzle-orm";
import express from "express";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { AppLoadContext } from "react-router";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { utilisateurs } from "~/comptes/comptes.schema";
import { monterComptes } from "~/comptes/express.server";
import { comptesDeTest, dernierJeton, enCookie, entetesNavigateur, URL_TEST } from "~/comptes/test-outils";
import { doublons, lieux } from "~/lieux/lieux.schema";
import { journal_audit } from "~/platform/audit/audit.schema";
import { creerMessagerie } from "~/platform/courriel/messagerie.server";
import type { Connexion } from "~/platform/db/connexion.server";
import { statutHttp } from "~/platform/erreurs";
import { routeurApi } from "~/routes/api/express.server";
import routes from "~/routes";
import { coordinations, lieux_structures, membres_structures, structures } from "~/structures/structures.schema";
import { baseDeTest } from "./aide/base";
import { referentiel } from "./aide/lieux";

/**
 * THE authorisation table (DESIGN §8): every route that changes something, found automatically
 * (React Router modules exporting `action`, Express routes other than GET), called with a session
 * of every role. A new mutating route fails the first test until it gets its row here.
 */
const ROLES = ["anonyme", "connecte", "mediateur", "responsable", "prescripteur", "coordinateur", "administrateur"] as const;
type Role = (typeof ROLES)[number];
interface Attendu {
  statut: number;
  /** Start of the Location header, for redirects. */
  vers?: string;
}
interface Ligne {
  route: string;
  /** When a route has several rows: which use. */
  cas?: string;
  attendu: Record<Role, Attendu>;
  appeler: (cookie: string | undefined, ip: string) => Promise<Attendu>;
}

let c: Connexion;
let context: AppLoadContext;
let structureId = "";
const LIEU = "0d0d0d0d-0000-4000-8000-000000000001";

beforeAll(async () => {
  c = await baseDeTest();
  const { comptes, config } = comptesDeTest(c.db);
  context = { db: c.db, moteur: c.moteur, referentiel, config, comptes, messagerie: creerMessagerie(c.db, config) };
  await c.db.insert(lieux).values({ id: LIEU, pivot: "00000000000000", nom: "EPN", commune: "Rennes", code_postal: "35000", code_insee: "35238", adresse: "1 rue X", date_maj: "2024-01-01" });
  const [s] = await c.db.insert(structures).values({ nom: "EPN du Blosne", type: "association", code_insee: "35238" }).returning({ id: structures.id });
  structureId = s?.id ?? "";
  // The structure runs the place: its médiateurs and responsables may edit it.
  await c.db.insert(lieux_structures).values({ lieu_id: LIEU, structure_id: structureId });
  await c.db.insert(utilisateurs).values({ courriel: "coordinatrice@exemple.fr" });
});
afterAll(async () => c.fermer());

/** Two fresh places in Rennes and their uncertain pair, for one call of the duplicate review. */
async function paireDeTest(): Promise<{ id: string; a: string }> {
  const ids = [randomUUID(), randomUUID()].sort();
  const [a = "", b = ""] = ids;
  for (const id of ids) await c.db.insert(lieux).values({ id, pivot: "00000000000000", nom: `EPN ${id}`, commune: "Rennes", code_postal: "35000", code_insee: "35238", adresse: "1 rue X", date_maj: "2024-01-01" });
  await c.db.insert(doublons).values({ lieu_a: a, lieu_b: b, score: 0.7, signaux: {} });
  return { id: `${a}_${b}`, a };
}

let compteur = 0;
const nouvelleIp = () => `10.9.${Math.floor(++compteur / 200)}.${(compteur % 200) + 1}`;

/** A fresh account holding `role`, signed in through the real magic-link path; its session cookie. */
async function sessionDe(role: Role): Promise<string | undefined> {
  if (role === "anonyme") return undefined;
  const courriel = `${role}-${++compteur}@exemple.fr`;
  const [u] = await c.db
    .insert(utilisateurs)
    .values({ courriel, role: role === "administrateur" ? "administrateur" : null })
    .returning({ id: utilisateurs.id });
  const id = u?.id ?? "";
  if (role === "mediateur" || role === "responsable" || role === "prescripteur") await c.db.insert(membres_structures).values({ structure_id: structureId, utilisateur_id: id, role });
  if (role === "coordinateur") await c.db.insert(coordinations).values({ utilisateur_id: id, type_territoire: "epci", code: "243500139" });
  const entetes = entetesNavigateur(nouvelleIp());
  const auth = context.comptes?.auth;
  if (!auth) throw new Error("comptes absents");
  const demande = await auth.handler(new Request(`${URL_TEST}/api/auth/sign-in/magic-link`, { method: "POST", headers: { ...entetes, "content-type": "application/json" }, body: JSON.stringify({ email: courriel }) }));
  expect(demande.status).toBe(200);
  const jeton = await dernierJeton(c.db, courriel);
  const verif = await auth.handler(new Request(`${URL_TEST}/api/auth/magic-link/verify?token=${jeton}&callbackURL=%2Fcompte`, { headers: entetes }));
  expect(verif.status).toBe(302);
  return enCookie(verif);
}

/** What an action answered or threw, as a status and a redirect target. */
async function issue(p: Promise<unknown>): Promise<Attendu> {
  const r = await p.catch((e: unknown) => e);
  const vers = (h: Headers) => h.get("location") ?? undefined;
  if (r instanceof Response) return r.status >= 300 && r.status < 400 ? { statut: r.status, vers: vers(r.headers) ?? "" } : { statut: r.status };
  if (typeof r === "object" && r !== null && "data" in r && "init" in r) {
    const init = r.init;
    return { statut: typeof init === "object" && init !== null && "status" in init && typeof init.status === "number" ? init.status : 200 };
  }
  if (r instanceof Error) return { statut: statutHttp(r) };
  return { statut: 200 };
}

function post(chemin: string, champs: Record<string, string>, ip: string, cookie: string | undefined): Request {
  return new Request(`${URL_TEST}${chemin}`, { method: "POST", headers: { ...entetesNavigateur(ip, cookie), "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(champs) });
}
async function action(fichier: string, requete: Request, params: Record<string, string> = {}): Promise<Attendu> {
  const m: unknown = await import(path.resolve("app", fichier));
  const a = typeof m === "object" && m !== null && "action" in m && typeof m.action === "function" ? m.action : undefined;
  if (!a) throw new Error(`${fichier} n'exporte plus d'action`);
  return issue(Promise.resolve(a({ request: requete, context, params, url: new URL(requete.url), pattern: "" })));
}

const pourTous = (a: Attendu): Record<Role, Attendu> => ({ anonyme: a, connecte: a, mediateur: a, responsable: a, prescripteur: a, coordinateur: a, administrateur: a });
const anonymeSinon = (anonyme: Attendu, connecte: Attendu): Record<Role, Attendu> => ({ ...pourTous(connecte), anonyme });
const versConnexion = (retour: string): Attendu => ({ statut: 302, vers: `/connexion?retour=${encodeURIComponent(retour)}` });

const TABLE: Ligne[] = [
  {
    // Public by design (DESIGN §3: anyone may report an error on a place).
    route: "POST /lieux/:id",
    attendu: pourTous({ statut: 303, vers: `/lieux/${LIEU}?signalement=merci#signaler` }),
    appeler: (cookie, ip) => action("routes/lieu.tsx", post(`/lieux/${LIEU}`, { categories: "horaires", message: "", courriel: "" }, ip, cookie), { id: LIEU }),
  },
  {
    route: "POST /connexion",
    attendu: pourTous({ statut: 200 }),
    appeler: (cookie, ip) => action("routes/connexion.tsx", post("/connexion", { courriel: `lien-${++compteur}@exemple.fr`, intention: "lien" }, ip, cookie)),
  },
  {
    route: "POST /connexion/lien",
    attendu: pourTous({ statut: 400 }),
    appeler: (cookie, ip) => action("routes/connexion-lien.tsx", post("/connexion/lien", { jeton: "faux-jeton", retour: "/compte" }, ip, cookie)),
  },
  {
    route: "POST /deconnexion",
    attendu: pourTous({ statut: 302, vers: "/" }),
    appeler: (cookie, ip) => action("routes/deconnexion.ts", post("/deconnexion", {}, ip, cookie)),
  },
  {
    route: "POST /compte",
    attendu: anonymeSinon(versConnexion("/compte"), { statut: 302, vers: "/connexion?deconnexion=partout" }),
    appeler: (cookie, ip) => action("routes/compte.tsx", post("/compte", { intention: "deconnexion-partout" }, ip, cookie)),
  },
  {
    route: "POST /compte/supprimer",
    attendu: anonymeSinon(versConnexion("/compte/supprimer"), { statut: 302, vers: "/connexion?compte=supprime" }),
    appeler: (cookie, ip) => action("routes/compte-supprimer.tsx", post("/compte/supprimer", {}, ip, cookie)),
  },
  {
    // Anyone signed in may create a structure (and becomes its responsable).
    route: "POST /structures/nouvelle",
    attendu: anonymeSinon(versConnexion("/structures/nouvelle"), { statut: 303, vers: "/structures/" }),
    appeler: (cookie, ip) => action("routes/structure-nouvelle.tsx", post("/structures/nouvelle", { nom: `Structure ${++compteur}`, type: "association", siret: "", adresse: "1 rue X", commune: "35238", reseau: "" }, ip, cookie)),
  },
  {
    // Asking to join: members already in it are told so (409).
    route: "POST /structures",
    attendu: { ...anonymeSinon(versConnexion("/structures"), { statut: 303, vers: "/structures?message=demande" }), mediateur: { statut: 409 }, responsable: { statut: 409 }, prescripteur: { statut: 409 } },
    appeler: (cookie, ip) => action("routes/structures.tsx", post("/structures", { intention: "demander", structure: structureId, message: "" }, ip, cookie)),
  },
  ...(["modifier", "inviter"] as const).map(
    (intention): Ligne => ({
      // Managing a structure: its responsables and the hub's administrators only.
      route: "POST /structures/:id",
      cas: `intention=${intention}`,
      attendu: { ...anonymeSinon(versConnexion(`/structures/${structureId}`), { statut: 403 }), responsable: { statut: 303, vers: "/structures/" }, administrateur: { statut: 303, vers: "/structures/" } },
      appeler: (cookie, ip) => {
        const champs: Record<string, string> =
          intention === "modifier"
            ? { intention, nom: "EPN du Blosne", type: "association", siret: "", adresse: "7 boulevard de Yougoslavie", commune: "35238", reseau: "" }
            : { intention, courriel: `invite-${++compteur}@exemple.fr`, role: "mediateur" };
        return action("routes/structure.tsx", post(`/structures/${structureId}`, champs, ip, cookie), { id: structureId });
      },
    }),
  ),
  {
    // An unknown token: sign in first, then nothing to accept.
    route: "POST /invitations/:jeton",
    attendu: anonymeSinon({ statut: 303, vers: "/connexion?retour=%2Finvitations%2Fjeton-inconnu" }, { statut: 404 }),
    appeler: (cookie, ip) => action("routes/invitation.tsx", post("/invitations/jeton-inconnu", {}, ip, cookie), { jeton: "jeton-inconnu" }),
  },
  {
    route: "POST /admin/coordinations",
    attendu: { ...anonymeSinon(versConnexion("/admin/coordinations"), { statut: 403 }), administrateur: { statut: 303, vers: "/admin/coordinations?message=coordination-" } },
    appeler: (cookie, ip) => action("routes/admin-coordinations.tsx", post("/admin/coordinations", { intention: "ajouter", courriel: "coordinatrice@exemple.fr", type: "epci", code: "243500139" }, ip, cookie)),
  },
  {
    // Editing a place: members (not prescripteurs) of the structure running it, coordinators of its EPCI, administrators.
    route: "PATCH /api/v1/lieux/:id",
    attendu: { ...anonymeSinon({ statut: 401 }, { statut: 403 }), mediateur: { statut: 200 }, responsable: { statut: 200 }, coordinateur: { statut: 200 }, administrateur: { statut: 200 } },
    appeler: async (cookie, ip) => {
      const [l] = await c.db.select({ version: lieux.version }).from(lieux).where(eq(lieux.id, LIEU));
      const entetes = { ...entetesNavigateur(ip, cookie), "content-type": "application/json", "if-match": `"${l?.version ?? 0}"` };
      const requete = new Request(`${URL_TEST}/api/v1/lieux/${LIEU}`, { method: "PATCH", headers: entetes, body: JSON.stringify({ telephone: `02 99 00 ${String(++compteur % 100).padStart(2, "0")} 00` }) });
      const { action: modifier } = await import("~/routes/api/lieu");
      return issue(modifier({ request: requete, context, params: { id: LIEU } }));
    },
  },
  {
    // The edit form: the same rights as the API, through the session's page flow.
    route: "POST /lieux/:id/modifier",
    attendu: {
      ...anonymeSinon(versConnexion(`/lieux/${LIEU}/modifier`), { statut: 403 }),
      ...Object.fromEntries((["mediateur", "responsable", "coordinateur", "administrateur"] as const).map((r) => [r, { statut: 303, vers: `/lieux/${LIEU}?modification=enregistree` }])),
    },
    appeler: async (cookie, ip) => {
      const [l] = await c.db.select({ version: lieux.version }).from(lieux).where(eq(lieux.id, LIEU));
      const champs = { intention: "enregistrer", version: String(l?.version ?? 0), origine: "{}", telephone: `02 99 01 ${String(++compteur % 100).padStart(2, "0")} 00` };
      return action("routes/lieu-modifier.tsx", post(`/lieux/${LIEU}/modifier`, champs, ip, cookie), { id: LIEU });
    },
  },
  {
    // Duplicate review: administrators and the coordinators of the places' territory (Rennes here).
    route: "POST /doublons/:id",
    cas: "fusionner",
    attendu: {
      ...anonymeSinon({ statut: 302, vers: "/connexion?retour=%2Fdoublons%2F" }, { statut: 403 }),
      coordinateur: { statut: 303, vers: "/doublons?fait=fusion" },
      administrateur: { statut: 303, vers: "/doublons?fait=fusion" },
    },
    appeler: async (cookie, ip) => {
      const p = await paireDeTest();
      return action("routes/doublon.tsx", post(`/doublons/${p.id}`, { intention: "fusionner", survivant: p.a, "version-a": "1", "version-b": "1" }, ip, cookie), { id: p.id });
    },
  },
  {
    route: "POST /doublons/:id",
    cas: "differents",
    attendu: {
      ...anonymeSinon({ statut: 302, vers: "/connexion?retour=%2Fdoublons%2F" }, { statut: 403 }),
      coordinateur: { statut: 303, vers: "/doublons?fait=differents" },
      administrateur: { statut: 303, vers: "/doublons?fait=differents" },
    },
    appeler: async (cookie, ip) => {
      const p = await paireDeTest();
      return action("routes/doublon.tsx", post(`/doublons/${p.id}`, { intention: "differents" }, ip, cookie), { id: p.id });
    },
  },
  {
    // The same module seen by React Router (`npm run dev`): only PATCH edits, anything else is 405 for everyone.
    route: "POST /api/v1/lieux/:id",
    attendu: pourTous({ statut: 405 }),
    appeler: async (cookie, ip) => action("routes/api/lieu.ts", post(`/api/v1/lieux/${LIEU}`, { nom: "X" }, ip, cookie), { id: LIEU }),
  },
  {
    // Public by design, like the place page's form: anyone reports an error, no account needed.
    route: "POST /api/v1/lieux/:id/signalements",
    attendu: pourTous({ statut: 201 }),
    appeler: (cookie, ip) => {
      const requete = new Request(`${URL_TEST}/api/v1/lieux/${LIEU}/signalements`, { method: "POST", headers: { ...entetesNavigateur(ip, cookie), "content-type": "application/json" }, body: JSON.stringify({ categories: ["horaires"], message: "" }) });
      return action("routes/api/signalements.ts", requete, { id: LIEU });
    },
  },
  {
    // « Je confirme que tout est à jour »: the same rights as editing the place.
    route: "POST /lieux/:id/confirmer",
    attendu: {
      ...anonymeSinon(versConnexion(`/lieux/${LIEU}/confirmer`), { statut: 403 }),
      ...Object.fromEntries((["mediateur", "responsable", "coordinateur", "administrateur"] as const).map((r) => [r, { statut: 303, vers: `/lieux/${LIEU}?confirme=1` }])),
    },
    appeler: (cookie, ip) => action("routes/lieu-confirmer.ts", post(`/lieux/${LIEU}/confirmer`, {}, ip, cookie), { id: LIEU }),
  },
  {
    // Taking over an unowned place: a coordinator of its territory or an administrator, with a structure of theirs.
    route: "POST /fraicheur",
    attendu: { ...anonymeSinon(versConnexion("/fraicheur"), { statut: 403 }), coordinateur: { statut: 303, vers: "/fraicheur?pris=1" }, administrateur: { statut: 303, vers: "/fraicheur?pris=1" } },
    appeler: async (cookie, ip) => {
      const lieuId = randomUUID();
      await c.db.insert(lieux).values({ id: lieuId, pivot: "00000000000000", nom: "Lieu sans structure", commune: "Rennes", code_postal: "35000", code_insee: "35238", adresse: "1 rue X", date_maj: "2024-01-01" });
      const [s] = await c.db.insert(structures).values({ nom: "Coordination", type: "association", code_insee: "35238" }).returning({ id: structures.id });
      // Coordinators and administrators belong to it (the take-over needs a structure of theirs).
      const coordination = await c.db.select({ id: coordinations.utilisateur_id }).from(coordinations);
      const admins = await c.db.select({ id: utilisateurs.id }).from(utilisateurs).where(eq(utilisateurs.role, "administrateur"));
      for (const u of [...coordination, ...admins]) await c.db.insert(membres_structures).values({ structure_id: s?.id ?? "", utilisateur_id: u.id, role: "mediateur" }).onConflictDoNothing();
      return action("routes/fraicheur.tsx", post("/fraicheur", { lieu: lieuId, structure: s?.id ?? "" }, ip, cookie));
    },
  },
  {
    // Handling a ticket: whoever may edit the place (its structure's médiateurs and responsables, its coordinators, administrators).
    route: "POST /signalements/:id",
    attendu: {
      ...anonymeSinon({ statut: 302, vers: "/connexion?retour=%2Fsignalements%2F" }, { statut: 403 }),
      ...Object.fromEntries((["mediateur", "responsable", "coordinateur", "administrateur"] as const).map((r) => [r, { statut: 303, vers: "/signalements/" }])),
    },
    appeler: async (cookie, ip) => {
      const { signalements } = await import("~/lieux/lieux.schema");
      const [t] = await c.db.insert(signalements).values({ lieu_id: LIEU, categories: ["horaires"] }).returning({ id: signalements.id });
      const id = t?.id ?? "";
      return action("routes/signalement.tsx", post(`/signalements/${id}`, { statut: "en_cours", reponse: "" }, ip, cookie), { id });
    },
  },
  {
    // better-auth's own endpoints check their session; `update-user` stands for the ones that need one.
    route: "ALL /api/auth/{*chemin}",
    attendu: anonymeSinon({ statut: 401 }, { statut: 200 }),
    appeler: async (cookie, ip) => {
      const r = await context.comptes?.auth.handler(
        new Request(`${URL_TEST}/api/auth/update-user`, { method: "POST", headers: { ...entetesNavigateur(ip, cookie), "content-type": "application/json" }, body: JSON.stringify({ name: "Camille" }) }),
      );
      return { statut: r?.status ?? 0 };
    },
  },
];

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
  monterComptes(app, context.comptes ?? comptesDeTest(c.db).comptes);
  app.use("/api/v1", routeurApi(context));
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
    expect(trouvees.filter((r) => !dansLaTable.includes(r)), "routes absentes de la table de test/autorisations.db.test.ts").toEqual([]);
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
    const entrees = await c.db.select().from(journal_audit).where(eq(journal_audit.action, "compte.supprimer"));
    expect(entrees).toHaveLength(ROLES.length - 1);
    for (const e of entrees) expect(e).toMatchObject({ objet_type: "utilisateur", objet_id: e.utilisateur_id, details: {} });
    const restants = await c.db.select({ n: count() }).from(utilisateurs).where(inArray(utilisateurs.id, entrees.flatMap((e) => (e.utilisateur_id ? [e.utilisateur_id] : []))));
    expect(restants[0]?.n).toBe(0);
  });

  it("GET /structures/:id : les adresses des membres ne sont lues que par ses responsables, et chaque lecture est journalisée", async () => {
    const m: unknown = await import(path.resolve("app", "routes/structure.tsx"));
    const loader = typeof m === "object" && m !== null && "loader" in m && typeof m.loader === "function" ? m.loader : undefined;
    const lectures = async () => (await c.db.select({ n: count() }).from(journal_audit).where(and(eq(journal_audit.action, "membres.consulter"), eq(journal_audit.objet_id, structureId))))[0]?.n;
    for (const [role, voit] of [["mediateur", false], ["responsable", true], ["administrateur", true]] as const) {
      const avant = await lectures();
      const requete = new Request(`${URL_TEST}/structures/${structureId}`, { headers: entetesNavigateur(nouvelleIp(), await sessionDe(role)) });
      const page: unknown = await loader?.({ request: requete, context, params: { id: structureId }, url: new URL(requete.url), pattern: "" });
      const membres = typeof page === "object" && page !== null && "membres" in page && Array.isArray(page.membres) ? page.membres : [];
      expect({ role, voit: membres.length > 0 }).toEqual({ role, voit });
      expect({ role, journalise: (await lectures()) === (avant ?? 0) + 1 }).toEqual({ role, journalise: voit });
    }
  });

  it("personne ne se donne un rôle par l'API de better-auth", async () => {
    const admins = async () => (await c.db.select({ n: count() }).from(utilisateurs).where(eq(utilisateurs.role, "administrateur")))[0]?.n;
    const avant = await admins();
    const cookie = await sessionDe("connecte");
    const r = await context.comptes?.auth.handler(
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
        const obtenu = await issue(Promise.resolve(loader?.({ request: requete, context, params: {}, url: new URL(requete.url), pattern: "" })));
        const attendu = role === "anonyme" ? versConnexion(chemin) : role === "administrateur" ? { statut: 200 } : { statut: 403 };
        expect({ role, ...obtenu }).toEqual({ role, ...attendu });
      }
      const action = ACTION_LECTURE[chemin];
      const [lectures] = await c.db.select({ n: count() }).from(journal_audit).where(eq(journal_audit.action, action));
      expect(lectures?.n).toBe(1);
    });
  }
});
