import { entetesNavigateur, URL_TEST } from "~/comptes/test-outils";
import { action, anonymeSinon, b, post, pourTous, prochain, versConnexion, type Ligne } from "./banc";

/** Accounts, sessions, structures, invitations, coordinations, better-auth. */
export const LIGNES_COMPTES: Ligne[] = [
  {
    route: "POST /connexion",
    attendu: pourTous({ statut: 200 }),
    appeler: (cookie, ip) => action("routes/connexion.tsx", post("/connexion", { courriel: `lien-${prochain()}@exemple.fr`, intention: "lien" }, ip, cookie)),
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
    appeler: (cookie, ip) => action("routes/structure-nouvelle.tsx", post("/structures/nouvelle", { nom: `Structure ${prochain()}`, type: "association", siret: "", adresse: "1 rue X", commune: "35238", reseau: "" }, ip, cookie)),
  },
  {
    // Asking to join: members already in it are told so (409).
    route: "POST /structures",
    attendu: { ...anonymeSinon(versConnexion("/structures"), { statut: 303, vers: "/structures?message=demande" }), mediateur: { statut: 409 }, responsable: { statut: 409 }, prescripteur: { statut: 409 } },
    appeler: (cookie, ip) => action("routes/structures.tsx", post("/structures", { intention: "demander", structure: b().structureId, message: "" }, ip, cookie)),
  },
  ...(["modifier", "inviter"] as const).map(
    (intention): Ligne => ({
      // Managing a structure: its responsables and the hub's administrators only.
      route: "POST /structures/:id",
      cas: `intention=${intention}`,
      attendu: { ...anonymeSinon(versConnexion("/structures/"), { statut: 403 }), responsable: { statut: 303, vers: "/structures/" }, administrateur: { statut: 303, vers: "/structures/" } },
      appeler: (cookie, ip) => {
        const champs: Record<string, string> =
          intention === "modifier"
            ? { intention, nom: "EPN du Blosne", type: "association", siret: "", adresse: "7 boulevard de Yougoslavie", commune: "35238", reseau: "" }
            : { intention, courriel: `invite-${prochain()}@exemple.fr`, role: "mediateur" };
        return action("routes/structure.tsx", post(`/structures/${b().structureId}`, champs, ip, cookie), { id: b().structureId });
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
    // better-auth's own endpoints check their session; `update-user` stands for the ones that need one.
    route: "ALL /api/auth/{*chemin}",
    attendu: anonymeSinon({ statut: 401 }, { statut: 200 }),
    appeler: async (cookie, ip) => {
      const r = await b().context.comptes?.auth.handler(
        new Request(`${URL_TEST}/api/auth/update-user`, { method: "POST", headers: { ...entetesNavigateur(ip, cookie), "content-type": "application/json" }, body: JSON.stringify({ name: "Camille" }) }),
      );
      return { statut: r?.status ?? 0 };
    },
  },
];
