import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ouvertA, ouvertLe, ouvertLeSoir, ouvertLeWeekEnd, prochainChangement, semaine } from "./index";

const BUREAU = "Mo-Fr 09:00-12:00,14:00-18:00";
const t = (iso: string) => new Date(iso);

// The same answers whatever the server's TZ: Paris wall-clock time is what counts.
describe.each(["UTC", "Europe/Paris"])("horaires lus à l'heure de Paris (TZ du processus : %s)", (tz) => {
  const avant = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = tz;
  });
  afterAll(() => {
    process.env.TZ = avant;
  });

  it("heure d'hiver : 09:30 à Paris est 08:30 UTC", () => {
    expect(ouvertA(BUREAU, t("2026-01-13T08:30:00Z"))).toBe(true); // mardi 09:30
    expect(ouvertA(BUREAU, t("2026-01-13T07:30:00Z"))).toBe(false); // 08:30
    expect(ouvertA(BUREAU, t("2026-01-13T11:30:00Z"))).toBe(false); // 12:30
    expect(ouvertA(BUREAU, t("2026-01-13T16:59:00Z"))).toBe(true); // 17:59
    expect(ouvertA(BUREAU, t("2026-01-13T17:00:00Z"))).toBe(false); // 18:00
    expect(ouvertA(BUREAU, t("2026-01-17T10:00:00Z"))).toBe(false); // samedi
  });

  it("heure d'été : 09:30 à Paris est 07:30 UTC", () => {
    expect(ouvertA(BUREAU, t("2026-06-16T07:30:00Z"))).toBe(true);
    expect(ouvertA(BUREAU, t("2026-06-16T06:30:00Z"))).toBe(false);
    expect(ouvertA(BUREAU, t("2026-06-16T15:30:00Z"))).toBe(true); // 17:30
    expect(ouvertA(BUREAU, t("2026-06-16T16:30:00Z"))).toBe(false); // 18:30
  });

  it("la semaine du passage à l'heure d'été (29 mars 2026)", () => {
    expect(ouvertA(BUREAU, t("2026-03-27T08:30:00Z"))).toBe(true); // vendredi 09:30 CET
    expect(ouvertA(BUREAU, t("2026-03-30T07:30:00Z"))).toBe(true); // lundi 09:30 CEST
    expect(ouvertA(BUREAU, t("2026-03-30T06:30:00Z"))).toBe(false); // lundi 08:30 CEST
    // Samedi midi → ouvre lundi 09:00 heure d'été, soit 07:00 UTC.
    expect(prochainChangement(BUREAU, t("2026-03-28T11:00:00Z"))).toEqual({ ouvert: false, a: t("2026-03-30T07:00:00Z") });
    const jours = semaine(BUREAU, t("2026-03-29T10:00:00Z"));
    expect(jours.map((j) => j.date)).toEqual(["2026-03-23", "2026-03-24", "2026-03-25", "2026-03-26", "2026-03-27", "2026-03-28", "2026-03-29"]);
    expect(jours[0]).toEqual({ jour: "lundi", date: "2026-03-23", plages: [{ debut: "09:00", fin: "12:00" }, { debut: "14:00", fin: "18:00" }] });
    expect(semaine("Su 01:00-04:00", t("2026-03-29T10:00:00Z"))[6]?.plages).toEqual([{ debut: "01:00", fin: "04:00" }]);
  });

  it("la semaine du passage à l'heure d'hiver (25 octobre 2026)", () => {
    expect(prochainChangement(BUREAU, t("2026-10-23T15:00:00Z"))).toEqual({ ouvert: true, a: t("2026-10-23T16:00:00Z") }); // ferme à 18:00 CEST
    expect(prochainChangement(BUREAU, t("2026-10-24T10:00:00Z"))).toEqual({ ouvert: false, a: t("2026-10-26T08:00:00Z") }); // ouvre lundi 09:00 CET
    expect(ouvertA(BUREAU, t("2026-10-26T08:30:00Z"))).toBe(true);
  });

  it("Noël 2026 avec PH off : fermé, et le jour férié est nommé", () => {
    const h = `${BUREAU}; PH off`;
    expect(ouvertA(h, t("2026-12-25T09:00:00Z"))).toBe(false);
    expect(ouvertA(h, t("2026-12-24T09:00:00Z"))).toBe(true);
    expect(ouvertA(BUREAU, t("2026-12-25T09:00:00Z"))).toBe(true); // sans règle PH, le jour férié n'est pas spécial
    const jours = semaine(h, t("2026-12-25T09:00:00Z"));
    expect(jours[4]).toEqual({ jour: "vendredi", date: "2026-12-25", plages: [], ferie: "Noël" });
    expect(jours[3]?.plages).toHaveLength(2);
    expect(jours[3]?.ferie).toBeUndefined();
    expect(ouvertLe(h, "vendredi", undefined, t("2026-12-21T09:00:00Z"))).toBe(false);
    expect(ouvertLe(h, "jeudi", "15:00", t("2026-12-21T09:00:00Z"))).toBe(true);
    expect(ouvertLe(h, "jeudi", "13:00", t("2026-12-21T09:00:00Z"))).toBe(false);
  });

  it("24/7 : toujours ouvert, toute la journée, sans changement", () => {
    expect(ouvertA("24/7", t("2026-05-03T02:00:00Z"))).toBe(true);
    expect(semaine("24/7", t("2026-05-03T02:00:00Z")).every((j) => j.plages.length === 1 && j.plages[0]?.debut === "00:00" && j.plages[0].fin === "24:00")).toBe(true);
    expect(prochainChangement("24/7", t("2026-05-03T02:00:00Z"))).toBeUndefined();
    expect(ouvertLeSoir("24/7", t("2026-05-03T02:00:00Z"))).toBe(true);
    expect(ouvertLeWeekEnd("24/7", t("2026-05-03T02:00:00Z"))).toBe(true);
  });

  it("soir et week-end", () => {
    const lundi = t("2026-01-12T10:00:00Z");
    expect(ouvertLeSoir(BUREAU, lundi)).toBe(false);
    expect(ouvertLeSoir("Mo-Fr 09:00-12:00; We 14:00-19:30", lundi)).toBe(true);
    expect(ouvertLeWeekEnd(BUREAU, lundi)).toBe(false);
    expect(ouvertLeWeekEnd("Tu-Sa 10:00-12:00", lundi)).toBe(true);
    expect(ouvertLe("Tu-Sa 10:00-12:00", "samedi", "11:00", lundi)).toBe(true);
  });

  it("horaires vides ou illisibles : inconnu, jamais « fermé »", () => {
    for (const h of ["", "   ", "n'importe quoi", "Mo-Fr 25:00-26:00"]) {
      expect(ouvertA(h, t("2026-01-13T08:30:00Z"))).toBeUndefined();
      expect(semaine(h, t("2026-01-13T08:30:00Z"))).toEqual([]);
      expect(ouvertLe(h, "lundi", undefined, t("2026-01-13T08:30:00Z"))).toBeUndefined();
      expect(ouvertLeSoir(h, t("2026-01-13T08:30:00Z"))).toBeUndefined();
      expect(ouvertLeWeekEnd(h, t("2026-01-13T08:30:00Z"))).toBeUndefined();
      expect(prochainChangement(h, t("2026-01-13T08:30:00Z"))).toBeUndefined();
    }
  });

  it("le cache d'état reste juste quand l'instant recule ou avance", () => {
    const h = "Mo-Fr 10:00-11:00";
    expect(ouvertA(h, t("2026-02-02T09:30:00Z"))).toBe(true);
    expect(ouvertA(h, t("2026-02-02T08:59:00Z"))).toBe(false);
    expect(ouvertA(h, t("2026-02-02T09:59:00Z"))).toBe(true);
    expect(ouvertA(h, t("2026-02-02T10:00:00Z"))).toBe(false);
  });
});
