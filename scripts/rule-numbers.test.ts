import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";

// A rule's number (the 1953 amnesty's five years, a desk task's hours, the
// letters' pace) is named once, beside its source, and imported where it is
// used: restated as a literal it drifts from the rule when the history is
// corrected. These checks read the source as a reviewer would.

const ROOT = path.resolve(import.meta.dirname, "..");
const FOLDERS = ["app", "lib", "machines", "scripts"];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === "node_modules" ? [] : sources(full);
    return /\.tsx?$/.test(name) && !/\.(test|spec)\.tsx?$/.test(name) ? [full] : [];
  });
}

const files = FOLDERS.flatMap((folder) => sources(path.join(ROOT, folder))).map((file) => ({
  file: path.relative(ROOT, file),
  text: readFileSync(file, "utf8"),
}));

function occurrences(pattern: RegExp): string[] {
  return files.flatMap(({ file, text }) => [...text.matchAll(pattern)].map((m) => `${file}: ${m[0]}`));
}

test("no sentence length is compared with a bare number: the rules say what the limit is", () => {
  expect(occurrences(/termYears\]?!?\s*(<=|>=|<|>)\s*\d/g)).toEqual([]);
  expect(occurrences(/\d\s*(<=|>=|<|>)\s*\w*\.?termYears/g)).toEqual([]);
});

test.each([
  ["the 1953 amnesty's limit", /AMNESTY_1953_MAX_TERM_YEARS\s*=\s*\d+/g],
  ["the letters allowed in a week", /LETTERS_PER_WEEK\s*=\s*\d+/g],
  ["the letters allowed about a case", /LETTERS_PER_CASE\s*=\s*\d+/g],
  ["the shortest new term", /MIN_NEW_TERM_YEARS\s*=\s*\d+/g],
])("%s is a number in exactly one place", (_, pattern) => {
  expect(occurrences(pattern)).toHaveLength(1);
});

test("each desk task's hours are written once, in DESK_COSTS", () => {
  expect(occurrences(/DESK_COSTS\s*[:=]/g)).toHaveLength(1);
  // Nowhere else is a task's cost spelled out as hours.
  expect(occurrences(/hours:\s*(0\.5|1|2)\b,\s*(read|deputy|list)/g)).toEqual([]);
});
