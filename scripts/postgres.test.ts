import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { describe, expect, inject, test } from "vitest";
import { deploy, postgresDiff, status } from "./db";
import { createDatabase } from "./local-postgres";
import { POSTGRES_SCHEMA, postgresSchemaFrom, SQLITE_SCHEMA } from "./postgres-schema";

const ROOT = path.resolve(import.meta.dirname, "..");
const postgresUrl = inject("postgresUrl");

describe("the PostgreSQL schema (ADR 0013)", () => {
  test("is generated from the SQLite schema and committed as generated (no drift)", () => {
    const committed = readFileSync(POSTGRES_SCHEMA, "utf8");
    expect(committed).toBe(postgresSchemaFrom(readFileSync(SQLITE_SCHEMA, "utf8")));
    expect(committed).toContain('provider = "postgresql"');
  });

  test("the generator refuses a schema it does not recognise rather than writing a wrong twin", () => {
    expect(() => postgresSchemaFrom('datasource db {\n  provider = "mysql"\n}\n')).toThrow(/provider = "sqlite"/);
  });

  test("has its own migrations folder, locked to PostgreSQL", () => {
    const dir = path.join(ROOT, "prisma", "postgres", "migrations");
    expect(readFileSync(path.join(dir, "migration_lock.toml"), "utf8")).toContain('provider = "postgresql"');
    expect(readdirSync(dir).filter((name) => /^\d{14}_/.test(name)).length).toBeGreaterThan(0);
  });
});

/** Tables, columns (type, null, default), indexes and foreign keys of a database, in a comparable form. */
async function catalog(url: string): Promise<unknown> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const columns = await client.query(
      `SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns
       WHERE table_schema = 'public' AND table_name <> '_prisma_migrations' ORDER BY table_name, column_name`,
    );
    const indexes = await client.query(
      `SELECT tablename, indexname, indexdef FROM pg_indexes
       WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename, indexname`,
    );
    const keys = await client.query(
      `SELECT conname, pg_get_constraintdef(oid) AS def FROM pg_constraint
       WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> '"_prisma_migrations"' AND conrelid::regclass::text <> '_prisma_migrations' ORDER BY conname`,
    );
    return { columns: columns.rows, indexes: indexes.rows, keys: keys.rows };
  } finally {
    await client.end();
  }
}

const freshDatabase = (name: string) => createDatabase(postgresUrl, name, { replace: true });

describe.runIf(postgresUrl !== "")("PostgreSQL migrations (npm run test:postgres)", () => {
  test("db:deploy applies every committed migration to an empty database, then has nothing left to do", async () => {
    const url = await freshDatabase("deploy_check");
    const first = await deploy({ url });
    expect(first.applied.length).toBe((await status({ url })).total);
    expect((await status({ url })).pending).toEqual([]);
    expect((await deploy({ url })).applied).toEqual([]);
  });

  test("the committed migrations build exactly the database the schema describes (no forgotten migration)", async () => {
    const migrated = await freshDatabase("migrated_check");
    await deploy({ url: migrated });
    // The same schema built in one step, straight from prisma/postgres/schema.prisma.
    const direct = await freshDatabase("direct_check");
    const sql = await postgresDiff(null, readFileSync(POSTGRES_SCHEMA, "utf8"), direct);
    const client = new pg.Client({ connectionString: direct });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
    expect(await catalog(migrated)).toEqual(await catalog(direct));
  });
});
