import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { E2E_AUTH_SECRET } from "../playwright.config";

/**
 * Servers a journey starts, kills and starts again by itself (the same
 * production build the other journeys use, on a database of its own).
 */
const ROOT = path.resolve(import.meta.dirname, "..");

/** Starts `scripts/serve.ts` on `port` over `databaseUrl`; `env` adds to the e2e server's settings. */
export function startServer(port: number, databaseUrl: string, env: Record<string, string> = {}): ChildProcess {
  // Node itself with tsx's loader (not the tsx CLI, which runs the server in a child a SIGKILL would orphan).
  return spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts", "--port", String(port)], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: E2E_AUTH_SECRET,
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(port),
      ...env,
    },
    // E2E_SERVER_LOGS=1 shows the server's own output, to find why a journey's page failed.
    stdio: process.env.E2E_SERVER_LOGS ? "inherit" : "ignore",
  });
}

/** Resolves once the server on `port` answers its home page (up to about 40 s). */
export async function waitUntilUp(port: number): Promise<void> {
  for (let i = 0; i < 160; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The server on port ${port} did not start.`);
}

/** Kills a server without warning (SIGKILL), as a crash or a pulled plug would. */
export function killed(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGKILL");
  });
}
