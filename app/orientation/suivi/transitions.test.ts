import { describe, expect, it } from "vitest";
import { ErreurPasserelle } from "~/platform/erreurs";
import { afficherCodeOrientation, ALPHABET_CODE, normaliserCodeOrientation, nouveauCodeOrientation } from "./codes";
import { actionsPossibles, statutApres, type Auteur } from "./transitions";
import { ACTIONS, STATUTS, type Action, type Statut } from "./vocabulaire";

/** Every status × action × side of DESIGN §4: what is allowed leads where; everything else is a conflict. */
const PERMIS: Record<string, Statut> = {
  "envoyee|voir|destinataire": "vue",
  "envoyee|accepter|destinataire": "acceptee",
  "vue|accepter|destinataire": "acceptee",
  "envoyee|refuser|destinataire": "refusee",
  "vue|refuser|destinataire": "refusee",
  "acceptee|prendre_en_charge|destinataire": "prise_en_charge",
  "acceptee|cloturer|destinataire": "cloturee",
  "prise_en_charge|cloturer|destinataire": "cloturee",
  "envoyee|annuler|emetteur": "annulee",
  "vue|annuler|emetteur": "annulee",
  "acceptee|annuler|emetteur": "annulee",
  "envoyee|expirer|passerelle": "expiree",
  "vue|expirer|passerelle": "expiree",
};

describe("transitions des orientations", () => {
  const cas: [Statut, Action, Auteur][] = [];
  for (const statut of STATUTS) for (const action of ACTIONS) for (const cote of ["emetteur", "destinataire", "passerelle"] as const) cas.push([statut, action, cote]);

  it.each(cas)("%s + %s par %s", (statut, action, cote) => {
    const attendu = PERMIS[`${statut}|${action}|${cote}`];
    if (attendu) expect(statutApres(statut, action, cote)).toBe(attendu);
    else {
      let erreur: unknown;
      try {
        statutApres(statut, action, cote);
      } catch (e) {
        erreur = e;
      }
      expect(erreur).toBeInstanceOf(ErreurPasserelle);
      expect(erreur instanceof ErreurPasserelle && erreur.code).toBe("conflit");
    }
  });

  it("les boutons : ceux du côté de la personne, sans « voir » (automatique) ni « expirer » (la tâche)", () => {
    expect(actionsPossibles("envoyee", ["destinataire"])).toEqual(["accepter", "refuser"]);
    expect(actionsPossibles("vue", ["emetteur"])).toEqual(["annuler"]);
    expect(actionsPossibles("acceptee", ["destinataire", "emetteur"])).toEqual(["prendre_en_charge", "cloturer", "annuler"]);
    expect(actionsPossibles("prise_en_charge", ["emetteur"])).toEqual([]);
    for (const fin of ["cloturee", "refusee", "expiree", "annulee"] as const) expect(actionsPossibles(fin, ["emetteur", "destinataire"])).toEqual([]);
  });
});

describe("codes d'orientation", () => {
  it("8 caractères de l'alphabet sans 0/O/1/I/L, affichés ABCD-EFGH", () => {
    for (let i = 0; i < 200; i++) {
      const code = nouveauCodeOrientation();
      expect(code).toMatch(/^[A-HJKMNP-Z2-9]{8}$/);
      expect(normaliserCodeOrientation(afficherCodeOrientation(code))).toBe(code);
    }
    expect(ALPHABET_CODE).not.toMatch(/[01OIL]/);
    expect(afficherCodeOrientation("K7P3Q9XM")).toBe("K7P3-Q9XM");
  });

  it("la saisie : casse, espaces et tirets ignorés ; longueur ou caractère hors alphabet refusés", () => {
    expect(normaliserCodeOrientation(" k7p3 - q9xm ")).toBe("K7P3Q9XM");
    expect(normaliserCodeOrientation("K7P3-Q9X")).toBeUndefined();
    expect(normaliserCodeOrientation("K7P3-Q9XMA")).toBeUndefined();
    expect(normaliserCodeOrientation("K7P3-Q9X0")).toBeUndefined();
    expect(normaliserCodeOrientation("K7P3-Q9XI")).toBeUndefined();
  });
});
