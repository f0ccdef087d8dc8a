/**
 * A throwaway PostgreSQL server for tests and for writing migrations: a new
 * cluster in a temporary folder, listening on 127.0.0.1 only, on a free port,
 * trusting local connections. `stop()` shuts it down and deletes the folder.
 *
 * Uses the server binaries of the machine (Debian's postgresql package puts
 * them in /usr/lib/postgresql/<version>/bin). PostgreSQL refuses to run as
 * root, so as root the cluster belongs to the `postgres` user.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";
import pg from "pg";

export type LocalPostgres = {
  port: number;
  /** URL of a database on this server (default: the `postgres` maintenance database). */
  url(database?: string): string;
  /** Creates an empty database and returns its URL. */
  createDatabase(name: string): Promise<string>;
  /** Stops the server (fast shutdown: connections are cut, as when a database host fails). */
  halt(): void;
  /** Starts it again on the same port, with the same data. */
  resume(): void;
  stop(): void;
};

function binDir(): string {
  const found = spawnSync("sh", ["-c", "command -v pg_ctl"], { encoding: "utf8" }).stdout.trim();
  if (found) return path.dirname(found);
  const root = "/usr/lib/postgresql";
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((v) => existsSync(path.join(root, v, "bin", "pg_ctl")))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return path.join(root, versions[0], "bin");
  }
  throw new Error(
    "No PostgreSQL server found (pg_ctl). Install it first, e.g. `apt-get install postgresql` on Debian or Ubuntu.",
  );
}

/** The migrated database the test suite copies for each test file (lib/testing/global-setup.ts). */
export const TEMPLATE_DATABASE = "spravka_template";

/** A TCP port nothing listens on now, on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** The URL of database `name` on the server of `serverUrl` (any database URL of that server). */
export function databaseUrlOn(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * Creates database `name` on the server of `serverUrl` (from `template`, a
 * fast copy of an existing database; `replace`: drop one of that name first)
 * and returns its URL.
 */
export async function createDatabase(
  serverUrl: string,
  name: string,
  { template, replace = false }: { template?: string; replace?: boolean } = {},
): Promise<string> {
  for (const id of [name, template ?? "postgres"]) {
    if (!/^[a-z_][a-z0-9_]*$/.test(id)) throw new Error(`Not a plain database name: ${id}`);
  }
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    if (replace) await client.query(`DROP DATABASE IF EXISTS ${name}`);
    await client.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ""}`);
  } finally {
    await client.end();
  }
  return databaseUrlOn(serverUrl, name);
}

export async function startLocalPostgres(): Promise<LocalPostgres> {
  const bin = binDir();
  const asRoot = userInfo().uid === 0;
  const dir = mkdtempSync(path.join(tmpdir(), "spravka-pg-"));
  const data = path.join(dir, "data");
  const log = path.join(dir, "server.log");
  if (asRoot) {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    chownSync(dir, uid, gid);
  }
  const run = (program: string, args: string[]) => {
    const [command, argv] = asRoot
      ? ["runuser", ["-u", "postgres", "--", path.join(bin, program), ...args]]
      : [path.join(bin, program), args];
    const result = spawnSync(command, argv, { encoding: "utf8", cwd: dir });
    if (result.status !== 0) {
      throw new Error(`${program} failed: ${result.stderr || result.stdout}`);
    }
    return result.stdout;
  };
  run("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync"]);
  const port = await freePort();
  // Only loopback, only this folder's socket; fsync off: a test cluster needs no durability.
  const options = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c max_connections=200`;
  const start = () => run("pg_ctl", ["-D", data, "-l", log, "-o", options, "-w", "-t", "60", "start"]);
  start();
  let running = true;
  const url = (database = "postgres") => `postgresql://postgres@127.0.0.1:${port}/${database}`;
  return {
    port,
    url,
    createDatabase: (name: string) => createDatabase(url(), name),
    halt() {
      run("pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"]);
      running = false;
    },
    resume() {
      start();
      running = true;
    },
    stop() {
      try {
        if (running) run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
      } finally {
        running = false;
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
