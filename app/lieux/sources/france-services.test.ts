import opening_hours from "opening_hours";
import { describe, expect, it } from "vitest";
import { decoderEchappements, franceServices, horairesFranceServices, surRendezVousSeulement } from "./france-services";
import { convertirFichier } from "./sources-test-utils";

const semaine = (h: Partial<Record<"h_lundi" | "h_mardi" | "h_mercredi" | "h_jeudi" | "h_vendredi" | "h_samedi", string>>) =>
  horairesFranceServices(h);

describe("horaires France services → OSM opening_hours", () => {
  it("fusionne les jours consécutifs identiques", () => {
    const cinq = "08:00 - 12:00 / 13:00 - 16:00";
    expect(semaine({ h_lundi: cinq, h_mardi: cinq, h_mercredi: cinq, h_jeudi: cinq, h_vendredi: cinq }).horaires).toBe(
      "Mo-Fr 08:00-12:00,13:00-16:00",
    );
  });

  it("coupe la plage quand un jour diffère et omet les jours fermés", () => {
    const j = "09:00 - 12:00 / 14:00 - 17:00";
    expect(semaine({ h_lundi: j, h_mardi: j, h_mercredi: "09:00 - 12:00", h_jeudi: j, h_vendredi: j, h_samedi: "09:00 - 12:00" }).horaires).toBe(
      "Mo-Tu 09:00-12:00,14:00-17:00; We 09:00-12:00; Th-Fr 09:00-12:00,14:00-17:00; Sa 09:00-12:00",
    );
    expect(semaine({ h_mardi: j, h_jeudi: j }).horaires).toBe("Tu 09:00-12:00,14:00-17:00; Th 09:00-12:00,14:00-17:00");
  });

  it("accepte 9h00, 9h et 9:00, et ordonne les plages", () => {
    expect(semaine({ h_lundi: "14h - 17h30 / 9:00-12h00" }).horaires).toBe("Mo 09:00-12:00,14:00-17:30");
  });

  it("laisse les horaires vides quand aucun jour n'est renseigné", () => {
    expect(semaine({})).toEqual({ horaires: "", illisibles: [], chevauchements: [] });
  });

  it("refuse une cellule illisible en nommant le jour", () => {
    const r = semaine({ h_lundi: "09:00 - 12:00", h_mardi: "le matin", h_jeudi: "17:00 - 09:00" });
    expect(r.horaires).toBe("");
    expect(r.illisibles).toEqual([
      { jour: "mardi", valeur: "le matin" },
      { jour: "jeudi", valeur: "17:00 - 09:00" },
    ]);
  });

  it("fusionne les doublons sans rien dire et signale les chevauchements", () => {
    expect(semaine({ h_lundi: "08:30 - 17:00 / 08:30 - 17:00" })).toEqual({ horaires: "Mo 08:30-17:00", illisibles: [], chevauchements: [] });
    expect(semaine({ h_lundi: "08:30 - 18:00 / 14:00 - 18:00" }).chevauchements).toEqual([{ jour: "lundi", valeur: "08:30 - 18:00 / 14:00 - 18:00" }]);
  });

  it("produit une valeur illisible → avertissement sur le champ horaires", () => {
    const { brut, problemes } = franceServices.convertir({ id_fs: "1", h_lundi: "matin", h_mardi: "09:00 - 12:00" }, 4);
    expect(brut.horaires).toBeUndefined();
    expect(problemes).toEqual([expect.objectContaining({ line: 4, field: "horaires", severity: "warning", value: "matin" })]);
    expect(problemes[0]?.message).toContain("lundi");
  });
});

describe("adaptateur france-services sur le fichier livré", () => {
  const convertis = convertirFichier("france-services");

  it("lit les 130 France services ; seuls les chevauchements de Belle-Île sont signalés", () => {
    expect(convertis).toHaveLength(130);
    const problemes = convertis.flatMap((c) => c.problemes);
    expect(problemes.map((p) => [p.line, p.field, p.severity])).toEqual([
      [52, "horaires", "warning"],
      [52, "horaires", "warning"],
    ]);
  });

  it("donne des horaires que la bibliothèque opening_hours accepte", () => {
    const avecHoraires = convertis.filter((c) => c.brut.horaires !== undefined);
    expect(avecHoraires).toHaveLength(128);
    for (const { brut } of avecHoraires) expect(() => new opening_hours(brut.horaires ?? "")).not.toThrow();
  });

  it("convertit la France services de Saint-Brieuc champ par champ", () => {
    expect(convertis[0]?.brut).toEqual({
      id: "133",
      pivot: "00000000000000",
      nom: "France services Saint-Brieuc",
      commune: "Saint-Brieuc",
      code_postal: "22000",
      code_insee: "22278",
      adresse: "3 Rue de Genève",
      latitude: "48.51727",
      longitude: "-2.74538",
      typologie: "RFS",
      telephone: "02 96 60 47 87",
      courriels: "msap-pad@saint-brieuc.fr",
      horaires: "Mo-Tu 08:00-12:00,13:00-16:00; We 08:00-12:00; Th-Fr 08:00-12:00,13:00-16:00",
      source: "France services (ANCT)",
      itinerance: "Fixe",
      date_maj: "2024-08-01",
      services: "Aide aux démarches administratives",
      frais_a_charge: "Gratuit",
      dispositif_programmes_nationaux: "France Services",
      modalites_acces: "Se présenter",
      modalites_accompagnement: "Accompagnement individuel",
    });
  });

  it("Tréguier : rendez-vous possibles → Téléphoner, commentaire et réseau gardés", () => {
    const b = convertis[1]?.brut;
    expect(b?.modalites_acces).toBe("Se présenter|Téléphoner");
    expect(b?.presentation_detail).toBe("Par téléphone au 02 96 92 33 46 ou par mail : franceservices.treguier@lannion-tregor.com");
    expect(b?.structure_parente).toBe("Lannion tregor France Services");
  });

  it("Guémené-sur-Scorff (« UNIQUEMENT SUR RDV ») : pas de « Se présenter »", () => {
    const b = convertis.find((c) => c.brut.id === "326")?.brut;
    expect(b?.modalites_acces).toBe("Téléphoner");
  });

  it("bus et France services itinérantes → Itinérant ; antennes et multisites → Fixe", () => {
    const itinerance = (id: string) => convertis.find((c) => c.brut.id === id)?.brut.itinerance;
    expect(itinerance("580")).toBe("Itinérant");
    expect(convertis.filter((c) => c.brut.itinerance === "Itinérant")).toHaveLength(14);
    expect(convertis.filter((c) => c.brut.itinerance === "Fixe")).toHaveLength(116);
  });

  it("décode le commentaire écrit en échappements JavaScript (id 1763)", () => {
    const detail = convertis.find((c) => c.brut.id === "1763")?.brut.presentation_detail ?? "";
    expect(detail).toContain("Antenne\u00a0: L’auditoire - 25 place de l'église – 35390 Grand-Fougeray");
    expect(detail).not.toMatch(/\\x|\\u/);
  });
});

describe("règles d'accès France services", () => {
  it("reconnaît « sur rendez-vous » pour tout le lieu, pas pour un créneau", () => {
    expect(surRendezVousSeulement("UNIQUEMENT SUR RDV")).toBe(true);
    expect(surRendezVousSeulement("Sur rendez-vous")).toBe(true);
    expect(surRendezVousSeulement("Rendez-vous uniquement au 02 99 92 46 99")).toBe(true);
    expect(surRendezVousSeulement("Mercredi : Uniquement sur rendez-vous")).toBe(false);
    expect(surRendezVousSeulement("Matin sans rendez-vous / Après-midi sur rendez-vous")).toBe(false);
    expect(surRendezVousSeulement("Rendez-vous au 02 99 92 46 99")).toBe(false);
  });

  it("décode \\xNN et \\uNNNN", () => {
    expect(decoderEchappements(String.raw`a\x20b\u2019c`)).toBe("a b’c");
  });
});
