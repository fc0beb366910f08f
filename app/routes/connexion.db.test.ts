import { count, eq } from "drizzle-orm";
import type { AppLoadContext } from "react-router";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ajouterAdministrateur } from "~/comptes/administrateurs.server";
import { sessions, utilisateurs } from "~/comptes/comptes.schema";
import { exigerSessionApi } from "~/comptes/session.server";
import { comptesDeTest, dernierJeton, enCookie, entetesNavigateur, URL_TEST } from "~/comptes/test-outils";
import { journal_audit } from "~/platform/audit/audit.schema";
import { courriels } from "~/platform/courriel/courriels.schema";
import { creerMessagerie } from "~/platform/courriel/messagerie.server";
import type { Connexion } from "~/platform/db/connexion.server";
import { baseDeTest } from "../../test/aide/base";
import { referentiel } from "../../test/aide/lieux";
import { loader as adminCourriels } from "./admin-courriels";
import { repondre } from "./api/reponses";
import { action as compteAction, loader as compte } from "./compte";
import { action as supprimer } from "./compte-supprimer";
import { action as connexion } from "./connexion";
import { action as verifier, loader as lien } from "./connexion-lien";
import { action as deconnexion } from "./deconnexion";

let c: Connexion;
let context: AppLoadContext;

beforeAll(async () => {
  c = await baseDeTest();
  const { comptes, config } = comptesDeTest(c.db);
  context = { db: c.db, moteur: c.moteur, referentiel, config, comptes, messagerie: creerMessagerie(c.db, config) };
});
afterAll(async () => c.fermer());

const appel = (request: Request) => ({ request, context, params: {}, url: new URL(request.url), pattern: "" });

function post(chemin: string, champs: Record<string, string>, ip: string, cookie?: string): Request {
  return new Request(`${URL_TEST}${chemin}`, {
    method: "POST",
    headers: { ...entetesNavigateur(ip, cookie), "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(champs),
  });
}
const get = (chemin: string, ip: string, cookie?: string) => new Request(`${URL_TEST}${chemin}`, { headers: entetesNavigateur(ip, cookie) });

/** What an action answered: a redirect (Response) or data with its status. */
async function reponse(p: Promise<unknown>): Promise<{ statut: number; vers?: string | null; donnees?: unknown; cookie?: string }> {
  const r = await p.catch((e: unknown) => e);
  if (r instanceof Response) return { statut: r.status, vers: r.headers.get("location"), cookie: enCookie(r) };
  if (typeof r === "object" && r !== null && "data" in r && "init" in r) {
    const init = r.init;
    const statut = typeof init === "object" && init !== null && "status" in init && typeof init.status === "number" ? init.status : 200;
    return { statut, donnees: r.data };
  }
  throw new Error(`Réponse inattendue : ${String(r)}`);
}

/** Signs in through the whole path a person follows: form, mail, landing page, button. */
async function seConnecter(courriel: string, ip: string, retour?: string): Promise<string> {
  const demande = await reponse(connexion(appel(post("/connexion", { courriel, intention: "lien", ...(retour ? { retour } : {}) }, ip))));
  expect(demande).toMatchObject({ statut: 200, donnees: { type: "envoye", courriel: courriel.toLowerCase() } });
  const jeton = await dernierJeton(c.db, courriel.toLowerCase());
  const page = lien(appel(get(`/connexion/lien?jeton=${jeton}${retour ? `&retour=${encodeURIComponent(retour)}` : ""}`, ip)));
  const r = await reponse(verifier(appel(post("/connexion/lien", { jeton: page.jeton, retour: page.retour }, ip))));
  expect(r.statut).toBe(302);
  expect(r.vers).toBe(retour ?? "/compte");
  return r.cookie ?? "";
}

async function sessionsDe(courriel: string): Promise<number> {
  const [n] = await c.db.select({ n: count() }).from(sessions).innerJoin(utilisateurs, eq(utilisateurs.id, sessions.utilisateur_id)).where(eq(utilisateurs.courriel, courriel));
  return n?.n ?? 0;
}

describe("se connecter par lien", () => {
  it("la même réponse pour une adresse connue et une inconnue (pas d'énumération), un courriel pour chacune", async () => {
    await ajouterAdministrateur(c.db, "connue@exemple.fr");
    const connue = await reponse(connexion(appel(post("/connexion", { courriel: "connue@exemple.fr", intention: "lien" }, "203.0.113.1"))));
    const inconnue = await reponse(connexion(appel(post("/connexion", { courriel: "inconnue@exemple.fr", intention: "lien" }, "203.0.113.1"))));
    expect(connue).toEqual({ statut: 200, donnees: { type: "envoye", courriel: "connue@exemple.fr" } });
    expect(inconnue).toEqual({ statut: 200, donnees: { type: "envoye", courriel: "inconnue@exemple.fr" } });
    const sujets = await c.db.select({ a: courriels.destinataire, sujet: courriels.sujet }).from(courriels).orderBy(courriels.destinataire);
    expect(sujets).toEqual([
      { a: "connue@exemple.fr", sujet: "Votre lien de connexion à Passerelle" },
      { a: "inconnue@exemple.fr", sujet: "Votre lien de connexion à Passerelle" },
    ]);
    // No account for the unknown address until its link is used.
    expect(await c.db.select().from(utilisateurs).where(eq(utilisateurs.courriel, "inconnue@exemple.fr"))).toEqual([]);
  });

  it("une adresse mal écrite : 400 et la saisie rendue ; au 6e lien en 15 minutes : 429 et l'attente en minutes", async () => {
    expect(await reponse(connexion(appel(post("/connexion", { courriel: "agent@", intention: "lien" }, "203.0.113.2"))))).toEqual({ statut: 400, donnees: { type: "invalide", saisie: "agent@" } });
    for (let i = 0; i < 5; i++) expect((await reponse(connexion(appel(post("/connexion", { courriel: `n${i}@exemple.fr` }, "203.0.113.3"))))).statut).toBe(200);
    expect(await reponse(connexion(appel(post("/connexion", { courriel: "n5@exemple.fr" }, "203.0.113.3"))))).toEqual({ statut: 429, donnees: { type: "trop", saisie: "n5@exemple.fr", minutes: 15 } });
  });

  it("le lien mène à /compte (ou à `retour`), connecté·e, avec la liste des sessions", async () => {
    const cookie = await seConnecter("Agent.Un@Exemple.fr", "198.51.100.10");
    const page = await compte(appel(get("/compte", "198.51.100.10", cookie)));
    expect(page.utilisateur).toEqual({ id: expect.any(String), nom: "", courriel: "agent.un@exemple.fr", role: null });
    expect(page.sessions).toEqual([{ id: expect.any(String), appareil: "Firefox sur Linux", ouverteLe: expect.any(String), expireLe: expect.any(String), courante: true }]);
    await seConnecter("agent.un@exemple.fr", "198.51.100.11", "/lieux?commune=29019");
    expect((await compte(appel(get("/compte", "198.51.100.10", cookie)))).sessions.map((s) => s.courante)).toEqual([false, true]);
  });

  it("une demande postée depuis un autre site est refusée, sans courriel", async () => {
    const requete = post("/connexion", { courriel: "cible@exemple.fr" }, "203.0.113.4");
    requete.headers.set("origin", "https://autre-site.example");
    requete.headers.set("sec-fetch-site", "cross-site");
    expect((await reponse(connexion(appel(requete)))).donnees).toEqual({ type: "echec", saisie: "cible@exemple.fr" });
    expect(await c.db.select().from(courriels).where(eq(courriels.destinataire, "cible@exemple.fr"))).toEqual([]);
  });

  it("un lien déjà utilisé ou inconnu : refusé, sans session", async () => {
    expect(await reponse(verifier(appel(post("/connexion/lien", { jeton: "inconnu", retour: "/compte" }, "198.51.100.12"))))).toEqual({ statut: 400, donnees: { type: "invalide" } });
  });

  it("sans session, /compte renvoie vers /connexion qui y ramène ; l'API répond 401 en JSON", async () => {
    expect(await reponse(compte(appel(get("/compte?onglet=1", "198.51.100.13"))))).toMatchObject({ statut: 302, vers: "/connexion?retour=%2Fcompte%3Fonglet%3D1" });
    const api = await repondre(async () => {
      await exigerSessionApi(get("/api/v1/moi", "198.51.100.13"), context);
      return new Response("{}");
    });
    expect(api.status).toBe(401);
    expect(api.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(await api.json()).toMatchObject({ status: 401, detail: "Connexion requise : envoyez le cookie de session de Passerelle." });
  });
});

describe("se déconnecter, partout, supprimer son compte", () => {
  it("« Se déconnecter » ferme la session de cet appareil seulement", async () => {
    const a = await seConnecter("deux@exemple.fr", "198.51.100.20");
    const b = await seConnecter("deux@exemple.fr", "198.51.100.21");
    expect(await sessionsDe("deux@exemple.fr")).toBe(2);
    expect(await reponse(deconnexion(appel(post("/deconnexion", {}, "198.51.100.20", a))))).toMatchObject({ statut: 302, vers: "/" });
    expect(await sessionsDe("deux@exemple.fr")).toBe(1);
    expect((await reponse(compte(appel(get("/compte", "198.51.100.20", a))))).statut).toBe(302);
    expect((await compte(appel(get("/compte", "198.51.100.21", b)))).utilisateur.courriel).toBe("deux@exemple.fr");
  });

  it("« Se déconnecter de tous les appareils » ferme toutes les sessions, celle-ci comprise", async () => {
    const a = await seConnecter("partout@exemple.fr", "198.51.100.30");
    const b = await seConnecter("partout@exemple.fr", "198.51.100.31");
    const r = await reponse(compteAction(appel(post("/compte", { intention: "deconnexion-partout" }, "198.51.100.30", a))));
    expect(r).toMatchObject({ statut: 302, vers: "/connexion?deconnexion=partout" });
    expect(await sessionsDe("partout@exemple.fr")).toBe(0);
    for (const cookie of [a, b]) expect((await reponse(compte(appel(get("/compte", "198.51.100.30", cookie))))).statut).toBe(302);
  });

  it("chaque connexion et chaque déconnexion est au journal d'audit, sans l'adresse", async () => {
    const a = await seConnecter("journal@exemple.fr", "198.51.100.40");
    await reponse(deconnexion(appel(post("/deconnexion", {}, "198.51.100.40", a))));
    const b = await seConnecter("journal@exemple.fr", "198.51.100.41");
    await reponse(compteAction(appel(post("/compte", { intention: "deconnexion-partout" }, "198.51.100.41", b))));
    const [u] = await c.db.select({ id: utilisateurs.id }).from(utilisateurs).where(eq(utilisateurs.courriel, "journal@exemple.fr"));
    const lignes = await c.db.select().from(journal_audit).where(eq(journal_audit.utilisateur_id, u?.id ?? "")).orderBy(journal_audit.cree_le, journal_audit.id);
    expect(lignes.map((l) => l.action)).toEqual(["session.ouvrir", "session.fermer", "session.ouvrir", "session.fermer_toutes"]);
    expect(JSON.stringify(lignes)).not.toContain("journal@exemple.fr");
  });

  it("supprimer son compte efface le compte, ses sessions et ses courriels", async () => {
    const a = await seConnecter("partant@exemple.fr", "198.51.100.40");
    await seConnecter("partant@exemple.fr", "198.51.100.41");
    const r = await reponse(supprimer(appel(post("/compte/supprimer", {}, "198.51.100.40", a))));
    expect(r).toMatchObject({ statut: 302, vers: "/connexion?compte=supprime" });
    expect(await c.db.select().from(utilisateurs).where(eq(utilisateurs.courriel, "partant@exemple.fr"))).toEqual([]);
    expect(await sessionsDe("partant@exemple.fr")).toBe(0);
    expect(await c.db.select().from(courriels).where(eq(courriels.destinataire, "partant@exemple.fr"))).toEqual([]);
  });

  it("après 24 heures, la suppression demande de se reconnecter", async () => {
    const a = await seConnecter("ancien@exemple.fr", "198.51.100.50");
    const [u] = await c.db.select().from(utilisateurs).where(eq(utilisateurs.courriel, "ancien@exemple.fr"));
    await c.db.update(sessions).set({ cree_le: new Date(Date.now() - 25 * 3600_000) }).where(eq(sessions.utilisateur_id, u?.id ?? ""));
    expect(await reponse(supprimer(appel(post("/compte/supprimer", {}, "198.51.100.50", a))))).toEqual({ statut: 403, donnees: { type: "reconnexion" } });
    expect(await c.db.select({ id: utilisateurs.id }).from(utilisateurs).where(eq(utilisateurs.courriel, "ancien@exemple.fr"))).toHaveLength(1);
  });
});

describe("/admin/courriels", () => {
  it("réservée aux administrateurs : connexion demandée, 403 pour les autres, la boîte d'envoi pour eux", async () => {
    expect(await reponse(adminCourriels(appel(get("/admin/courriels", "198.51.100.60"))))).toMatchObject({ statut: 302, vers: "/connexion?retour=%2Fadmin%2Fcourriels" });
    const agent = await seConnecter("simple@exemple.fr", "198.51.100.61");
    expect(await reponse(adminCourriels(appel(get("/admin/courriels", "198.51.100.61", agent))))).toMatchObject({ statut: 403, donnees: "Cette page est réservée aux administrateurs du hub." });
    await ajouterAdministrateur(c.db, "chef@exemple.fr");
    const chef = await seConnecter("chef@exemple.fr", "198.51.100.62");
    const page = await adminCourriels(appel(get("/admin/courriels", "198.51.100.62", chef)));
    expect(page.smtp).toBe(false);
    expect(page.courriels[0]).toMatchObject({ destinataire: "chef@exemple.fr", sujet: "Votre lien de connexion à Passerelle", etat: "en_attente" });
    expect(page.courriels[0]?.texte).toContain(`${URL_TEST}/connexion/lien?jeton=`);
  });
});
