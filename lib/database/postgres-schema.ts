/**
 * The PostgreSQL schema is generated from the SQLite one (ADR 0013): Prisma
 * needs a literal provider per schema, so the models live in
 * prisma/schema.prisma and this script writes prisma/postgres/schema.prisma
 * with only the provider and the client's output folder changed.
 *
 * `npx tsx scripts/postgres-schema.ts` rewrites that file and `npm run
 * db:migrate` does too; postgres-schema.test.ts fails when the committed file
 * and the SQLite schema drift apart.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const SQLITE_SCHEMA = path.join(ROOT, "prisma", "schema.prisma");
export const POSTGRES_SCHEMA = path.join(ROOT, "prisma", "postgres", "schema.prisma");

const HEADER =
  "// GENERATED from prisma/schema.prisma by scripts/postgres-schema.ts — do not edit.\n" +
  "// Change the SQLite schema and run `npm run db:migrate -- <name>`: it rewrites this file\n" +
  "// and writes the matching migration in prisma/postgres/migrations (ADR 0013).\n\n";

function replaceOnce(text: string, pattern: RegExp, replacement: string, what: string): string {
  const matches = text.match(new RegExp(pattern.source, "g")) ?? [];
  if (matches.length !== 1) throw new Error(`Expected one ${what} in prisma/schema.prisma, found ${matches.length}.`);
  return text.replace(pattern, replacement);
}

/** The PostgreSQL twin of the SQLite schema's text. */
export function postgresSchemaFrom(sqlite: string): string {
  let text = replaceOnce(sqlite, /provider\s*=\s*"sqlite"/, 'provider = "postgresql"', 'provider = "sqlite"');
  text = replaceOnce(
    text,
    /output\s*=\s*"\.\.\/\.generated\/prisma"/,
    'output   = "../../.generated/prisma-pg"',
    'client output "../.generated/prisma"',
  );
  return HEADER + text;
}

export function writePostgresSchema(): { changed: boolean } {
  const next = postgresSchemaFrom(readFileSync(SQLITE_SCHEMA, "utf8"));
  let current = "";
  try {
    current = readFileSync(POSTGRES_SCHEMA, "utf8");
  } catch {
    current = "";
  }
  if (current === next) return { changed: false };
  writeFileSync(POSTGRES_SCHEMA, next);
  return { changed: true };
}
