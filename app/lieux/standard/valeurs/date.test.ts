import { describe, expect, it } from "vitest";
import { date } from "./date";

describe("date", () => {
  it("accepts an ISO date that exists", () => {
    expect(date("2024-04-02")).toEqual({ ok: true, valeur: "2024-04-02" });
    expect(date("2024-02-29")).toEqual({ ok: true, valeur: "2024-02-29" });
  });

  it("truncates an ISO datetime to its date, without warning", () => {
    expect(date("2024-04-02T10:31:00Z")).toEqual({ ok: true, valeur: "2024-04-02" });
    expect(date("2024-04-02 10:31:00")).toEqual({ ok: true, valeur: "2024-04-02" });
  });

  it("converts a French JJ/MM/AAAA date, with a warning", () => {
    expect(date("29/02/2024")).toMatchObject({ ok: true, valeur: "2024-02-29", avertissement: expect.stringMatching(/format français/) });
    expect(date("2/4/2024")).toMatchObject({ ok: true, valeur: "2024-04-02" });
  });

  it("rejects dates that do not exist in the calendar", () => {
    for (const brut of ["29/02/2023", "2023-02-29", "2024-13-01", "2024-04-31", "00/01/2024"]) {
      const r = date(brut);
      expect(r.ok, brut).toBe(false);
      expect(!r.ok && r.message, brut).toMatch(/inexistante/);
    }
  });

  it("rejects unreadable formats", () => {
    for (const brut of ["02/04/24", "avril 2024", "2024/04/02", "20240402", "45384"]) {
      const r = date(brut);
      expect(!r.ok && r.message, brut).toMatch(/AAAA-MM-JJ/);
    }
  });
});
