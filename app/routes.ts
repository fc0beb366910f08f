import { type RouteConfig, index, route } from "@react-router/dev/routes";

export default [
  index("routes/accueil.tsx"),
  route("lieux", "routes/lieux.tsx"),
  route("lieux/:id", "routes/lieu.tsx"),
  route("orientation", "routes/orientation.tsx"),
  route("orientation/fiche", "routes/orientation-fiche.tsx"),
  route("orientation/fiche.pdf", "routes/orientation-fiche-pdf.ts"),
  route("l/:code", "routes/lien-court.ts"),
  route("territoires/:type/:code", "routes/territoire.tsx"),
  route("embed", "routes/embed.tsx"),
  route("carte/frontieres.json", "routes/carte-frontieres.ts"),
  route("a-propos-des-donnees", "routes/a-propos-des-donnees.tsx"),
  route("healthz", "routes/healthz.ts"),
  route("api/v1/openapi.json", "routes/api/openapi.ts"),
  route("api/v1/lieux", "routes/api/lieux.ts"),
  route("api/v1/lieux.csv", "routes/api/lieux-csv.ts"),
  route("api/v1/lieux.geojson", "routes/api/lieux-geojson.ts"),
  route("api/v1/lieux/:id", "routes/api/lieu.ts"),
] satisfies RouteConfig;
