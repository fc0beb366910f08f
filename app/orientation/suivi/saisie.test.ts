import { describe, expect, it } from "vitest";
import { validerConditions } from "./conditions.server";
import { validerSaisieOrientation } from "./saisie";
import { lireDateRdv, validerDemande } from "./traiter.server";

const LIEU = "0d0d0d0d-0000-4000-8000-000000000001";
const STRUCTURE = "0d0d0d0d-0000-4000-8000-000000000002";
const base = { lieu: LIEU, structure: STRUCTURE, demarches: "caf", urgence: "normale", message: "" };

describe("saisie d'une orientation", () => {
  it("sans donnée personnelle par défaut", () => {
    const r = validerSaisieOrientation({ ...base, services: ["Aide aux démarches administratives"], demarches: ["caf", "impots"] });
    expect(r).toEqual({ ok: true, saisie: { lieuId: LIEU, structureEmettriceId: STRUCTURE, services: ["Aide aux démarches administratives"], demarches: ["caf", "impots"], urgence: "normale", message: "", personne: null } });
  });

  it("chaque erreur sur son champ", () => {
    const r = validerSaisieOrientation({ lieu: "x", structure: "", services: "Café", demarches: "banque", urgence: "demain", message: "a".repeat(1001) });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.keys(r.erreurs).sort()).toEqual(["demarches", "lieu", "message", "services", "structure", "urgence"]);
    const vide = validerSaisieOrientation({ lieu: LIEU, structure: STRUCTURE });
    expect(vide.ok === false && vide.erreurs.services).toMatch(/au moins un service ou une démarche/);
  });

  it("des coordonnées sans « partager » ni consentement sont refusées, jamais gardées en silence", () => {
    const r = validerSaisieOrientation({ ...base, telephone: "06 12 34 56 78" });
    expect(r.ok === false && r.erreurs.partager_contact).toBeTruthy();
    const sansConsentement = validerSaisieOrientation({ ...base, partager_contact: "oui", telephone: "06 12 34 56 78" });
    expect(sansConsentement.ok === false && sansConsentement.erreurs.consentement).toBeTruthy();
    const sansMoyen = validerSaisieOrientation({ ...base, partager_contact: "oui", consentement: "oral", prenom: "Josiane" });
    expect(sansMoyen.ok === false && sansMoyen.erreurs.telephone).toMatch(/au moins un téléphone/);
    const mauvais = validerSaisieOrientation({ ...base, partager_contact: "oui", consentement: "oral", telephone: "12", courriel: "josiane@" });
    expect(mauvais.ok === false && Object.keys(mauvais.erreurs).sort()).toEqual(["courriel", "telephone"]);
  });

  it("avec consentement : téléphone normalisé, adresse en minuscules", () => {
    const r = validerSaisieOrientation({ ...base, partager_contact: "oui", consentement: "ecrit", prenom: " Josiane ", telephone: "06 12 34 56 78", courriel: "Josiane@Exemple.fr" });
    expect(r.ok && r.saisie.personne).toEqual({ prenom: "Josiane", telephone: "+33612345678", courriel: "josiane@exemple.fr", consentement: "ecrit" });
  });
});

describe("demandes de transition", () => {
  it("clôturer : issue obligatoire, « réorientée » demande un lieu ou un texte", () => {
    expect(validerDemande({ action: "cloturer" }).ok).toBe(false);
    const r = validerDemande({ action: "cloturer", issue: "reorientee" });
    expect(r.ok === false && r.erreurs.reorientee_vers).toBeTruthy();
    expect(validerDemande({ action: "cloturer", issue: "reorientee", reorientee_vers: "CCAS de Rennes" })).toEqual({
      ok: true,
      demande: { action: "cloturer", issue: "reorientee", reorienteeVersLieuId: null, reorienteeVers: "CCAS de Rennes" },
    });
    expect(validerDemande({ action: "cloturer", issue: "autonome", reorientee_vers: "ignoré" })).toEqual({ ok: true, demande: { action: "cloturer", issue: "autonome", reorienteeVersLieuId: null, reorienteeVers: null } });
  });

  it("refuser : motif de la liste ; action inconnue nommée", () => {
    expect(validerDemande({ action: "refuser", motif: "complet" })).toEqual({ ok: true, demande: { action: "refuser", motif: "complet" } });
    expect(validerDemande({ action: "refuser", motif: "pas envie" }).ok).toBe(false);
    expect(validerDemande({ action: "expirer" })).toEqual({ ok: false, erreurs: { action: "Action inconnue." } });
  });

  it("rendez-vous : heure de Paris (été comme hiver), instant ISO, vide ou illisible", () => {
    expect(lireDateRdv("2026-12-01T14:30")?.toISOString()).toBe("2026-12-01T13:30:00.000Z");
    expect(lireDateRdv("2026-07-01T14:30")?.toISOString()).toBe("2026-07-01T12:30:00.000Z");
    expect(lireDateRdv("2026-07-01T14:30:00Z")?.toISOString()).toBe("2026-07-01T14:30:00.000Z");
    expect(lireDateRdv("")).toBeNull();
    expect(lireDateRdv("2026-02-30T10:00")).toBeUndefined();
    expect(lireDateRdv("demain")).toBeUndefined();
    expect(validerDemande({ action: "accepter", rdv_le: "bientôt" }).ok).toBe(false);
  });
});

describe("conditions d'orientation", () => {
  it("valeurs lues, erreurs par champ", () => {
    const r = validerConditions({ public_accueilli: "Tout public", modalites: ["passerelle", "courriel"], courriel_orientation: "Accueil@EPN.fr", telephone_orientation: "", a_apporter: "Carte vitale", delais: "Sous 8 jours", accepte_orientations: "oui" });
    expect(r).toEqual({ ok: true, valeur: { publicAccueilli: "Tout public", modalites: ["passerelle", "courriel"], courrielOrientation: "accueil@epn.fr", telephoneOrientation: null, aApporter: "Carte vitale", delais: "Sous 8 jours", accepteOrientations: true } });
    const mauvais = validerConditions({ modalites: ["courriel", "pigeon"], telephone_orientation: "12", delais: "x".repeat(301) });
    expect(mauvais.ok === false && Object.keys(mauvais.erreurs).sort()).toEqual(["courriel_orientation", "delais", "modalites", "telephone_orientation"]);
    const sansCase = validerConditions({});
    expect(sansCase.ok && sansCase.valeur.accepteOrientations).toBe(false);
  });
});
