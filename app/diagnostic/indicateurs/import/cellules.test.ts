import { describe, expect, it } from "vitest";
import { chargerReferentiel } from "~/territoire/referentiel.server";
import { estSecret, lireAnnee, lireNombre, localiserCode } from "./cellules";

const referentiel = chargerReferentiel();

describe("cellules des fichiers officiels", () => {
  it("lit les nombres écrits à la française ou à l'anglaise", () => {
    expect(["1234", "1234.5", "1234,5", "1 234", "1\u00a0234,5", "1\u202f234", "0,75", ".5", "1e3", "-2"].map(lireNombre)).toEqual([
      1234, 1234.5, 1234.5, 1234, 1234.5, 1234, 0.75, 0.5, 1000, -2,
    ]);
    expect(["", "abc", "12,5e", "1.234,5", "12 34", "1,2,3"].map(lireNombre)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
  });

  it("reconnaît les marques de secret statistique", () => {
    expect(["n.d.", "ND", "secret", "s", "<5", "< 3", "-", "…"].every(estSecret)).toBe(true);
    expect(["0", "5", "abc", "n"].some(estSecret)).toBe(false);
  });

  it("borne les années entre 1990 et l'année en cours", () => {
    const maintenant = new Date("2026-03-01");
    expect(["1990", "2026", "1989", "2027", "21", "2O24"].map((a) => lireAnnee(a, maintenant))).toEqual([1990, 2026, undefined, undefined, undefined, undefined]);
  });

  it("distingue commune, IRIS et EPCI, et ce qui est hors de Bretagne", () => {
    expect(localiserCode(referentiel, "35238")).toEqual({ statut: "ok", niveau: "commune", code: "35238", commune: "35238" });
    expect(localiserCode(referentiel, "243500139")).toEqual({ statut: "ok", niveau: "epci", code: "243500139", commune: null });
    expect(localiserCode(referentiel, "352380101")).toEqual({ statut: "ok", niveau: "iris", code: "352380101", commune: "35238" });
    expect(localiserCode(referentiel, "22142")).toMatchObject({ statut: "ok", code: "22142", commune: "22093", rattachement: { code: "22093", nom: "Lamballe-Armor" } });
    // A national EPCI (Métropole du Grand Paris), Ajaccio, a department-01 commune whose leading zero was lost.
    expect(["200054781", "2a004", "1001"].map((c) => localiserCode(referentiel, c).statut)).toEqual(["hors_region", "hors_region", "hors_region"]);
    expect(localiserCode(referentiel, "3523").statut).toBe("hors_region");
    expect(["", "Rennes", "352380"].map((c) => localiserCode(referentiel, c).statut)).toEqual(["invalide", "invalide", "invalide"]);
  });
});
