import { eq } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { utilisateurs } from "~/comptes/comptes.schema";
import { entetesNavigateur, URL_TEST } from "~/comptes/test-outils";
import { lieux } from "~/lieux/lieux.schema";
import { coordinations, membres_structures, structures } from "~/structures/structures.schema";
import { action, anonymeSinon, b, issue, LIEU, paireDeTest, post, pourTous, prochain, versConnexion, type Ligne } from "./banc";

/** Places: error reports, editing, confirming, duplicates, freshness take-over, tickets. */
export const LIGNES_LIEUX: Ligne[] = [
  {
    // Public by design (DESIGN §3: anyone may report an error on a place).
    route: "POST /lieux/:id",
    attendu: pourTous({ statut: 303, vers: `/lieux/${LIEU}?signalement=merci#signaler` }),
    appeler: (cookie, ip) => action("routes/lieu.tsx", post(`/lieux/${LIEU}`, { categories: "horaires", message: "", courriel: "" }, ip, cookie), { id: LIEU }),
  },
  {
    // Editing a place: members (not prescripteurs) of the structure running it, coordinators of its EPCI, administrators.
    route: "PATCH /api/v1/lieux/:id",
    attendu: { ...anonymeSinon({ statut: 401 }, { statut: 403 }), mediateur: { statut: 200 }, responsable: { statut: 200 }, coordinateur: { statut: 200 }, administrateur: { statut: 200 } },
    appeler: async (cookie, ip) => {
      const [l] = await b().c.db.select({ version: lieux.version }).from(lieux).where(eq(lieux.id, LIEU));
      const entetes = { ...entetesNavigateur(ip, cookie), "content-type": "application/json", "if-match": `"${l?.version ?? 0}"` };
      const requete = new Request(`${URL_TEST}/api/v1/lieux/${LIEU}`, { method: "PATCH", headers: entetes, body: JSON.stringify({ telephone: `02 99 00 ${String(prochain() % 100).padStart(2, "0")} 00` }) });
      const { action: modifier } = await import("~/routes/api/lieu");
      return issue(modifier({ request: requete, context: b().context, params: { id: LIEU } }));
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
      const [l] = await b().c.db.select({ version: lieux.version }).from(lieux).where(eq(lieux.id, LIEU));
      const champs = { intention: "enregistrer", version: String(l?.version ?? 0), origine: "{}", telephone: `02 99 01 ${String(prochain() % 100).padStart(2, "0")} 00` };
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
      await b().c.db.insert(lieux).values({ id: lieuId, pivot: "00000000000000", nom: "Lieu sans structure", commune: "Rennes", code_postal: "35000", code_insee: "35238", adresse: "1 rue X", date_maj: "2024-01-01" });
      const [s] = await b().c.db.insert(structures).values({ nom: "Coordination", type: "association", code_insee: "35238" }).returning({ id: structures.id });
      // Coordinators and administrators belong to it (the take-over needs a structure of theirs).
      const coordination = await b().c.db.select({ id: coordinations.utilisateur_id }).from(coordinations);
      const admins = await b().c.db.select({ id: utilisateurs.id }).from(utilisateurs).where(eq(utilisateurs.role, "administrateur"));
      for (const u of [...coordination, ...admins]) await b().c.db.insert(membres_structures).values({ structure_id: s?.id ?? "", utilisateur_id: u.id, role: "mediateur" }).onConflictDoNothing();
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
      const [t] = await b().c.db.insert(signalements).values({ lieu_id: LIEU, categories: ["horaires"] }).returning({ id: signalements.id });
      const id = t?.id ?? "";
      return action("routes/signalement.tsx", post(`/signalements/${id}`, { statut: "en_cours", reponse: "" }, ip, cookie), { id });
    },
  },
];
