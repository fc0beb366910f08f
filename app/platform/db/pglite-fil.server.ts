import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { parentPort, workerData } from "node:worker_threads";
import { EXTENSIONS_PGLITE } from "./extensions-pglite.server";

/**
 * The embedded database on its own thread (decision 013): PGlite runs its WebAssembly engine here
 * and answers the PostgreSQL protocol on a Unix socket, so the app thread only handles HTTP and the
 * search engine uses the second core. One client connection: PGlite is a single session, and
 * interleaving two clients' extended-protocol messages would mix their prepared statements.
 */
const port = parentPort;
const dossier: unknown = Reflect.get(Object(workerData), "dossier");
const chemin: unknown = Reflect.get(Object(workerData), "chemin");
if (!port || typeof dossier !== "string" || typeof chemin !== "string") throw new Error("pglite-fil.server.ts se lance comme fil d'exécution (worker_threads), avec { dossier, chemin }");

const client = await PGlite.create(dossier, { extensions: EXTENSIONS_PGLITE });
const serveur = new PGLiteSocketServer({ db: client, path: chemin, maxConnections: 1 });
await serveur.start();
port.postMessage("prete");
port.on("message", (message: unknown) => {
  if (message !== "fermer") return;
  void (async () => {
    await serveur.stop();
    await client.close();
    port.postMessage("fermee");
  })();
});
