import { expect, test } from "vitest";
import { sqliteFilePath } from "./sqlite-path";

test("rejects a database URL that is not a SQLite file", () => {
  expect(() => sqliteFilePath("postgres://localhost/db")).toThrow(/file:/);
});
