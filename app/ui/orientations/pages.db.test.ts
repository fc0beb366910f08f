import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fichePdf } from "~/orientation/fiche-pdf.server";
import { lireParametresFiche } from "~/orientation/fiche";
import { chargerFiche } from "~/orientation/fiche.server";
import { lireOrientation } from "~/orientation/suivi/lecture.server";
import { dernierJetonLien, droitsDeTest, orientationDeTest } from "~/orientation/suivi/test-outils";
import { lienValide } from "~/orientation/suivi/liens.server";
import type { Connexion } from "~/platform/db/connexion.server";
import { ErreurPasserelle } from "~/platform/erreurs";
import { baseDeTest } from "../../../test/aide/base";
import { traiterFormulaire, vueAffichee } from "./vue.server";

/**
 * What the referral pages add on top of the domain: the two appointment fields, the receiver's note
 * form, the view the sender gets (never the note), and the sheet printing the code (never a reason).
 */
let c: Connexion;
beforeAll(async () => {
  c = await baseDeTest();
});
afterAll(async () => {
  await c?.fermer();
});

const formulaire = (champs: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(champs)) f.set(k, v);
  return f;
};

describe("page d'une orientation", () => {
  it("accepter : la date sans l'heure est refusée sur le champ de l'heure ; date et heure donnent le rendez-vous (heure de Paris)", async () => {
    const o = await orientationDeTest(c.db);
    const recoit = { type: "compte" as const, droits: await droitsDeTest(c.db, o.destinataire) };
    const r1 = await traiterFormulaire(o.s, recoit, o.id, formulaire({ action: "accepter", rdv_date: "2026-12-01", rdv_heure: "" }));
    expect(r1).toMatchObject({ type: "erreurs", action: "accepter", erreurs: [{ champ: "rdv_heure" }] });
    const r2 = await traiterFormulaire(o.s, recoit, o.id, formulaire({ action: "accepter", rdv_date: "2026-12-01", rdv_heure: "14:30" }));
    expect(r2).toEqual({ type: "fait", fait: "accepter" });
    const vue = await lireOrientation(o.s, recoit, o.id);
    expect(vue.statut).toBe("acceptee");
    expect(vue.rdvLe?.toISOString()).toBe("2026-12-01T13:30:00.000Z");
    // A second acceptance (a colleague acted meanwhile) is said on the page, not a crash.
    const r3 = await traiterFormulaire(o.s, recoit, o.id, formulaire({ action: "accepter" }));
    expect(r3).toMatchObject({ type: "erreurs", action: "accepter" });
  });

  it("la note du lieu est enregistrée par le destinataire et n'apparaît jamais dans la vue de l'émetteur", async () => {
    const o = await orientationDeTest(c.db);
    const recoit = { type: "compte" as const, droits: await droitsDeTest(c.db, o.destinataire) };
    const envoie = { type: "compte" as const, droits: await droitsDeTest(c.db, o.emetteur) };
    expect(await traiterFormulaire(o.s, recoit, o.id, formulaire({ intention: "note", note: "Rappeler mardi." }))).toEqual({ type: "fait", fait: "note" });
    const pourLieu = await vueAffichee(c.db, await lireOrientation(o.s, recoit, o.id));
    expect(pourLieu.noteDestinataire).toBe("Rappeler mardi.");
    expect(pourLieu.destinataire).toBe(true);
    const pourEmetteur = await vueAffichee(c.db, await lireOrientation(o.s, envoie, o.id));
    expect(pourEmetteur.noteDestinataire).toBeNull();
    expect(JSON.stringify(pourEmetteur)).not.toContain("Rappeler mardi");
    expect(pourEmetteur.fiche).toBe(`/orientation/fiche?lieux=${o.lieuId}&orientation=${o.code}`);
    // The sender may not write the receiver's note.
    await expect(traiterFormulaire(o.s, envoie, o.id, formulaire({ intention: "note", note: "x" }))).rejects.toBeInstanceOf(ErreurPasserelle);
  });

  it("refuser sans motif nomme le champ ; avec un motif, l'émetteur voit le motif en clair", async () => {
    const o = await orientationDeTest(c.db);
    const recoit = { type: "compte" as const, droits: await droitsDeTest(c.db, o.destinataire) };
    expect(await traiterFormulaire(o.s, recoit, o.id, formulaire({ action: "refuser", motif: "" }))).toMatchObject({ type: "erreurs", erreurs: [{ champ: "motif" }] });
    expect(await traiterFormulaire(o.s, recoit, o.id, formulaire({ action: "refuser", motif: "complet" }))).toEqual({ type: "fait", fait: "refuser" });
    const envoie = { type: "compte" as const, droits: await droitsDeTest(c.db, o.emetteur) };
    const v = await vueAffichee(c.db, await lireOrientation(o.s, envoie, o.id));
    expect(v.libelleStatut).toBe("Refusée");
    expect(v.motifRefus).toBe("Plus de place disponible");
    expect(v.actions).toEqual([]);
  });

  it("par le lien signé : le lieu sans compte clôture une orientation réorientée vers un texte libre", async () => {
    const o = await orientationDeTest(c.db, { sansCompte: true });
    const jeton = await dernierJetonLien(c.db, o.courrielOrientation ?? "");
    const lien = await lienValide(c.db, jeton);
    if (!lien || "expire" in lien) throw new Error("lien invalide");
    const acteur = { type: "lien" as const, orientationId: lien.orientationId };
    expect(await traiterFormulaire(o.s, acteur, o.id, formulaire({ action: "accepter" }))).toEqual({ type: "fait", fait: "accepter" });
    expect(await traiterFormulaire(o.s, acteur, o.id, formulaire({ action: "cloturer", issue: "reorientee" }))).toMatchObject({ type: "erreurs", erreurs: [{ champ: "reorientee_vers" }] });
    expect(await traiterFormulaire(o.s, acteur, o.id, formulaire({ action: "cloturer", issue: "reorientee", reorientee_vers: "CCAS de Rennes" }))).toEqual({ type: "fait", fait: "cloturer" });
    const v = await vueAffichee(c.db, await lireOrientation(o.s, acteur, o.id));
    expect(v.issue).toBe("Réorientée");
    expect(v.reorienteeVers).toEqual({ lieuId: null, nom: "CCAS de Rennes" });
  });
});

describe("fiche d'orientation avec le code d'une orientation", () => {
  it("imprime le code (page et PDF) sans jamais lire l'orientation ; un code mal formé est refusé", async () => {
    const o = await orientationDeTest(c.db);
    const recoit = { type: "compte" as const, droits: await droitsDeTest(c.db, o.destinataire) };
    await traiterFormulaire(o.s, recoit, o.id, formulaire({ action: "refuser", motif: "hors_public" }));
    const lus = lireParametresFiche(new URLSearchParams({ lieux: o.lieuId, orientation: o.code.toLowerCase() }));
    if (!lus.success) throw new Error("paramètres refusés");
    const fiche = await chargerFiche(c.db, lus.data, "http://passerelle.test");
    const affiche = `${o.code.slice(0, 4)}-${o.code.slice(4)}`;
    expect(fiche.codeOrientation).toBe(affiche);
    const dossier = mkdtempSync(path.join(tmpdir(), "fiche-code-"));
    const fichier = path.join(dossier, "fiche.pdf");
    writeFileSync(fichier, await fichePdf(fiche));
    const texte = execFileSync("pdftotext", ["-enc", "UTF-8", fichier, "-"]).toString("utf8").replace(/\s+/g, " ");
    expect(texte).toContain(`Code d'orientation : ${affiche}`);
    expect(texte).toContain("à présenter à l'accueil");
    // The refusal reason exists for the two structures, never on the person's sheet.
    expect(texte).not.toContain("Public non accueilli");
    expect(JSON.stringify(fiche)).not.toContain("hors_public");

    const faux = lireParametresFiche(new URLSearchParams({ lieux: o.lieuId, orientation: "K0O1-IL00" }));
    if (!faux.success) throw new Error("paramètres refusés");
    await expect(chargerFiche(c.db, faux.data, "http://passerelle.test")).rejects.toMatchObject({ code: "entree_invalide" });
  });
});
