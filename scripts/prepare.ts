/**
 * Gets a checkout ready to serve: loads .env.local, creates AUTH_SECRET if
 * there is none, and applies pending database migrations (which creates the
 * SQLite file on first start). Used by `npm start` and `npm run dev`.
 */
import { randomBytes } from "node:crypto";
import { appendFileSync, chmodSync, existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import semver from "semver";
import { databaseKind, databaseUrl } from "../lib/config";
import { explainDatabaseFailure } from "../lib/database/failure";
import { deploy } from "../lib/database/migrations";
import { ensureSqliteDriver } from "../lib/database/sqlite-driver";

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

/** The Node.js lines package.json's `engines` names (README: "Quick start"). */
export function supportedNodeRange(): string {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { engines: { node: string } };
  return manifest.engines.node;
}

/** Null when this Node.js is supported, else what to tell the person starting Spravka. */
export function unsupportedNodeMessage(version: string = process.versions.node): string | null {
  const range = supportedNodeRange();
  if (semver.satisfies(version, range)) return null;
  return `Spravka needs Node.js ${range} (24 LTS recommended); this is Node.js ${version}. Install a current LTS release, then run \`npm install\` again.`;
}

export async function prepare(): Promise<void> {
  const unsupported = unsupportedNodeMessage();
  if (unsupported) throw new Error(unsupported);
  loadEnvFile();
  // Schools and museums are often offline: don't let Next.js try to phone home.
  process.env.NEXT_TELEMETRY_DISABLED ??= "1";
  if (ensureAuthSecret() === "created") console.log("Created AUTH_SECRET in .env.local.");
  const url = databaseUrl();
  let applied: string[];
  try {
    if (databaseKind(url) === "sqlite") ensureSqliteDriver();
    ({ applied } = await deploy({ url }));
  } catch (error) {
    throw new Error(explainDatabaseFailure(error, url), { cause: error });
  }
  console.log(applied.length ? `Database: applied ${applied.join(", ")}.` : "Database is up to date.");
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  prepare().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
