import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..", "..");

/**
 * A throwaway copy of the project's schema and migrations, with a database
 * path (in a folder not made yet) beside them: what the migration and backup
 * tests work on, so the project's own files are never touched. Delete `dir`
 * afterwards.
 */
export function scratchProject() {
  const dir = mkdtempSync(path.join(tmpdir(), "spravka-db-"));
  const migrationsDir = path.join(dir, "migrations");
  const schemaPath = path.join(dir, "schema.prisma");
  cpSync(path.join(ROOT, "prisma", "migrations"), migrationsDir, { recursive: true });
  cpSync(path.join(ROOT, "prisma", "schema.prisma"), schemaPath);
  return { dir, url: `file:${path.join(dir, "nested", "folder", "app.db")}`, migrationsDir, schemaPath };
}
