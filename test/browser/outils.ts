import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";

export interface Serveur {
  url: string;
  arreter(): Promise<void>;
}

/** Starts the built app on a free port with a brand-new data folder (so the first-start seeding runs). */
export async function demarrerServeur(port: number): Promise<Serveur> {
  const dossier = mkdtempSync(path.join(tmpdir(), "passerelle-e2e-"));
  const processus: ChildProcess = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    env: { ...process.env, PORT: String(port), PASSERELLE_DATA_DIR: dossier, DATABASE_URL: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let journal = "";
  processus.stdout?.on("data", (d: Buffer) => (journal += d.toString()));
  processus.stderr?.on("data", (d: Buffer) => (journal += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const limite = Date.now() + 150_000;
  for (;;) {
    try {
      const r = await fetch(`${url}/healthz`);
      if (r.ok) break;
    } catch {
      // not listening yet
    }
    if (processus.exitCode !== null || Date.now() > limite) {
      // Never leave a half-started server behind: the next run would find its port taken.
      processus.kill("SIGKILL");
      rmSync(dossier, { recursive: true, force: true });
      throw new Error(`Le serveur n'a pas démarré :\n${journal}`);
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    url,
    arreter: async () => {
      processus.kill("SIGTERM");
      await new Promise((r) => processus.once("exit", r));
      rmSync(dossier, { recursive: true, force: true });
    },
  };
}

export function lancerChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

export interface ViolationAxe {
  id: string;
  impact: string | null;
  description: string;
  cibles: string[];
}

/**
 * Runs axe-core (WCAG 2.1 A/AA rules) in the page and returns its violations. axe is evaluated
 * through the DevTools protocol, which the page's strict CSP does not govern (a script tag would be
 * refused), so the live page — hydrated, map drawn — is audited as people get it.
 */
export async function auditerAccessibilite(page: Page): Promise<ViolationAxe[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = Reflect.get(window, "axe");
    const resultat: { violations: { id: string; impact: string | null; description: string; nodes: { target: string[] }[] }[] } = await axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    });
    return resultat.violations.map((v) => ({ id: v.id, impact: v.impact, description: v.description, cibles: v.nodes.map((n) => n.target.join(" ")) }));
  });
}
