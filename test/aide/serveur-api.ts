import express, { type Express } from "express";
import type { AppLoadContext } from "react-router";
import { routeurApi } from "~/routes/api/express.server";

export interface ServeurApi {
  /** `http://127.0.0.1:<port>/api/v1` */
  base: string;
  fermer(): Promise<void>;
}

/**
 * The `/api/v1` router alone, as server/main.ts mounts it, on a free loopback port: API tests go
 * through real HTTP (headers, status, body) without building the app. `avant` adds middleware first.
 */
export async function serveurApi(context: AppLoadContext, avant?: (app: Express) => void): Promise<ServeurApi> {
  const app = express();
  avant?.(app);
  app.use("/api/v1", routeurApi(context));
  const serveur = app.listen(0, "127.0.0.1");
  await new Promise((ok) => serveur.once("listening", ok));
  const adresse = serveur.address();
  if (typeof adresse !== "object" || adresse === null) throw new Error("adresse du serveur de test inconnue");
  return {
    base: `http://127.0.0.1:${adresse.port}/api/v1`,
    fermer: () => new Promise<void>((ok) => serveur.close(() => ok())),
  };
}
