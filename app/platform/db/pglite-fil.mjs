// Entry of the embedded database's thread: Node 20 does not apply the parent's `--import tsx` to a
// worker's entry file, so this plain module loads the TypeScript one through tsx's API.
import { tsImport } from "tsx/esm/api";

await tsImport("./pglite-fil.server.ts", import.meta.url);
