/**
 * better-sqlite3, the SQLite driver, is a native addon. From version 13 it is
 * built on Node-API and ships one prebuilt binary per platform inside the npm
 * package, so nothing is compiled at install and the same binary loads in
 * every supported Node.js (ADR 0014). Version 12, which Prisma's adapter
 * asks for, was compiled per Node.js release line (a teacher switching
 * Node.js got "compiled against a different Node.js version", and npm set to
 * another Node.js's headers built it wrong) and aborts at exit on Node 24:
 * package.json overrides it.
 *
 * What can still go wrong is a platform without a prebuilt binary, a Node.js
 * too old for it (Node 20 crashes inside the driver), or a stale
 * node_modules. `npm install` (postinstall), `npm start` and the tests'
 * setup load it first in a child process, where a crash cannot take the
 * caller down, and say what happened (the command: scripts/sqlite-driver.ts).
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

export type DriverCheck = { ok: true } | { ok: false; message: string };

/** The ABI version Node.js prints when an addon was compiled for another release line. */
export function compiledModuleVersion(message: string): number | null {
  const match = /compiled against a different Node\.js version using\s+NODE_MODULE_VERSION (\d+)/.exec(message);
  return match ? Number(match[1]) : null;
}

/** Loads the driver and runs a query on an in-memory database, in a child process of this same Node.js. */
export function checkSqliteDriver(cwd: string = ROOT): DriverCheck {
  const probe = spawnSync(
    process.execPath,
    [
      "-e",
      "const Database = require('better-sqlite3'); const db = new Database(':memory:'); db.prepare('SELECT 1').get(); db.close();",
    ],
    { cwd, encoding: "utf8" },
  );
  if (probe.status === 0) return { ok: true };
  if (probe.signal) {
    return {
      ok: false,
      message: `the SQLite driver (better-sqlite3) crashed while loading (${probe.signal}) in Node.js ${process.versions.node}`,
    };
  }
  const output = `${probe.stderr ?? ""}${probe.error ? String(probe.error) : ""}`;
  // Node prints where it was thrown, the error, then its stack: keep the error itself.
  const beforeStack = output.split(/\n\s+at /)[0]!;
  const errorStart = beforeStack.search(/^\w*Error\b.*?:/m);
  const message = (errorStart === -1 ? beforeStack : beforeStack.slice(errorStart)).replace(/^Error: /, "").trim();
  return { ok: false, message: message || `the check exited with ${probe.status}` };
}

export class SqliteDriverError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SqliteDriverError";
  }
}

/** Throws SqliteDriverError, with the loader's own message, when the driver does not load here. */
export function ensureSqliteDriver(cwd: string = ROOT): void {
  const check = checkSqliteDriver(cwd);
  if (!check.ok) throw new SqliteDriverError(check.message);
}
