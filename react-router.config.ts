import type { Config } from "@react-router/dev/config";

export default {
  ssr: true,
  // Lets several builds coexist (parallel work, CI); the server reads the same variable.
  buildDirectory: process.env.PASSERELLE_BUILD_DIR ?? "build",
} satisfies Config;
