import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { classifyDatabaseFailure } from "./failure";
import { checkSqliteDriver, compiledModuleVersion, ensureSqliteDriver, SqliteDriverError } from "./sqlite-driver";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "spravka-driver-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A throwaway project whose better-sqlite3 is a stand-in with this body. */
function projectWithDriver(body: string): string {
  const project = path.join(dir, "project");
  mkdirSync(path.join(project, "node_modules", "better-sqlite3"), { recursive: true });
  writeFileSync(path.join(project, "node_modules", "better-sqlite3", "index.js"), body);
  return project;
}

describe("the SQLite driver is checked before anything uses it", () => {
  test("the installed driver loads and answers a query in this Node.js", () => {
    expect(checkSqliteDriver()).toEqual({ ok: true });
    expect(() => ensureSqliteDriver()).not.toThrow();
  });

  test("the driver in use is the prebuilt Node-API binary: nothing was compiled at install", () => {
    const driver = path.resolve(import.meta.dirname, "..", "..", "node_modules", "better-sqlite3");
    // npm would otherwise run node-gyp for the package's binding.gyp; package.json's
    // allowScripts denies it, and the loader prefers a compiled build/ when one exists.
    expect(existsSync(path.join(driver, "build"))).toBe(false);
    expect(existsSync(path.join(driver, "prebuilds", `${process.platform}-${process.arch}.node`))).toBe(true);
    const manifest = JSON.parse(readFileSync(path.join(driver, "package.json"), "utf8")) as { version: string };
    expect(Number(manifest.version.split(".")[0])).toBeGreaterThanOrEqual(13);
  });

  test("a driver that fails to load is reported with the loader's message, without its stack", () => {
    const project = projectWithDriver("throw new Error('No native build was found for platform=plan9 arch=mips');");
    const check = checkSqliteDriver(project);
    expect(check).toEqual({
      ok: false,
      message: expect.stringContaining("No native build was found for platform=plan9"),
    });
    expect(check.ok || check.message).not.toMatch(/\n\s+at /);
    expect(() => ensureSqliteDriver(project)).toThrow(SqliteDriverError);
    const failure = classifyDatabaseFailure(
      (() => {
        try {
          ensureSqliteDriver(project);
        } catch (error) {
          return error;
        }
      })(),
      "file:./prisma/data/spravka.db",
    );
    expect(failure.whatFailed).toMatch(/^The SQLite driver \(better-sqlite3\) could not be loaded: .*plan9/);
    expect(failure.whatToDo).toMatch(/Node\.js 22\.12 or newer/);
  });

  test("a driver that crashes the process (as version 13 does on Node 20) is caught in the child, not here", () => {
    const project = projectWithDriver("process.kill(process.pid, 'SIGSEGV');");
    expect(checkSqliteDriver(project)).toEqual({
      ok: false,
      message: expect.stringMatching(/crashed while loading \(SIGSEGV\)/),
    });
  });

  test("reads the module version out of Node's loader message", () => {
    expect(
      compiledModuleVersion(
        "was compiled against a different Node.js version using\nNODE_MODULE_VERSION 127. This version",
      ),
    ).toBe(127);
    expect(compiledModuleVersion("Cannot find module 'better-sqlite3'")).toBeNull();
  });
});
