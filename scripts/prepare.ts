/**
 * Gets a checkout ready to serve: loads .env.local, creates AUTH_SECRET if
 * there is none, and applies pending database migrations (which creates the
 * SQLite file on first start). Used by `npm start` and `npm run dev`.
 */
import { randomBytes } from "node:crypto";
import { appendFileSync, chmodSync, existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { deploy } from "./db";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const ENV_FILE = path.join(ROOT, ".env.local");

export function loadEnvFile(file = ENV_FILE): void {
  if (existsSync(file)) process.loadEnvFile(file);
}

/** Keeps the secret out of git (.env.local is ignored) and stable across restarts, so sessions survive. */
export function ensureAuthSecret(file = ENV_FILE): "existing" | "created" {
  if (process.env.AUTH_SECRET) return "existing";
  const secret = randomBytes(32).toString("base64url");
  const current = existsSync(file) ? readFileSync(file, "utf8") : "";
  const separator = current === "" || current.endsWith("\n") ? "" : "\n";
  appendFileSync(
    file,
    `${separator}# Generated on first start: signs instructors' session cookies. Keep it secret.\nAUTH_SECRET=${secret}\n`,
    { mode: 0o600 },
  );
  chmodSync(file, 0o600); // `mode` only applies when the file is new

  process.env.AUTH_SECRET = secret;
  return "created";
}

export async function prepare(): Promise<void> {
  loadEnvFile();
  // Schools and museums are often offline: don't let Next.js try to phone home.
  process.env.NEXT_TELEMETRY_DISABLED ??= "1";
  if (ensureAuthSecret() === "created") console.log("Created AUTH_SECRET in .env.local.");
  const { applied } = await deploy();
  console.log(applied.length ? `Database: applied ${applied.join(", ")}.` : "Database is up to date.");
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  prepare().catch((error: unknown) => {
    console.error(`Could not prepare Spravka: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
