import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

/** Browser suite: a real server on a temporary data folder, driven in Debian's Chromium. Needs `npm run build` first. */
export default defineConfig({
  resolve: { alias: { "~": fileURLToPath(new URL("./app", import.meta.url)) } },
  test: {
    include: ["test/browser/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
