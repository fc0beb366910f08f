import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";

export interface Serveur {
  url: string;
  arreter(): Promise<void>;
}

/** A data folder of its own, the CLI on it, then the built app started on it. */
export interface Banc extends Serveur {
  dossier: string;
  /** `npx passerelle …` on this data folder; throws with its error output on failure. */
  passerelle(...args: string[]): string;
  demarrer(): Promise<void>;
  /** Stops the server but keeps its data folder: the CLI may then work on it, and `demarrer()` again. */
  arreterServeur(): Promise<void>;
}

export interface OptionsBanc {
  /** Let the first start load the Bretagne data (`PASSERELLE_SEED=auto`); an empty database otherwise. */
  seed?: boolean;
  env?: Record<string, string>;
}

/**
 * Prepares a server on `port` without starting it, so that a test can first set its data up with
 * the CLI (places, administrators, sign-in links). Mails stay in the outbox (no SMTP).
 */
export function preparerBanc(port: number, options: OptionsBanc = {}): Banc {
  const url = `http://127.0.0.1:${port}`;
  const dossier = mkdtempSync(path.join(tmpdir(), "passerelle-e2e-"));
  const env = {
    ...process.env,
    PORT: String(port),
    PASSERELLE_DATA_DIR: dossier,
    DATABASE_URL: "",
    PASSERELLE_URL_PUBLIQUE: url,
    SMTP_URL: "",
    ...(options.seed ? {} : { PASSERELLE_SEED: "non" }),
    ...options.env,
  };
  let processus: ChildProcess | undefined;
  return {
    url,
    dossier,
    passerelle(...args) {
      const r = spawnSync(process.execPath, [path.resolve("bin/passerelle.js"), ...args], { env, encoding: "utf8" });
      if (r.status !== 0) throw new Error(`passerelle ${args.join(" ")} : ${r.stderr}`);
      return r.stdout;
    },
    async demarrer() {
      processus = await lancer(env, url);
    },
    async arreterServeur() {
      if (processus && processus.exitCode === null) {
        const fin = new Promise((r) => processus?.once("exit", r));
        processus.kill("SIGTERM");
        await fin;
      }
    },
    async arreter() {
      await this.arreterServeur();
      rmSync(dossier, { recursive: true, force: true });
    },
  };
}

/** Starts the built app and waits for /healthz; never leaves a half-started server behind (its port would stay taken). */
async function lancer(env: NodeJS.ProcessEnv, url: string): Promise<ChildProcess> {
  const processus = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], { env, stdio: ["ignore", "pipe", "pipe"] });
  let journal = "";
  processus.stdout?.on("data", (d: Buffer) => (journal += d.toString()));
  processus.stderr?.on("data", (d: Buffer) => (journal += d.toString()));
  const limite = Date.now() + 150_000;
  for (;;) {
    if (await fetch(`${url}/healthz`).then((r) => r.ok, () => false)) return processus;
    if (processus.exitCode !== null || Date.now() > limite) {
      processus.kill("SIGKILL");
      throw new Error(`Le serveur n'a pas démarré :\n${journal}`);
    }
    await new Promise((r) => setTimeout(r, 300));
  }
}

/** Starts the built app on a free port with a brand-new data folder (so the first-start seeding runs). */
export async function demarrerServeur(port: number): Promise<Serveur> {
  const banc = preparerBanc(port, { seed: true });
  try {
    await banc.demarrer();
  } catch (e) {
    await banc.arreter();
    throw e;
  }
  return banc;
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
