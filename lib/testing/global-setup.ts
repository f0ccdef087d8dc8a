import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { deploy } from "../../scripts/db";

declare module "vitest" {
  export interface ProvidedContext {
    testDbDir: string;
    templateDb: string;
    /** Set by `npm run test:postgres`: the server's maintenance database URL. */
    postgresUrl: string;
  }
}

/** PostgreSQL's copy of the template: each test file's database is created from it. */
export const POSTGRES_TEMPLATE = "spravka_template";

/**
 * Migrates one template database; each test file gets its own copy
 * (lib/testing/setup-db.ts). SQLite by default; PostgreSQL when
 * SPRAVKA_TEST_POSTGRES_URL names a server (scripts/test-postgres.ts).
 */
export default async function setup(project: TestProject) {
  const postgresUrl = process.env.SPRAVKA_TEST_POSTGRES_URL ?? "";
  project.provide("postgresUrl", postgresUrl);
  if (postgresUrl) {
    const client = new pg.Client({ connectionString: postgresUrl });
    await client.connect();
    try {
      await client.query(`DROP DATABASE IF EXISTS ${POSTGRES_TEMPLATE}`);
      await client.query(`CREATE DATABASE ${POSTGRES_TEMPLATE}`);
    } finally {
      await client.end();
    }
    const url = new URL(postgresUrl);
    url.pathname = `/${POSTGRES_TEMPLATE}`;
    await deploy({ url: url.toString() });
  }
  const dir = mkdtempSync(path.join(tmpdir(), "spravka-vitest-"));
  const templateDb = path.join(dir, "template.db");
  await deploy({ url: `file:${templateDb}` });
  project.provide("testDbDir", dir);
  project.provide("templateDb", templateDb);
  return () => rmSync(dir, { recursive: true, force: true });
}
