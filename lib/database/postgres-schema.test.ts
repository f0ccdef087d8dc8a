import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { POSTGRES_SCHEMA, postgresSchemaFrom, SQLITE_SCHEMA } from "./postgres-schema";

const ROOT = path.resolve(import.meta.dirname, "..", "..");

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
