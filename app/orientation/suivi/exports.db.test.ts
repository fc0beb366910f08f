import { and, eq, sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { journal_audit } from "~/platform/audit/audit.schema";
import type { Connexion } from "~/platform/db/connexion.server";
import { ErreurPasserelle } from "~/platform/erreurs";
import { droitsDe } from "~/structures/droits.server";
import { baseDeTest } from "../../../test/aide/base";
import { referentiel } from "../../../test/aide/lieux";
import { COLONNES_EXPORT, filtresExportDepuis, fluxCsv, fluxXlsx, preparerExport, type FiltresExport } from "./exports.server";
import { BREST, compteDeTest, lieuDeTest, orientationInseree, RENNES, structureDeTest } from "./tableaux-test-outils";

let c: Connexion;
let recepteur = "";
let emetteur = "";
let receptrice = "";
let emettrice = "";
let code = "";
const PERSONNEL = ["Camille", "0611223344", "Message confidentiel", "Note du lieu"];

beforeAll(async () => {
  c = await baseDeTest();
  recepteur = await compteDeTest(c.db, "recepteur@exemple.fr");
  emetteur = await compteDeTest(c.db, "emetteur@exemple.fr");
  receptrice = await structureDeTest(c.db, "Centre social; « Brest »", "centre_social", BREST, [{ utilisateurId: recepteur, role: "mediateur" }]);
  emettrice = await structureDeTest(c.db, "=Association", "association", RENNES, [{ utilisateurId: emetteur, role: "prescripteur" }]);
  const lieu = await lieuDeTest(c.db, "EPN de Brest", BREST, "Brest", receptrice);
  const o = await orientationInseree(c.db, {
    lieuId: lieu,
    emettriceId: emettrice,
    destinataireId: receptrice,
    statut: "refusee",
    motifRefus: "complet",
    envoyeeLe: new Date("2026-03-01T08:00:00Z"),
    reponseApresHeures: 5,
    termineeLe: new Date("2026-03-01T13:00:00Z"),
    demarches: ["caf", "ameli"],
    services: ["Aide aux démarches administratives"],
    urgence: "urgente",
    message: "Message confidentiel",
    personne: { prenom: "Camille", telephone: "0611223344" },
  });
  code = o.code;
  await c.db.execute(sql`update orientations set note_destinataire = 'Note du lieu' where id = ${o.id}`);
  // 1,049 more, one per minute in April (Paris), to cross the 1,000-row batches.
  await c.db.execute(sql`
    insert into orientations (code, lieu_id, structure_emettrice_id, structure_destinataire_id, statut, envoyee_le)
    select 'T' || lpad(g::text, 7, '0'), ${lieu}, ${emettrice}, ${receptrice}, 'envoyee', timestamptz '2026-04-10 08:00:00+00' + g * interval '1 minute'
    from generate_series(1, 1049) g`);
});
afterAll(async () => c.fermer());

const droits = (id: string) => droitsDe(c.db, { id }, referentiel);
const texte = async (flux: ReadableStream<Uint8Array>) => Buffer.from(await new Response(flux).arrayBuffer());
const filtres = (f: Partial<FiltresExport> = {}): FiltresExport => ({ structureId: receptrice, sens: "recues", depuis: null, jusqua: null, ...f });

describe("exports des orientations", () => {
  it("CSV : BOM, point-virgule, une ligne par orientation par lots de 1 000, sans aucune donnée personnelle", async () => {
    const csv = (await texte(fluxCsv(c.db, filtres()))).toString("utf8");
    expect(csv.startsWith("\uFEFFcode;sens;envoyee_le;premiere_reponse_le;terminee_le;statut;issue;motif_refus;urgence;services;demarches;lieu_id;lieu_nom;lieu_commune_insee;structure_emettrice")).toBe(true);
    const lignes = csv.trimEnd().split("\r\n");
    expect(lignes).toHaveLength(1 + 1050);
    const premiere = lignes[1]?.split(";") ?? [];
    // Paris time; labels in French; the structure names quoted or defused like any spreadsheet cell.
    expect(premiere.slice(0, 9)).toEqual([`${code.slice(0, 4)}-${code.slice(4)}`, "reçue", "2026-03-01 09:00", "2026-03-01 14:00", "2026-03-01 14:00", "Refusée", "", "Plus de place disponible", "Urgente (droits menacés, échéance proche)"]);
    expect(lignes[1]).toContain("CAF (allocations, prime d'activité, RSA) | Assurance maladie (ameli, CSS)");
    expect(lignes[1]).toContain(";29019;'=Association;Association;\"Centre social; « Brest »\";Centre social");
    for (const p of PERSONNEL) expect(csv).not.toContain(p);
  });

  it("XLSX relu avec exceljs : mêmes colonnes, mêmes lignes", async () => {
    const classeur = new ExcelJS.Workbook();
    const fichier: Buffer = await texte(fluxXlsx(c.db, filtres({ depuis: "2026-03-01", jusqua: "2026-03-31" })));
    await classeur.xlsx.read(Readable.from([fichier]));
    const feuille = classeur.getWorksheet("Orientations");
    expect(feuille?.rowCount).toBe(2);
    expect(feuille?.getRow(1).values).toEqual([undefined, ...COLONNES_EXPORT]);
    expect(feuille?.getRow(2).getCell(6).value).toBe("Refusée");
    const tout = JSON.stringify(feuille?.getSheetValues());
    for (const p of PERSONNEL) expect(tout).not.toContain(p);
  });

  it("bornes de dates en jours de Paris, incluses", async () => {
    const nb = async (f: Partial<FiltresExport>) => (await texte(fluxCsv(c.db, filtres(f)))).toString("utf8").trimEnd().split("\r\n").length - 1;
    expect(await nb({ jusqua: "2026-03-01" })).toBe(1);
    expect(await nb({ depuis: "2026-03-02" })).toBe(1049);
    // From 00:00 in Paris on 11 April (22:00 UTC the day before): minutes 840 to 1049.
    expect(await nb({ depuis: "2026-04-11" })).toBe(210);
    expect(await nb({ depuis: "2026-04-12" })).toBe(0);
    expect(await nb({ sens: "envoyees" })).toBe(0);
  });

  it("membres seulement ; une entrée au journal par export, avec le nombre de lignes", async () => {
    expect(await preparerExport(c.db, await droits(recepteur), filtres(), "csv")).toEqual({ lignes: 1050 });
    const [entree] = await c.db.select().from(journal_audit).where(and(eq(journal_audit.action, "orientation.exporter"), eq(journal_audit.utilisateur_id, recepteur)));
    expect(entree).toMatchObject({ objet_type: "structure", objet_id: receptrice, details: { sens: "recues", format: "csv", lignes: 1050, depuis: null, jusqua: null } });
    const e = await preparerExport(c.db, await droits(emetteur), filtres(), "xlsx").catch((x: unknown) => x);
    expect(e instanceof ErreurPasserelle ? e.code : e).toBe("interdit");
    expect(await preparerExport(c.db, await droits(emetteur), filtres({ structureId: emettrice, sens: "envoyees" }), "xlsx")).toEqual({ lignes: 1050 });
  });

  it("lit les paramètres et nomme ceux qui sont invalides", () => {
    const u = (q: string) => new URL(`http://passerelle.test/orientations/export.csv?${q}`);
    expect(filtresExportDepuis(u("depuis=2026-01-01"), [receptrice])).toEqual({ structureId: receptrice, sens: "recues", depuis: "2026-01-01", jusqua: null });
    expect(filtresExportDepuis(u("sens=autre&depuis=01/01/2026&jusqua=2026-13-45"), [])).toEqual({ erreurs: { structure: expect.any(String), sens: expect.any(String), depuis: expect.any(String), jusqua: expect.any(String) } });
    expect(filtresExportDepuis(u("depuis=2026-02-01&jusqua=2026-01-01"), [receptrice])).toEqual({ erreurs: { jusqua: expect.any(String) } });
  });
});
