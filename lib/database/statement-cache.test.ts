import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import Database from "better-sqlite3";
import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { PrismaClient } from "@/.generated/prisma/client";
import { reusePreparedStatements, withReusedStatements } from "./statement-cache";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "spravka-statements-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A Prisma client over a fresh SQLite file through the reusing adapter, with its count of statements prepared. */
async function client(): Promise<{ prisma: PrismaClient; prepared: () => number }> {
  let prepared = () => 0;
  const url = `file:${path.join(dir, "test.db")}`;
  const adapter = withReusedStatements(new PrismaBetterSqlite3({ url }), (_client, count) => {
    prepared = count;
  });
  const prisma = new PrismaClient({ adapter });
  await prisma.$executeRawUnsafe("CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT NOT NULL, n INTEGER)");
  return { prisma, prepared: () => prepared() };
}

describe("the SQLite adapter reuses prepared statements", () => {
  test("the same SQL is prepared once however often it runs, each run with its own parameters", async () => {
    const { prisma, prepared } = await client();
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.uniqueArray(fc.record({ name: fc.string(), n: fc.integer() }), { minLength: 1, maxLength: 20 }),
          async (items) => {
            await prisma.$executeRawUnsafe("DELETE FROM item");
            for (const item of items) {
              await prisma.$executeRawUnsafe("INSERT INTO item (name, n) VALUES (?, ?)", item.name, item.n);
            }
            // Each read answers for its own parameters, not the first run's.
            for (const item of items) {
              const rows = await prisma.$queryRawUnsafe<{ n: bigint }[]>(
                "SELECT n FROM item WHERE name = ? AND n = ?",
                item.name,
                item.n,
              );
              expect(rows.map((r) => Number(r.n))).toEqual([item.n]);
            }
          },
        ),
        { numRuns: 30 },
      );
      const afterwards = prepared();
      await prisma.$executeRawUnsafe("INSERT INTO item (name, n) VALUES (?, ?)", "again", 1);
      await prisma.$queryRawUnsafe("SELECT n FROM item WHERE name = ? AND n = ?", "again", 1);
      expect(prepared()).toBe(afterwards);
      // CREATE, DELETE, INSERT, SELECT: one preparation each, however many rows went through them.
      expect(afterwards).toBeLessThanOrEqual(4);
    } finally {
      await prisma.$disconnect();
    }
  });

  test("transactions still commit and roll back through the shared statements", async () => {
    const { prisma } = await client();
    try {
      await prisma.$transaction(async (tx) => {
        await tx.$executeRawUnsafe("INSERT INTO item (name, n) VALUES (?, ?)", "kept", 1);
      });
      await expect(
        prisma.$transaction(async (tx) => {
          await tx.$executeRawUnsafe("INSERT INTO item (name, n) VALUES (?, ?)", "undone", 2);
          throw new Error("changed my mind");
        }),
      ).rejects.toThrow("changed my mind");
      const rows = await prisma.$queryRawUnsafe<{ name: string }[]>("SELECT name FROM item ORDER BY id");
      expect(rows.map((r) => r.name)).toEqual(["kept"]);
    } finally {
      await prisma.$disconnect();
    }
  });

  test("a failing statement reports its error and leaves the statement usable", async () => {
    const { prisma } = await client();
    try {
      await prisma.$executeRawUnsafe("CREATE UNIQUE INDEX item_name ON item (name)");
      const insert = (name: string) => prisma.$executeRawUnsafe("INSERT INTO item (name, n) VALUES (?, ?)", name, 0);
      await insert("a");
      await expect(insert("a")).rejects.toThrow(/unique/i);
      await insert("b");
      const rows = await prisma.$queryRawUnsafe<{ name: string }[]>("SELECT name FROM item ORDER BY name");
      expect(rows.map((r) => r.name)).toEqual(["a", "b"]);
    } finally {
      await prisma.$disconnect();
    }
  });

  test("the cache is bounded: beyond its size the least recently used statement is prepared again", () => {
    const db = new Database(":memory:");
    try {
      const prepared = reusePreparedStatements(db, 2);
      const select = (n: number) => db.prepare(`SELECT ${n} AS n`).bind([]).raw().all();
      expect(select(1)).toEqual([[1]]);
      expect(select(2)).toEqual([[2]]);
      expect(select(1)).toEqual([[1]]);
      expect(prepared()).toBe(2);
      select(3); // evicts 2, the least recently used
      select(1);
      expect(prepared()).toBe(3);
      select(2);
      expect(prepared()).toBe(4);
    } finally {
      db.close();
    }
  });
});
