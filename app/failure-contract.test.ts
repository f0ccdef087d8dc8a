import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { endpointFiles } from "./_testing/endpoints";

// A route handler's refusal gets its status from its Failure's code (lib/failure.ts), never
// from the wording of a message, and never from a number the handler picked itself.
// (app/fuzz.test.ts and app/authorization-matrix.test.ts check the answers themselves.)

const ROOT = path.resolve(import.meta.dirname, "..");

/** The source without comments, so a comment may still say "a 404 for a missing run". */
function code(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`])\/\/[^\n]*/g, "$1");
}

/** An error or message, as text, compared or searched (a Failure's `.code` may be compared: it is the point). */
const TEXT_TESTS: [string, RegExp][] = [
  ["compares an error or message with ===", /\b(?:error|message)\s*[!=]==?(?!>)/],
  ["compares something with an error or message", /[!=]==?\s*(?:[\w$]+\??\.)*(?:error|message)\b(?!\s*\??\.)/],
  [
    "searches an error or message",
    /\b(?:error|message)\s*\??\.\s*(?:includes|startsWith|endsWith|match|search|indexOf)\(/,
  ],
  ["tests a pattern against an error or message", /\.test\(\s*(?:[\w$]+\??\.)*(?:error|message)\s*\)/],
];

function problems(source: string): string[] {
  const text = code(source);
  const found = TEXT_TESTS.filter(([, pattern]) => pattern.test(text)).map(([what]) => what);
  if (/\b[45]\d\d\b/.test(text)) found.push("names a 4xx or 5xx status itself");
  // An object literal (`{ ok: false, … }`), not a type that names the refused branch (`{ ok: false }`).
  if (/\bok:\s*false\s*,/.test(text)) found.push("builds a refusal by hand instead of with failureResponse");
  return found;
}

const routes = endpointFiles().routes;

describe("route handlers choose no status by themselves", () => {
  test("the scan finds the route handlers", () => {
    expect(routes.length).toBeGreaterThanOrEqual(9);
  });

  test.each(routes)("%s", (file) => {
    expect(problems(readFileSync(path.join(ROOT, file), "utf8"))).toEqual([]);
  });

  test("the scan would catch what the routes used to do", () => {
    // The control route once chose its 404 by the message's wording, and the others their own numbers.
    expect(problems("const status = result.ok ? 200 : result.error === RUN_NOT_FOUND ? 404 : 409;")).toEqual([
      "compares an error or message with ===",
      "names a 4xx or 5xx status itself",
    ]);
    expect(problems("if (RUN_NOT_FOUND === result.error) return x;")).toEqual([
      "compares something with an error or message",
    ]);
    expect(problems('if (result.error.includes("not found")) return x;')).toEqual(["searches an error or message"]);
    expect(problems("if (/no such run/.test(result.message)) return x;")).toEqual([
      "tests a pattern against an error or message",
    ]);
    expect(problems("return Response.json({ ok: false, error }, { status: 403 });")).toEqual([
      "names a 4xx or 5xx status itself",
      "builds a refusal by hand instead of with failureResponse",
    ]);
    // What the routes do now passes: the code decides, and a comment may mention a status.
    expect(
      problems(`// a 404 for a missing run
        if (!result.ok) return failureResponse(result.error);
        const limited = result.error.code === "rateLimited";`),
    ).toEqual([]);
  });
});

describe("what the browser imports", () => {
  test("the contract and the API types bring no server code into a client bundle", () => {
    const contract = readFileSync(path.join(ROOT, "lib/failure.ts"), "utf8");
    expect(contract).not.toMatch(/^import /m);
    const types = readFileSync(path.join(ROOT, "lib/api-types.ts"), "utf8");
    const imports = types.match(/^import .*$/gm) ?? [];
    expect(imports.length).toBeGreaterThan(0);
    expect(imports.filter((line) => !line.startsWith("import type "))).toEqual([]);
    expect(types).not.toMatch(/^export (?!type )/m);
  });
});
