import { config } from "zod/v4/core";

/**
 * Imported first by every module whose zod schemas run in the browser. Under the strict CSP
 * (server/securite.ts) zod's probe for `new Function` is reported as a violation, even though zod
 * catches it: browsers validate without zod's JIT (the server keeps it). A side-effect module rather
 * than the root layout, so that pages without zod in the browser do not download zod.
 */
if (typeof document !== "undefined") config({ jitless: true });
