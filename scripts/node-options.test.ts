import { execFileSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const NPM = process.platform === "win32" ? "npm.cmd" : "npm";

describe("how npm scripts start Node", () => {
  // The server, the CLI and the benchmarks run in processes npm starts: each should size V8's
  // worker pool to the machine rather than take Node's fixed four threads (.npmrc, ADR 0028).
  test("a script's Node sizes V8's pool to the machine", () => {
    const seen = execFileSync(NPM, ["exec", "-c", 'node -p "process.env.NODE_OPTIONS"'], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, NODE_OPTIONS: "" },
    });
    expect(seen.trim().split(/\s+/)).toContain("--v8-pool-size=0");
  });
});
