import { entetesNavigateur, URL_TEST } from "~/comptes/test-outils";
import { action, anonymeSinon, b, LIEU, orientationRecue, post, pourTous, remonteeDeTest, versConnexion, type Ligne } from "./banc";

/** Tracked referrals, their signed links and places' conditions; field feedback. */
export const LIGNES_ORIENTATIONS: Ligne[] = [
  {
    // Field feedback: médiateurs and responsables of a structure post; a prescripteur alone, coordinators and administrators do not.
    route: "POST /remontees/nouvelle",
    attendu: { ...anonymeSinon(versConnexion("/remontees/nouvelle"), { statut: 403 }), mediateur: { statut: 303, vers: "/remontees/" }, responsable: { statut: 303, vers: "/remontees/" } },
    appeler: (cookie, ip) =>
      action("routes/remontee-nouvelle.tsx", post("/remontees/nouvelle", { structure: b().structureId, operateur: "caf", demarche: "Actualisation", theme: "connexion", description: "Page blanche.", personnes: "3", territoire: "commune" }, ip, cookie)),
  },
  {
    route: "POST /api/v1/remontees",
    attendu: { ...anonymeSinon({ statut: 401 }, { statut: 403 }), mediateur: { statut: 201 }, responsable: { statut: 201 } },
    appeler: (cookie, ip) => {
      const corps = { operateur: "cpam", demarche: "Demande de CSS", theme: "delai", description: "Aucune réponse.", personnes_concernees: 2 };
      return action("routes/api/remontees.ts", new Request(`${URL_TEST}/api/v1/remontees`, { method: "POST", headers: { ...entetesNavigateur(ip, cookie), "content-type": "application/json" }, body: JSON.stringify(corps) }));
    },
  },
  ...(["repondre", "clore"] as const).map(
    (intention): Ligne => ({
      // Answering and closing: the operator's correspondents only (administrators and coordinators read, they do not answer).
      route: "POST /remontees/:id",
      cas: `${intention} (correspondant·e de l'opérateur)`,
      attendu: { ...anonymeSinon({ statut: 302, vers: "/connexion?retour=%2Fremontees%2F" }, { statut: 403 }), prescripteur: { statut: 303, vers: "/remontees/" } },
      appeler: async (cookie, ip) => {
        const id = await remonteeDeTest("tierce");
        return action("routes/remontee.tsx", post(`/remontees/${id}`, { intention, statut: "close", reponse: "Corrigé le 20 novembre." }, ip, cookie), { id });
      },
    }),
  ),
  {
    // Adding a detail: médiateurs and responsables of the structure that posted it.
    route: "POST /remontees/:id",
    cas: "preciser (structure autrice)",
    attendu: { ...anonymeSinon({ statut: 302, vers: "/connexion?retour=%2Fremontees%2F" }, { statut: 403 }), mediateur: { statut: 303, vers: "/remontees/" }, responsable: { statut: 303, vers: "/remontees/" } },
    appeler: async (cookie, ip) => {
      const id = await remonteeDeTest("structure");
      return action("routes/remontee.tsx", post(`/remontees/${id}`, { intention: "preciser", reponse: "Aussi sur mobile." }, ip, cookie), { id });
    },
  },
  {
    // Sending a referral: any member (any role) of the sending structure, here to the place it runs itself.
    route: "POST /api/v1/orientations",
    attendu: { ...anonymeSinon({ statut: 401 }, { statut: 403 }), mediateur: { statut: 201 }, responsable: { statut: 201 }, prescripteur: { statut: 201 } },
    appeler: (cookie, ip) => {
      const corps = { lieu: LIEU, structure: b().structureId, demarches: ["caf"], urgence: "normale", message: "" };
      return action("routes/api/orientations-creer.ts", new Request(`${URL_TEST}/api/v1/orientations`, { method: "POST", headers: { ...entetesNavigateur(ip, cookie), "content-type": "application/json" }, body: JSON.stringify(corps) }));
    },
  },
  {
    // Answering a referral: members of the receiving structure only; everyone else (administrators and coordinators too) is told it does not exist.
    route: "POST /api/v1/orientations/:id/transitions",
    attendu: { ...anonymeSinon({ statut: 401 }, { statut: 404 }), mediateur: { statut: 200 }, responsable: { statut: 200 }, prescripteur: { statut: 200 } },
    appeler: async (cookie, ip) => {
      const id = await orientationRecue();
      const requete = new Request(`${URL_TEST}/api/v1/orientations/${id}/transitions`, { method: "POST", headers: { ...entetesNavigateur(ip, cookie), "content-type": "application/json" }, body: JSON.stringify({ action: "accepter" }) });
      return action("routes/api/orientation-transitions.ts", requete, { id });
    },
  },
  {
    // A place's orientation conditions: the people who may edit the place (its structure's médiateurs and responsables, coordinators of its territory, administrators).
    route: "POST /lieux/:id/orientation",
    attendu: {
      ...anonymeSinon(versConnexion(`/lieux/${LIEU}/orientation`), { statut: 403 }),
      ...Object.fromEntries((["mediateur", "responsable", "coordinateur", "administrateur"] as const).map((r) => [r, { statut: 303, vers: `/lieux/${LIEU}/orientation?message=enregistre` }])),
    },
    appeler: (cookie, ip) =>
      action("routes/lieu-orientation.tsx", post(`/lieux/${LIEU}/orientation`, { accepte_orientations: "oui", modalites: "passerelle", public_accueilli: "Tout public", a_apporter: "", delais: "", courriel_orientation: "", telephone_orientation: "" }, ip, cookie), { id: LIEU }),
  },
  {
    // The send form: members (any role) of the sending structure; others are told they cannot send for it.
    route: "POST /orientations/nouvelle",
    attendu: { ...anonymeSinon(versConnexion("/orientations/nouvelle"), { statut: 403 }), mediateur: { statut: 303, vers: "/orientations/" }, responsable: { statut: 303, vers: "/orientations/" }, prescripteur: { statut: 303, vers: "/orientations/" } },
    appeler: (cookie, ip) => action("routes/orientation-nouvelle.tsx", post("/orientations/nouvelle", { lieu: LIEU, structure: b().structureId, demarches: "caf", urgence: "normale", message: "" }, ip, cookie)),
  },
  {
    // Acting on a referral from its page: members of the receiving structure; everyone else is told it does not exist.
    route: "POST /orientations/:id",
    attendu: { ...anonymeSinon({ statut: 302, vers: "/connexion?retour=%2Forientations%2F" }, { statut: 404 }), mediateur: { statut: 303, vers: "/orientations/" }, responsable: { statut: 303, vers: "/orientations/" }, prescripteur: { statut: 303, vers: "/orientations/" } },
    appeler: async (cookie, ip) => {
      const id = await orientationRecue();
      return action("routes/orientation-suivi.tsx", post(`/orientations/${id}`, { action: "accepter" }, ip, cookie), { id });
    },
  },
  {
    // The signed link answers as the receiver whoever holds it (the token is the right); a wrong token is a 404.
    route: "POST /o/:jeton",
    attendu: pourTous({ statut: 303, vers: "/o/" }),
    appeler: async (cookie, ip) => {
      const { servicesOrientations } = await import("~/orientation/suivi/services.server");
      const { creerLien } = await import("~/orientation/suivi/liens.server");
      const id = await orientationRecue();
      const jeton = await creerLien(servicesOrientations(b().context), id, "accueil@lieu.exemple.fr");
      return action("routes/orientation-lien.tsx", post(`/o/${jeton}`, { action: "accepter" }, ip, cookie), { jeton });
    },
  },
  {
    cas: "jeton inconnu",
    route: "POST /o/:jeton",
    attendu: pourTous({ statut: 404 }),
    appeler: (cookie, ip) => action("routes/orientation-lien.tsx", post("/o/jeton-inconnu", { action: "accepter" }, ip, cookie), { jeton: "jeton-inconnu" }),
  },
];
