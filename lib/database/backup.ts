/**
 * `npm run db:backup` and `npm run db:restore` (the commands are
 * scripts/db.ts): SQLite only; PostgreSQL uses pg_dump (README).
 */
import { existsSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import Database from "better-sqlite3";
import { deploy } from "./migrations";
import { resolveOptions, ROOT, type DbOptions } from "./options";
import { sqliteFilePath } from "./sqlite-path";

function refusePostgres(options: DbOptions, what: "backup" | "restore"): void {
  if (resolveOptions(options).kind !== "postgresql") return;
  throw new Error(
    what === "backup"
      ? 'db:backup copies the SQLite database. For PostgreSQL use pg_dump (README, "Deploying for many classes").'
      : 'db:restore restores a SQLite backup. For PostgreSQL use pg_restore (README, "Deploying for many classes").',
  );
}

/**
 * A consistent copy of the database while the app may be running (SQLite's
 * online backup, safe with WAL). Returns the file written.
 */
export async function backup(dest?: string, options: DbOptions = {}): Promise<string> {
  refusePostgres(options, "backup");
  const source = sqliteFilePath(resolveOptions(options).url);
  if (!existsSync(source)) throw new Error(`There is no database at ${source}.`);
  const stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\..*/, "").replace("T", "-");
  const target = path.resolve(dest ?? path.join(ROOT, "prisma", "backups", `spravka-${stamp}.db`));
  if (existsSync(target)) throw new Error(`${target} exists already: choose another name.`);
  await mkdir(path.dirname(target), { recursive: true });
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    await db.backup(target);
  } finally {
    db.close();
  }
  return target;
}

/**
 * Puts a backup in place of the database (stop the app first), then applies
 * any migrations the backup predates. Refuses a file that is not a Spravka
 * database, leaving the current one untouched.
 */
export async function restore(file: string, options: DbOptions = {}): Promise<{ applied: string[] }> {
  refusePostgres(options, "restore");
  const from = path.resolve(file);
  if (!existsSync(from)) throw new Error(`There is no file at ${from}.`);
  const check = new Database(from, { readonly: true, fileMustExist: true });
  try {
    const tables = check.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
    const names = new Set(tables.map((t) => t.name));
    if (!names.has("_prisma_migrations") || !names.has("Run") || !names.has("User")) {
      throw new Error(`${from} is not a Spravka database backup.`);
    }
  } catch (error) {
    if (error instanceof Error && /not a Spravka|file is not a database/.test(error.message)) {
      throw new Error(`${from} is not a Spravka database backup.`);
    }
    throw error;
  } finally {
    check.close();
  }
  const target = sqliteFilePath(resolveOptions(options).url);
  await mkdir(path.dirname(target), { recursive: true });
  for (const extra of ["-wal", "-shm"]) await rm(`${target}${extra}`, { force: true });
  await writeFile(target, await readFile(from));
  return deploy(options);
}
