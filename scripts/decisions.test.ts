import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";

// Decision records are how a newcomer learns why things are as they are:
// each says when it was made and whether it still holds, and the index lists it.
const DIR = path.resolve(import.meta.dirname, "..", "docs", "decisions");
const records = readdirSync(DIR).filter((name) => /^\d{4}-.*\.md$/.test(name));

test.each(records)("%s has a Date and a Status line and is in the index", (name) => {
  const text = readFileSync(path.join(DIR, name), "utf8");
  expect(text).toMatch(/^\*\*Date:\*\* \d{4}-\d{2}-\d{2} · \*\*Status:\*\* \S/m);
  expect(readFileSync(path.join(DIR, "README.md"), "utf8")).toContain(`](${name})`);
});

test("a superseded record names a successor that exists", () => {
  for (const name of records) {
    const status = /\*\*Status:\*\* (.*)/.exec(readFileSync(path.join(DIR, name), "utf8"))?.[1] ?? "";
    for (const [, successor] of status.matchAll(/\]\((\d{4}-[^)]+\.md)\)/g)) expect(records).toContain(successor);
  }
});
