import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { scratchProject } from "@/lib/testing/scratch-project";
import { afterEach, beforeEach, describe, expect, inject, test } from "vitest";
import { createDatabase } from "./local-postgres";
import { deploy, migrate, migrationFolderName, postgresDiff, readMigrations, status } from "./migrations";
import { POSTGRES_SCHEMA, postgresSchemaFrom } from "./postgres-schema";
import { sqliteFilePath } from "./sqlite-path";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const postgresUrl = inject("postgresUrl");
let dir: string;
let url: string;
let migrationsDir: string;
let schemaPath: string;

function tables(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    return db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .all()
      .map((row) => (row as { name: string }).name);
  } finally {
    db.close();
  }
}

beforeEach(() => {
  ({ dir, url, migrationsDir, schemaPath } = scratchProject());
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("db:deploy", () => {
  test("creates a fresh database (and its folder) with every committed migration applied", async () => {
    const committed = readdirSync(migrationsDir).filter((name) => !name.endsWith(".toml"));
    const { applied } = await deploy({ url, migrationsDir, schemaPath });
    expect(applied).toEqual(committed.sort());
    const file = sqliteFilePath(url);
    expect(tables(file)).toEqual(expect.arrayContaining(["User", "SignInAttempt", "_prisma_migrations"]));
  });

  test("is idempotent: a second run applies nothing and keeps the data", async () => {
    await deploy({ url, migrationsDir, schemaPath });
    const file = sqliteFilePath(url);
    const db = new Database(file);
    db.prepare("INSERT INTO User (id, name, email, passwordHash, updatedAt) VALUES ('u1', 'A', 'a@b.c', 'x', 0)").run();
    db.close();
    const second = await deploy({ url, migrationsDir, schemaPath });
    expect(second.applied).toEqual([]);
    const check = new Database(file, { readonly: true });
    expect(check.prepare("SELECT count(*) AS n FROM User").get()).toEqual({ n: 1 });
    check.close();
  });

  test("switches the database to WAL journaling", async () => {
    await deploy({ url, migrationsDir, schemaPath });
    const db = new Database(sqliteFilePath(url));
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    db.close();
  });

  test("records migrations in Prisma's standard _prisma_migrations table", async () => {
    await deploy({ url, migrationsDir, schemaPath });
    const db = new Database(sqliteFilePath(url), { readonly: true });
    const rows = db.prepare("SELECT migration_name, finished_at FROM _prisma_migrations").all() as {
      migration_name: string;
      finished_at: string | null;
    }[];
    db.close();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.finished_at !== null)).toBe(true);
  });

  test("status reports pending migrations before deploy and none after", async () => {
    const before = await status({ url, migrationsDir, schemaPath });
    expect(before.pending.length).toBe(before.total);
    await deploy({ url, migrationsDir, schemaPath });
    expect((await status({ url, migrationsDir, schemaPath })).pending).toEqual([]);
  });
});

describe("db:migrate", () => {
  test("writes a migration in Prisma's folder format for a schema change and applies it", async () => {
    writeFileSync(
      schemaPath,
      `${readFileSync(schemaPath, "utf8")}\nmodel Note {\n  id   Int    @id @default(autoincrement())\n  text String\n}\n`,
    );
    const now = new Date("2026-01-02T03:04:05Z");
    const { created } = await migrate("Add notes!", { url, migrationsDir, schemaPath, now });
    expect(created).toBe("20260102030405_add_notes");
    const sql = readFileSync(path.join(migrationsDir, "20260102030405_add_notes", "migration.sql"), "utf8");
    expect(sql).toContain('CREATE TABLE "Note"');
    expect(readFileSync(path.join(migrationsDir, "migration_lock.toml"), "utf8")).toContain('provider = "sqlite"');
    expect(tables(sqliteFilePath(url))).toContain("Note");
    expect((await status({ url, migrationsDir, schemaPath })).pending).toEqual([]);
  });

  test("writes the same change for PostgreSQL, in its own folder, and regenerates its schema", async () => {
    const postgresMigrationsDir = path.join(dir, "postgres", "migrations");
    const postgresSchemaPath = path.join(dir, "postgres", "schema.prisma");
    cpSync(path.join(ROOT, "prisma", "postgres"), path.join(dir, "postgres"), { recursive: true });
    writeFileSync(
      schemaPath,
      `${readFileSync(schemaPath, "utf8")}\nmodel Note {\n  id   Int    @id @default(autoincrement())\n  text String\n}\n`,
    );
    const now = new Date("2026-01-02T03:04:05Z");
    await migrate("Add notes!", { url, migrationsDir, schemaPath, now, postgresMigrationsDir, postgresSchemaPath });
    const sql = readFileSync(path.join(postgresMigrationsDir, "20260102030405_add_notes", "migration.sql"), "utf8");
    expect(sql).toContain('CREATE TABLE "Note"');
    expect(sql).toContain('"id" SERIAL NOT NULL'); // PostgreSQL's dialect, not SQLite's
    expect(sql).not.toContain('CREATE TABLE "Run"'); // only the change, not the whole schema again
    expect(readFileSync(path.join(postgresMigrationsDir, "migration_lock.toml"), "utf8")).toContain(
      'provider = "postgresql"',
    );
    expect(readFileSync(postgresSchemaPath, "utf8")).toBe(postgresSchemaFrom(readFileSync(schemaPath, "utf8")));
    // The project's own PostgreSQL folder was not touched by this test's migration.
    expect(readdirSync(path.join(ROOT, "prisma", "postgres", "migrations"))).not.toContain("20260102030405_add_notes");
  });

  test("writes nothing when the schema has not changed", async () => {
    const before = readdirSync(migrationsDir).sort();
    const { created } = await migrate("nothing", { url, migrationsDir, schemaPath });
    expect(created).toBeNull();
    expect(readdirSync(migrationsDir).sort()).toEqual(before);
  });

  test("the committed migrations match prisma/schema.prisma (no forgotten migration)", async () => {
    const { created } = await migrate("drift check", { url, migrationsDir, schemaPath });
    expect(created).toBeNull();
  });

  test("refuses a migration without a usable name", () => {
    expect(() => migrationFolderName("  !!! ", new Date())).toThrow(/name/);
  });
});

describe("inputs", () => {
  test("names what is wrong with a database URL that is neither SQLite nor PostgreSQL, and changes nothing", async () => {
    await expect(deploy({ url: "mysql://localhost/db", migrationsDir, schemaPath })).rejects.toThrow(
      /must start with "file:" \(SQLite\) or "postgres:\/\/"/,
    );
  });

  test("passes a migration folder without migration.sql to the engine as an error, which refuses to apply", async () => {
    mkdirSync(path.join(migrationsDir, "20990101000000_broken"));
    const list = await readMigrations(migrationsDir);
    expect(list.migrationDirectories.at(-1)?.migrationFile.content.tag).toBe("error");
    await expect(deploy({ url, migrationsDir, schemaPath })).rejects.toThrow();
  });
});

describe("db:migrate ignores the live database's own drift", () => {
  test("a table added by hand to the live database does not leak into a new migration", async () => {
    await deploy({ url, migrationsDir, schemaPath });
    const db = new Database(sqliteFilePath(url));
    db.exec('CREATE TABLE "HandMade" ("id" INTEGER PRIMARY KEY)');
    db.close();
    writeFileSync(schemaPath, `${readFileSync(schemaPath, "utf8")}\nmodel Note {\n  id Int @id\n}\n`);
    const { created } = await migrate("notes", { url, migrationsDir, schemaPath });
    const sql = readFileSync(path.join(migrationsDir, created ?? "missing", "migration.sql"), "utf8");
    expect(sql).toContain('CREATE TABLE "Note"');
    expect(sql).not.toContain("HandMade");
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
