/**
 * `npm run test:postgres`: the Vitest suite against PostgreSQL. Starts a
 * throwaway server (loopback only, in a temporary folder:
 * lib/database/local-postgres.ts), runs every test file on its own database made
 * from a migrated template (but for the engine's own tests: ENGINE_ONLY), then
 * stops the server and deletes its folder.
 * Arguments go to Vitest (e.g. `npm run test:postgres -- lib/runs`).
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startLocalPostgres } from "../lib/database/local-postgres";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/**
 * Test files that cannot reach a database: the engine and the machines may
 * import no database code (the lint's boundaries), and the lab runs in the
 * browser. They already ran once in `npm run test:unit`; a second run here
 * would prove nothing about PostgreSQL and cost a minute of `npm test`.
 */
const ENGINE_ONLY = ["lib/sim/**", "machines/**", "lib/lab/**"].flatMap((glob) => ["--exclude", glob]);

const server = await startLocalPostgres();
console.log(`PostgreSQL started on 127.0.0.1:${server.port} (a throwaway cluster).`);
let status = 1;
try {
  const result = spawnSync(
    path.join(ROOT, "node_modules", ".bin", "vitest"),
    ["run", ...ENGINE_ONLY, ...process.argv.slice(2)],
    {
      cwd: ROOT,
      stdio: "inherit",
      env: { ...process.env, SPRAVKA_TEST_POSTGRES_URL: server.url() },
    },
  );
  status = result.status ?? 1;
} finally {
  server.stop();
  console.log("PostgreSQL stopped and its folder deleted.");
}
process.exit(status);
