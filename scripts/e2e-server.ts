/**
 * The server Playwright starts: a production build on a fresh, separate
 * database (DATABASE_URL from playwright.config.ts), so every e2e run starts
 * from nothing and never touches the teacher's own data.
 */
import { rmSync } from "node:fs";
import { sqliteFilePath } from "../lib/database/sqlite-path";
import { main } from "./start";

const url = process.env.DATABASE_URL;
if (!url || !url.includes("e2e")) {
  console.error("e2e-server refuses to wipe a database whose name does not contain 'e2e'.");
  process.exit(1);
}
const file = sqliteFilePath(url);
for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${file}${suffix}`, { force: true });

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
