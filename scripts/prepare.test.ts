import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { ensureAuthSecret, loadEnvFile, supportedNodeRange, unsupportedNodeMessage } from "./prepare";

const ROOT = path.resolve(import.meta.dirname, "..");
let dir: string;
let saved: string | undefined;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "spravka-env-"));
  saved = process.env.AUTH_SECRET;
  delete process.env.AUTH_SECRET;
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  if (saved === undefined) delete process.env.AUTH_SECRET;
  else process.env.AUTH_SECRET = saved;
});

test("a missing AUTH_SECRET is generated once into .env.local, readable only by its owner", () => {
  const file = path.join(dir, ".env.local");
  writeFileSync(file, "PORT=4000");
  expect(ensureAuthSecret(file)).toBe("created");
  const secret = process.env.AUTH_SECRET;
  expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
  expect(readFileSync(file, "utf8")).toBe(
    `PORT=4000\n# Generated on first start: signs instructors' session cookies. Keep it secret.\nAUTH_SECRET=${secret}\n`,
  );

  // The next start reads the same secret back, so sessions survive restarts.
  delete process.env.AUTH_SECRET;
  loadEnvFile(file);
  expect(process.env.AUTH_SECRET).toBe(secret);
  expect(ensureAuthSecret(file)).toBe("existing");
  expect(readFileSync(file, "utf8").match(/AUTH_SECRET=/g)).toHaveLength(1);
});

test("the file holding the secret is readable only by its owner, new or existing", () => {
  const fresh = path.join(dir, ".env.local");
  ensureAuthSecret(fresh);
  expect(statSync(fresh).mode & 0o777).toBe(0o600);

  delete process.env.AUTH_SECRET;
  const existing = path.join(dir, "existing.env");
  writeFileSync(existing, "PORT=4000\n", { mode: 0o644 });
  ensureAuthSecret(existing);
  expect(statSync(existing).mode & 0o777).toBe(0o600);
});

test(".env.local is ignored by git", () => {
  const ignore = readFileSync(path.resolve(import.meta.dirname, "..", ".gitignore"), "utf8").split("\n");
  expect(ignore).toContain(".env.local");
});

test.each([
  ["20.20.2", false],
  ["22.11.0", false],
  ["22.12.0", true],
  ["23.11.1", false],
  ["24.21.0", true],
  ["26.1.0", true],
])("Node.js %s is supported: %s (package.json engines, checked before anything else at start)", (version, ok) => {
  const message = unsupportedNodeMessage(version);
  if (ok) expect(message).toBeNull();
  else {
    expect(message).toContain(`this is Node.js ${version}`);
    expect(message).toContain("24 LTS recommended");
  }
});

test("the engines range package.json names is the one the README's quick start promises", () => {
  const readme = readFileSync(path.resolve(import.meta.dirname, "..", "README.md"), "utf8");
  expect(supportedNodeRange()).toBe("^22.12.0 || >=24.0.0");
  expect(readme).toMatch(/Node\.js 24 LTS \(recommended\) or 22\.12\+/);
});

describe("npm start's preparation, as a person sees it", () => {
  test("prints the explanation and exits 1, with no stack trace and no engine noise", () => {
    const file = path.join(dir, "spravka.db");
    writeFileSync(file, "not a database");
    const result = spawnSync(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts", "prepare.ts")], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, DATABASE_URL: `file:${file}`, AUTH_SECRET: "test-secret-not-written" },
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("Could not prepare Spravka's database.");
    expect(result.stderr).toContain(`What failed: ${file} is not a SQLite database`);
    expect(result.stderr).toContain(`Database:    ${file} (SQLite)`);
    expect(result.stderr).toMatch(/What to do: /);
    expect(result.stderr).not.toMatch(/\n\s+at |External error|schema_engine|"level":/);
  });
});
