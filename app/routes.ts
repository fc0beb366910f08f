import { type RouteConfig, index, route } from "@react-router/dev/routes";

export default [
  index("routes/accueil.tsx"),
  route("a-propos-des-donnees", "routes/a-propos-des-donnees.tsx"),
  route("healthz", "routes/healthz.ts"),
] satisfies RouteConfig;
