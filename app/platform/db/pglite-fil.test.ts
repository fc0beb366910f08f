import { sql } from "drizzle-orm";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ouvrirConnexion } from "./connexion.server";

/** Rows of a raw statement (the driver-neutral database type does not know them). */
const lignes = (r: unknown): unknown => (typeof r === "object" && r !== null && "rows" in r ? r.rows : undefined);

/** The embedded database on its own thread, as the server opens it (decision 013). */
describe("PGlite sur son propre fil d'exécution", () => {
  const dossier = mkdtempSync(path.join(tmpdir(), "passerelle-fil-test-"));
  afterAll(() => rmSync(dossier, { recursive: true, force: true }));
  const sockets = () => readdirSync(tmpdir()).filter((n) => n.startsWith("passerelle-pglite-")).length;

  it("migre, écrit dans le dossier de données, et ce qui est écrit se relit sans le fil", async () => {
    const avant = sockets();
    const c = await ouvrirConnexion({ moteur: "pglite", dossier, fil: true });
    expect(sockets()).toBe(avant + 1);
    await c.migrer();
    await c.db.execute(sql`CREATE TABLE essai (n int)`);
    await c.db.execute(sql`INSERT INTO essai VALUES (1), (2), (3)`);
    await c.fermer();
    // Closed: the socket's folder is gone and the engine released the data folder.
    expect(sockets()).toBe(avant);
    const d = await ouvrirConnexion({ moteur: "pglite", dossier });
    const r = await d.db.execute(sql`SELECT sum(n)::int AS s FROM essai`);
    expect(lignes(r)).toEqual([{ s: 6 }]);
    await d.fermer();
  });

  it("une requête lancée pendant une transaction attend sa fin, et une transaction annulée ne laisse rien", async () => {
    const c = await ouvrirConnexion({ moteur: "pglite", dossier, fil: true });
    const ordre: string[] = [];
    let liberer = () => {};
    const verrou = new Promise<void>((r) => (liberer = r));
    const transaction = c.db.transaction(async (tx) => {
      await tx.execute(sql`INSERT INTO essai VALUES (10)`);
      ordre.push("insertion");
      await verrou;
      ordre.push("fin de transaction");
    });
    // Leaves while the transaction holds the only session: it is served after the commit.
    await new Promise((r) => setTimeout(r, 50));
    const lecture = c.db.execute(sql`SELECT count(*)::int AS n FROM essai`).then((r) => {
      ordre.push("lecture");
      return lignes(r);
    });
    await new Promise((r) => setTimeout(r, 50));
    liberer();
    await transaction;
    expect(await lecture).toEqual([{ n: 4 }]);
    expect(ordre).toEqual(["insertion", "fin de transaction", "lecture"]);

    await expect(
      c.db.transaction(async (tx) => {
        await tx.execute(sql`INSERT INTO essai VALUES (100)`);
        throw new Error("abandon");
      }),
    ).rejects.toThrow("abandon");
    const r = await c.db.execute(sql`SELECT count(*)::int AS n FROM essai`);
    expect(lignes(r)).toEqual([{ n: 4 }]);
    await c.fermer();
    expect(existsSync(dossier)).toBe(true);
  });
});
