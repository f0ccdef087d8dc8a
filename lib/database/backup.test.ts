import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { scratchProject } from "@/lib/testing/scratch-project";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { backup, restore } from "./backup";
import { deploy } from "./migrations";
import { sqliteFilePath } from "./sqlite-path";

let dir: string;
let url: string;
let migrationsDir: string;
let schemaPath: string;

beforeEach(() => {
  ({ dir, url, migrationsDir, schemaPath } = scratchProject());
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("inputs", () => {
  test("db:backup and db:restore point PostgreSQL users to pg_dump and pg_restore", async () => {
    await expect(backup(undefined, { url: "postgres://localhost/db" })).rejects.toThrow(/pg_dump/);
    await expect(restore("x.db", { url: "postgresql://localhost/db" })).rejects.toThrow(/pg_restore/);
  });
});

describe("db:backup and db:restore", () => {
  test("a backup taken while the database is open restores the same rows; a file that is not a backup changes nothing", async () => {
    const opts = { url, migrationsDir, schemaPath };
    await deploy(opts);
    const file = sqliteFilePath(url);
    const live = new Database(file);
    live
      .prepare("INSERT INTO User (id, name, email, passwordHash, updatedAt) VALUES ('u1', 'A', 'a@b.c', 'x', 0)")
      .run();
    // Still open (as a running app would hold it): the online backup is consistent anyway.
    const saved = await backup(path.join(dir, "backups", "one.db"), opts);
    await expect(backup(saved, opts)).rejects.toThrow(/exists already/);
    live
      .prepare("INSERT INTO User (id, name, email, passwordHash, updatedAt) VALUES ('u2', 'B', 'b@b.c', 'x', 0)")
      .run();
    live.close();
    const junk = path.join(dir, "junk.db");
    writeFileSync(junk, "not a database at all");
    await expect(restore(junk, opts)).rejects.toThrow(/not a Spravka database backup/);
    const users = () => {
      const db = new Database(file, { readonly: true });
      try {
        return (db.prepare("SELECT id FROM User ORDER BY id").all() as { id: string }[]).map((r) => r.id);
      } finally {
        db.close();
      }
    };
    expect(users()).toEqual(["u1", "u2"]);
    expect((await restore(saved, opts)).applied).toEqual([]);
    expect(users()).toEqual(["u1"]);
  });
});
