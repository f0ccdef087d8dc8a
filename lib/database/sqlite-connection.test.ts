import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { createClient } from "@/lib/db-client";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "spravka-connection-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A database file in this journal mode, and what the app's client reports as its synchronous setting. */
async function synchronousOfAppClient(journalMode: "wal" | "delete"): Promise<number> {
  const file = path.join(dir, `${journalMode}.db`);
  const setup = new Database(file);
  setup.pragma(`journal_mode = ${journalMode}`);
  setup.close();
  const client = createClient(`file:${file}`);
  try {
    const rows = await client.$queryRawUnsafe<{ synchronous: bigint | number }[]>("PRAGMA synchronous");
    return Number(rows[0]!.synchronous);
  } finally {
    await client.$disconnect();
  }
}

describe("the app's SQLite connections", () => {
  test("in WAL mode, commits do not wait for the disk (synchronous=NORMAL)", async () => {
    expect(await synchronousOfAppClient("wal")).toBe(1);
  });

  test("in any other journal mode SQLite's safer default stays (synchronous=FULL)", async () => {
    expect(await synchronousOfAppClient("delete")).toBe(2);
  });
});
