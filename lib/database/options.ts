/**
 * Which database a tooling command works on, and with which migrations and
 * schema: the project's own (prisma/ for SQLite, prisma/postgres/ for
 * PostgreSQL, chosen by the URL) unless a caller, such as a test, names others.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { databaseKind, databaseUrl } from "../config";
import { POSTGRES_SCHEMA, SQLITE_SCHEMA } from "./postgres-schema";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const SQLITE_MIGRATIONS = path.join(ROOT, "prisma", "migrations");
export const POSTGRES_MIGRATIONS = path.join(ROOT, "prisma", "postgres", "migrations");

export interface DbOptions {
  /** `file:` URL of the SQLite database, or `postgres://` URL of a PostgreSQL one. */
  url?: string;
  /** Folder of migrations in Prisma's format. */
  migrationsDir?: string;
  /** The Prisma schema file. */
  schemaPath?: string;
  /** The schema's text, instead of reading `schemaPath`. */
  schema?: string;
}

export type ResolvedDbOptions = ReturnType<typeof resolveOptions>;

export function resolveOptions(options: DbOptions) {
  const url = options.url ?? databaseUrl();
  const kind = databaseKind(url);
  const postgres = kind === "postgresql";
  return {
    url,
    kind,
    migrationsDir: options.migrationsDir ?? (postgres ? POSTGRES_MIGRATIONS : SQLITE_MIGRATIONS),
    schemaPath: options.schemaPath ?? (postgres ? POSTGRES_SCHEMA : SQLITE_SCHEMA),
    schema: options.schema,
  };
}
