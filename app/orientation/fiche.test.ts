import { describe, expect, it } from "vitest";
import { formaterTelephone, lireParametresFiche, textesAcces, texteJour, versParametresFiche } from "./fiche";

const A = "3f2a9c10-b7e4-4d21-9a0b-5c6d7e8f9a01";
const B = "9a0b5c6d-7e8f-4a01-8b7e-43f2a9c10d21";

describe("paramètres de la fiche", () => {
  it("lit 1 à 3 lieux séparés par | , le besoin, le prénom et la structure", () => {
    const r = lireParametresFiche(new URLSearchParams(`lieux=${A}|${B}&besoin=Aide aux démarches administratives&prenom=  Maëlys &structure=CCAS`));
    expect(r.success && r.data).toEqual({ lieux: [A, B], besoin: ["Aide aux démarches administratives"], prenom: "Maëlys", structure: "CCAS" });
    if (r.success) expect(versParametresFiche(r.data).get("lieux")).toBe(`${A}|${B}`);
  });

  it("refuse aucun lieu, plus de 3 lieux ou un identifiant invalide", () => {
    expect(lireParametresFiche(new URLSearchParams("")).success).toBe(false);
    expect(lireParametresFiche(new URLSearchParams(`lieux=${A}|${B}|${A.replace("3f", "4f")}|${B.replace("9a", "8a")}`)).success).toBe(false);
    expect(lireParametresFiche(new URLSearchParams("lieux=pas-un-uuid")).success).toBe(false);
  });
});

describe("textes de la fiche", () => {
  it("écrit les horaires d'un jour simplement", () => {
    expect(texteJour({ jour: "lundi", date: "2025-06-02", plages: [{ debut: "09:00", fin: "12:00" }, { debut: "14:00", fin: "17:30" }] })).toBe("9 h – 12 h, 14 h – 17 h 30");
    expect(texteJour({ jour: "dimanche", date: "2025-06-08", plages: [] })).toBe("Fermé");
    expect(texteJour({ jour: "lundi", date: "2025-06-09", plages: [], ferie: "Lundi de Pentecôte" })).toBe("Fermé (Lundi de Pentecôte, jour férié)");
  });

  it("dit d'abord si l'on peut venir sans rendez-vous", () => {
    expect(textesAcces(["Se présenter", "Téléphoner"], false, undefined)[0]).toMatch(/sans rendez-vous/);
    expect(textesAcces(["Prendre un RDV en ligne"], true, "https://rdv.example")[0]).toMatch(/^Sur rendez-vous/);
    expect(textesAcces([], false, undefined)[0]).toMatch(/téléphonez/);
  });

  it("écrit le téléphone comme on le lit", () => {
    expect(formaterTelephone("+33299000000")).toBe("02 99 00 00 00");
    expect(formaterTelephone("3939")).toBe("3939");
  });
});
