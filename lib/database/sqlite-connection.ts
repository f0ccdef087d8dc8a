import type { Database } from "better-sqlite3";

/**
 * Settings for each new SQLite connection of the app. In WAL mode (which
 * `db:deploy` sets, lib/database/migrations.ts) synchronous=NORMAL syncs the
 * log at checkpoints rather than on every commit: the database stays
 * consistent after a crash, and a power cut may lose only the last commits.
 * Each commit otherwise waited for the disk while the whole server, one
 * thread, waited with it. Another journal mode keeps SQLite's default.
 */
export function tuneSqliteConnection(client: Database): void {
  if (client.pragma("journal_mode", { simple: true }) === "wal") client.pragma("synchronous = NORMAL");
}
