import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { explainDatabaseFailure } from "../database/failure";
import { createDatabase, TEMPLATE_DATABASE } from "../database/local-postgres";
import { deploy } from "../database/migrations";
import { ensureSqliteDriver } from "../database/sqlite-driver";

declare module "vitest" {
  export interface ProvidedContext {
    testDbDir: string;
    templateDb: string;
    /** Set by `npm run test:postgres`: the server's maintenance database URL. */
    postgresUrl: string;
  }
}

/**
 * Migrates one template database; each test file gets its own copy
 * (lib/testing/setup-db.ts). SQLite by default; PostgreSQL when
 * SPRAVKA_TEST_POSTGRES_URL names a server (scripts/test-postgres.ts).
 */
export default async function setup(project: TestProject) {
  const postgresUrl = process.env.SPRAVKA_TEST_POSTGRES_URL ?? "";
  project.provide("postgresUrl", postgresUrl);
  if (postgresUrl) {
    await deploy({ url: await createDatabase(postgresUrl, TEMPLATE_DATABASE, { replace: true }) });
    // Every file's database is a copy of that template: no SQLite one to make.
    project.provide("testDbDir", "");
    project.provide("templateDb", "");
    return () => {};
  }
  const dir = mkdtempSync(path.join(tmpdir(), "spravka-vitest-"));
  const templateDb = path.join(dir, "template.db");
  try {
    ensureSqliteDriver();
    await deploy({ url: `file:${templateDb}` });
  } catch (error) {
    throw new Error(explainDatabaseFailure(error, `file:${templateDb}`, "Could not prepare the tests' database."), {
      cause: error,
    });
  }
  project.provide("testDbDir", dir);
  project.provide("templateDb", templateDb);
  return () => rmSync(dir, { recursive: true, force: true });
}
